import { AUTH_ENTITIES } from '@deskgram/api/auth';
import { CLIENT_ENTITIES } from '@deskgram/api/clients';
import { INVOICE_ENTITIES } from '@deskgram/api/invoices';
import { NOTIFICATION_ENTITIES } from '@deskgram/api/notifications';
import { TELEGRAM_BOT_ENTITIES } from '@deskgram/api/telegram-bot';
import { TELEGRAM_LINK_ENTITIES } from '@deskgram/api/telegram-links';
import { TICKET_ENTITIES } from '@deskgram/api/tickets';

/** Every entity of every feature library; the composition root hands them to TypeORM and to the migration CLI. */
export const ENTITIES: Array<new () => unknown> = [
  ...AUTH_ENTITIES,
  ...CLIENT_ENTITIES,
  ...TICKET_ENTITIES,
  ...INVOICE_ENTITIES,
  ...TELEGRAM_LINK_ENTITIES,
  ...TELEGRAM_BOT_ENTITIES,
  ...NOTIFICATION_ENTITIES,
];
