import { CreateExtensions1764450000000 } from './1764450000000-CreateExtensions';
import { CreateUsersAndClients1795992834809 } from './1795992834809-CreateUsersAndClients';
import { CreateTickets1795993956309 } from './1795993956309-CreateTickets';
import { CreateInvoices1795994390072 } from './1795994390072-CreateInvoices';
import { CreateTelegramLinks1796002214252 } from './1796002214252-CreateTelegramLinks';
import { CreateNotifications1796003942090 } from './1796003942090-CreateNotifications';
import { AddTicketIndexes1796005589824 } from './1796005589824-AddTicketIndexes';
import { AddSessionsAndPasswordResets1796230716521 } from './1796230716521-AddSessionsAndPasswordResets';
import { AddTelegramConversation1796281233252 } from './1796281233252-AddTelegramConversation';
import { AddTicketAttachments1796282999573 } from './1796282999573-AddTicketAttachments';
import { SendFilesOverTelegram1796284156970 } from './1796284156970-SendFilesOverTelegram';
import { NotifySignInChanges1796302006645 } from './1796302006645-NotifySignInChanges';
import { QueueHeadIndexes1796302076012 } from './1796302076012-QueueHeadIndexes';

/** Every migration, in order. Listed by hand so that the bundled API needs no file globbing. */
export const migrations = [
  CreateExtensions1764450000000,
  CreateUsersAndClients1795992834809,
  CreateTickets1795993956309,
  CreateInvoices1795994390072,
  CreateTelegramLinks1796002214252,
  CreateNotifications1796003942090,
  AddTicketIndexes1796005589824,
  AddSessionsAndPasswordResets1796230716521,
  AddTelegramConversation1796281233252,
  AddTicketAttachments1796282999573,
  SendFilesOverTelegram1796284156970,
  NotifySignInChanges1796302006645,
  QueueHeadIndexes1796302076012,
];
