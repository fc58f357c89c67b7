// Tickets and their threads as the API answers them: entities (and the list's rows) in, DTOs out, nothing else.
import type { TicketAttachmentEntity } from './attachments/ticket-attachment.entity';
import { type AttachmentDto, type TicketDetailDto, type TicketDto, type TicketMessageDto } from './dto/tickets.dto';
import type { TicketMessageEntity } from './ticket-message.entity';
import { type TicketEntity, ticketNumber } from './ticket.entity';
import { type TicketListRow, type TicketWithThread } from './tickets.service';

export function toTicketDto(ticket: TicketEntity): TicketDto {
  return toTicketListItem({
    ...ticket,
    clientName: ticket.client?.name ?? null,
    assigneeName: ticket.assignee?.displayName ?? null,
  });
}

/**
 * A ticket's fields as the API answers them: a row of the list's query, which selects them under the entity's names,
 * or an entity with its client's and assignee's names.
 */
export function toTicketListItem(row: Omit<TicketListRow, 'total'>): TicketDto {
  return {
    id: row.id,
    number: ticketNumber(row.seq),
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    clientId: row.clientId,
    clientName: row.clientName ?? '',
    creatorId: row.creatorId,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
}

export function toMessageDto(message: TicketMessageEntity): TicketMessageDto {
  return {
    id: message.id,
    body: message.body,
    authorId: message.authorId,
    authorName: message.author?.displayName ?? '',
    authorRole: message.authorRole,
    internal: message.internal,
    via: message.via,
    createdAt: message.createdAt.toISOString(),
    attachments: [...(message.attachments ?? [])].sort((a, b) => a.position - b.position).map(toAttachmentDto),
  };
}

export function toAttachmentDto(attachment: TicketAttachmentEntity): AttachmentDto {
  return {
    id: attachment.id,
    fileName: attachment.fileName,
    size: attachment.size,
    contentType: attachment.contentType,
  };
}

export function toDetail({ ticket, messages }: TicketWithThread): TicketDetailDto {
  return { ...toTicketDto(ticket), messages: messages.map(toMessageDto) };
}
