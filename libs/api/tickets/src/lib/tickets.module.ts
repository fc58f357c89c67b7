import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DomainEventsPublisher } from '@deskgram/api/common';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { AttachmentUploadInterceptor } from './attachments/attachment-upload.interceptor';
import { AttachmentContentEntity } from './attachments/postgres-attachment-storage';
import { TicketAttachmentEntity } from './attachments/ticket-attachment.entity';

export const TICKET_ENTITIES = [TicketEntity, TicketMessageEntity, TicketAttachmentEntity, AttachmentContentEntity];

/**
 * Tickets, their threads and the threads' files. The attachments' limits and storage come from
 * `AttachmentsModule.forRoot`, imported once by the application.
 */
@Module({
  imports: [TypeOrmModule.forFeature(TICKET_ENTITIES)],
  controllers: [TicketsController, AttachmentsController],
  providers: [TicketsService, AttachmentsService, AttachmentUploadInterceptor, DomainEventsPublisher],
  exports: [TicketsService],
})
export class TicketsModule {}
