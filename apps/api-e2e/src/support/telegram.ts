import type { SentMessage, TelegramBotApiDouble, TelegramPerson, Update } from '@deskgram/testing/telegram-bot-api';
import type { Session, TestClient } from './api-client';

/** A token of the right shape for the Bot API double; the double accepts it, Telegram would not. */
export const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

/** Polls until `check` stops throwing: the bot and the deliverer work asynchronously to the HTTP routes. */
export { eventually } from '@deskgram/testing/harness';

/**
 * Links a portal user's Telegram as a person would: the portal's one-time link, then Start in Telegram, until the
 * bot confirms.
 */
export async function linkTelegram(
  http: TestClient,
  telegram: TelegramBotApiDouble,
  session: Session,
  person: TelegramPerson,
  area: 'client' | 'user',
): Promise<void> {
  const response = await http.post(`/api/telegram/${area}/generate-link`, {}, session.accessToken);
  if (response.status !== 200) throw new Error(`generate-link answered ${response.status}`);
  await telegram.pressStart(person, new URL(response.body.url).searchParams.get('start') ?? '');
  await telegram.waitForMessage(person, (message) => message.text.startsWith('✅ Telegram'));
}

/** Does what the person does in Telegram and returns the bot's answer: the message that quotes theirs. */
export async function answerTo(
  telegram: TelegramBotApiDouble,
  person: TelegramPerson,
  action: () => Promise<Update>,
): Promise<{ update: Update; answer: SentMessage }> {
  const update = await action();
  const answer = await telegram.waitForMessage(
    person,
    (message) => message.replyToMessageId === update.message?.message_id,
  );
  return { update, answer };
}
