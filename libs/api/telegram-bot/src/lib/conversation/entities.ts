import { TelegramTicketMessageEntity } from './telegram-ticket-message.entity';
import { TelegramUpdateEntity } from './telegram-update.entity';
import { TicketDraftEntity } from './ticket-draft.entity';

/** The bot's own tables: which ticket each sent message belongs to, handled updates, and new-ticket drafts. */
export const TELEGRAM_BOT_ENTITIES = [TelegramTicketMessageEntity, TelegramUpdateEntity, TicketDraftEntity];
