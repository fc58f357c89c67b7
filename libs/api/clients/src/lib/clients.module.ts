import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TelegramLinksModule } from '@deskgram/api/telegram-links';
import { ClientEntity } from './client.entity';
import { ClientsController } from './clients.controller';
import { ClientsService } from './clients.service';

export const CLIENT_ENTITIES = [ClientEntity];

@Module({
  imports: [TypeOrmModule.forFeature(CLIENT_ENTITIES), TelegramLinksModule],
  controllers: [ClientsController],
  providers: [ClientsService],
  exports: [ClientsService],
})
export class ClientsModule {}
