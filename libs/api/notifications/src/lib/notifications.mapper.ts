// Delivery rows as the delivery log shows them: never a chat id, the text as a short plain preview.
import type { DeliveryDto } from './dto/notifications.dto';
import type { DeliveryLogRow } from './read-models/delivery-log.read-model';

const PREVIEW_LENGTH = 160;

export function toDeliveryDto(row: DeliveryLogRow): DeliveryDto {
  const plain = row.text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    id: row.id,
    recipient: row.recipient,
    kind: row.kind,
    reference: row.reference,
    preview: plain.length > PREVIEW_LENGTH ? `${plain.slice(0, PREVIEW_LENGTH - 1)}…` : plain,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
  };
}
