import { toTelegramState } from './telegram-link.mapper';
import { TelegramLinkEntity } from './telegram-link.entity';

describe('toTelegramState', () => {
  it('says not_connected when there is no link', () => {
    expect(toTelegramState(null)).toEqual({ connected: false, state: 'not_connected', username: null, linkedAt: null });
  });

  it('shows the state and the username, never a Telegram id', () => {
    const link = Object.assign(new TelegramLinkEntity(), {
      userId: 'u1',
      telegramUserId: '7000000001',
      chatId: '7000000001',
      username: 'anna',
      firstName: 'Anna',
      language: 'en',
      state: 'blocked',
      linkedAt: new Date('2026-12-01T10:00:00Z'),
    });
    const state = toTelegramState(link);
    expect(state).toEqual({
      connected: false,
      state: 'blocked',
      username: 'anna',
      linkedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(JSON.stringify(state)).not.toContain('7000000001');
  });
});
