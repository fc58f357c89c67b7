import type { TelegramStateDto } from './dto/telegram-state.dto';
import type { TelegramLinkEntity } from './telegram-link.entity';

/** A portal user's Telegram state as staff and the user see it; no link is `not_connected`. Never a Telegram id. */
export function toTelegramState(link: TelegramLinkEntity | null | undefined): TelegramStateDto {
  if (!link) return { connected: false, state: 'not_connected', username: null, linkedAt: null };
  return {
    connected: link.state === 'connected',
    state: link.state,
    username: link.username,
    linkedAt: link.linkedAt.toISOString(),
  };
}
