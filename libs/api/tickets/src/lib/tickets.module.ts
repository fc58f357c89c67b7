import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DomainEventsPublisher } from '@deskgram/api/common';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

export const TICKET_ENTITIES = [TicketEntity, TicketMessageEntity];

@Module({
  imports: [TypeOrmModule.forFeature(TICKET_ENTITIES)],
  controllers: [TicketsController],
  providers: [TicketsService, DomainEventsPublisher],
  exports: [TicketsService],
})
export class TicketsModule {}
