import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Telegraf, Telegram } from 'telegraf';
import { greyJpeg, imageInfo } from './images';
import { TelegramBotApiDouble } from './telegram-bot-api-double';
import { type FileInfo, type Message, type Update } from './types';

interface ApiAnswer {
  status: number;
  body: {
    ok: boolean;
    result?: unknown;
    error_code?: number;
    description?: string;
    parameters?: { retry_after?: number };
  };
}

async function call(
  double: TelegramBotApiDouble,
  method: string,
  params: Record<string, unknown> = {},
  token = double.token,
): Promise<ApiAnswer> {
  const response = await fetch(`${double.url}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as ApiAnswer['body'] };
}

async function eventually(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const never = (ms: number): Promise<'pending'> => new Promise((resolve) => setTimeout(() => resolve('pending'), ms));

describe('TelegramBotApiDouble', () => {
  let double: TelegramBotApiDouble;

  beforeEach(async () => {
    double = new TelegramBotApiDouble({ webhookRetryDelayMs: 50 });
    await double.start();
  });

  afterEach(async () => {
    await double.stop();
  });

  describe('routing', () => {
    it('answers 401 Unauthorized to a wrong token', async () => {
      const answer = await call(double, 'getMe', {}, '123:wrong');
      expect(answer).toEqual({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    });

    it('accepts a token set later and refuses the old one', async () => {
      const old = double.token;
      double.setToken('42:new-token');
      expect((await call(double, 'getMe', {}, old)).status).toBe(401);
      expect((await call(double, 'getMe', {}, '42:new-token')).status).toBe(200);
    });

    it('answers 404 to an unknown method and treats method names case-insensitively', async () => {
      const unknown = await call(double, 'sendTelepathy');
      expect(unknown).toEqual({
        status: 404,
        body: { ok: false, error_code: 404, description: 'Not Found: method not found' },
      });
      expect((await call(double, 'GETME')).status).toBe(200);
      expect(double.calls.map((c) => c.method)).toEqual(['sendTelepathy', 'getMe']);
    });

    it('describes the bot in getMe', async () => {
      const double2 = new TelegramBotApiDouble({ token: '987654321:AAbbCC', username: 'helpdesk_bot' });
      await double2.start();
      try {
        const answer = await call(double2, 'getMe');
        expect(answer.body.result).toEqual({
          id: 987654321,
          is_bot: true,
          first_name: 'Deskgram Test',
          username: 'helpdesk_bot',
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        });
      } finally {
        await double2.stop();
      }
    });

    it('reads urlencoded bodies and query-string parameters', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const form = await fetch(`${double.url}/bot${double.token}/sendMessage?chat_id=${anna.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          text: 'Hi <b>Anna</b>',
          parse_mode: 'HTML',
          reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] }),
        }).toString(),
      });
      expect(form.status).toBe(200);
      const [sent] = double.sentTo(anna);
      expect(sent.text).toBe('Hi Anna');
      expect(sent.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] });
      const get = await fetch(`${double.url}/bot${double.token}/getUpdates?offset=5&timeout=0`);
      expect(get.status).toBe(200);
      expect(double.callsOf('getUpdates')[0].params).toEqual({ offset: '5', timeout: '0' });
    });
  });

  describe('getUpdates', () => {
    it('answers at once when updates are pending and confirms earlier ones with offset', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const first = await double.sendText(anna, 'one');
      const second = await double.sendText(anna, 'two');
      const all = await call(double, 'getUpdates', { timeout: 30 });
      expect((all.body.result as Update[]).map((u) => u.update_id)).toEqual([first.update_id, second.update_id]);
      // Not confirmed yet: asked again without offset, Telegram answers the same updates.
      const again = await call(double, 'getUpdates', {});
      expect((again.body.result as Update[]).length).toBe(2);
      const confirmed = await call(double, 'getUpdates', { offset: second.update_id });
      expect((confirmed.body.result as Update[]).map((u) => u.update_id)).toEqual([second.update_id]);
      const empty = await call(double, 'getUpdates', { offset: second.update_id + 1 });
      expect(empty.body.result).toEqual([]);
      expect(double.pendingUpdates).toEqual([]);
    });

    it('holds a long poll until an update arrives', async () => {
      const anna = double.person({ firstName: 'Anna', username: 'anna' });
      const poll = call(double, 'getUpdates', { timeout: 30 });
      await double.waitForCall((c) => c.method === 'getUpdates');
      expect(await Promise.race([poll, never(100)])).toBe('pending');
      const update = await double.pressStart(anna, 'ticket-42');
      const answer = await poll;
      expect(answer.body.result).toEqual([update]);
      expect(update.message).toMatchObject({
        text: '/start ticket-42',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
        from: { id: anna.id, is_bot: false, first_name: 'Anna', username: 'anna' },
        chat: { id: anna.id, type: 'private' },
      });
    });

    it('ends a long poll empty after its timeout', async () => {
      const started = Date.now();
      const answer = await call(double, 'getUpdates', { timeout: 1 });
      expect(answer.body.result).toEqual([]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    });

    it('terminates the waiting poll with 409 when another getUpdates arrives', async () => {
      const first = call(double, 'getUpdates', { timeout: 30 });
      await double.waitForCall((c) => c.method === 'getUpdates');
      const second = call(double, 'getUpdates', { timeout: 30 });
      expect(await first).toEqual({
        status: 409,
        body: {
          ok: false,
          error_code: 409,
          description:
            'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
        },
      });
      const update = await double.sendText(double.person({ firstName: 'Bo' }), 'hello');
      expect((await second).body.result).toEqual([update]);
    });

    it('refuses getUpdates with 409 while a webhook is set', async () => {
      await call(double, 'setWebhook', { url: 'http://127.0.0.1:1/hook' });
      const answer = await call(double, 'getUpdates', {});
      expect(answer.status).toBe(409);
      expect(answer.body.description).toBe(
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
      await call(double, 'deleteWebhook', {});
      expect((await call(double, 'getUpdates', {})).status).toBe(200);
    });

    it('hands a redelivered update out again with the same update_id', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const update = await double.sendText(anna, 'hello');
      await call(double, 'getUpdates', {});
      await call(double, 'getUpdates', { offset: update.update_id + 1 });
      await double.redeliver(update);
      const again = await call(double, 'getUpdates', { offset: update.update_id + 1 });
      expect(again.body.result).toEqual([update]);
      await call(double, 'getUpdates', { offset: update.update_id + 1 });
      expect(double.pendingUpdates).toEqual([]);
    });
  });

  describe('webhook', () => {
    let hook: Server;
    let received: { headers: IncomingHttpHeaders; body: Update }[];
    let answerStatuses: number[];

    beforeEach(async () => {
      received = [];
      answerStatuses = [];
      hook = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString()) as Update });
          response.statusCode = answerStatuses.shift() ?? 200;
          response.end();
        });
      });
      await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    });

    afterEach(async () => {
      await new Promise((resolve) => hook.close(resolve));
    });

    const hookUrl = (): string => `http://127.0.0.1:${(hook.address() as AddressInfo).port}/telegram`;

    it('posts updates with the secret header and retries refused ones in order', async () => {
      answerStatuses = [401, 500];
      const set = await call(double, 'setWebhook', { url: hookUrl(), secret_token: 's3cr3t' });
      expect(set.body).toEqual({ ok: true, result: true, description: 'Webhook was set' });
      const anna = double.person({ firstName: 'Anna' });
      const first = await double.sendText(anna, 'one');
      const second = await double.sendText(anna, 'two');
      await double.waitUntilHandled(second);
      expect(received.map((r) => r.body.update_id)).toEqual([
        first.update_id,
        first.update_id,
        first.update_id,
        second.update_id,
      ]);
      expect(received[0].headers['x-telegram-bot-api-secret-token']).toBe('s3cr3t');
      expect(received[0].headers['content-type']).toBe('application/json');
      expect(double.webhookDeliveries.map((d) => d.status)).toEqual([401, 500, 200, 200]);
      const info = await call(double, 'getWebhookInfo');
      expect(info.body.result).toMatchObject({ url: hookUrl(), pending_update_count: 0 });
    });

    it('keeps updates while the webhook cannot be reached and reports the error', async () => {
      await call(double, 'setWebhook', { url: 'http://127.0.0.1:1/down' });
      const update = await double.sendText(double.person({ firstName: 'Anna' }), 'hello');
      await eventually(() => double.webhookDeliveries.length >= 2);
      expect(double.webhookDeliveries.length).toBeGreaterThanOrEqual(2);
      expect(double.webhookDeliveries.every((d) => !d.ok && d.status === undefined)).toBe(true);
      expect(double.pendingUpdates).toEqual([update]);
      const info = await call(double, 'getWebhookInfo');
      expect(info.body.result).toMatchObject({ pending_update_count: 1, last_error_message: expect.any(String) });
    });

    it('drops pending updates on request', async () => {
      await double.sendText(double.person({ firstName: 'Anna' }), 'old');
      await call(double, 'setWebhook', { url: hookUrl(), drop_pending_updates: true });
      expect(double.pendingUpdates).toEqual([]);
    });

    it('refuses a secret token with characters Telegram does not allow', async () => {
      const answer = await call(double, 'setWebhook', { url: hookUrl(), secret_token: 'not allowed!' });
      expect(answer.body.description).toBe('Bad Request: secret token contains unallowed characters');
    });
  });

  describe('sendMessage', () => {
    it('answers 400 chat not found for a chat that never wrote to the bot', async () => {
      const answer = await call(double, 'sendMessage', { chat_id: 123, text: 'hello' });
      expect(answer).toEqual({
        status: 400,
        body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
      });
    });

    it("carries a person's message from a group, and takes the bot's answer to the group", async () => {
      const anna = double.person({ firstName: 'Anna' });
      const group = double.group({ title: 'Support team' });
      expect(group.chatId).toBeLessThan(0);
      const update = await double.sendTextInGroup(group, anna, '/status@deskgram_test_bot');
      expect(update.message).toMatchObject({
        chat: { id: group.chatId, type: 'group', title: 'Support team' },
        from: { id: anna.id, first_name: 'Anna' },
        entities: [{ type: 'bot_command', offset: 0, length: 25 }],
      });
      const answer = await call(double, 'sendMessage', { chat_id: group.chatId, text: 'Write to me privately' });
      expect(answer.status).toBe(200);
      expect(answer.body.result).toMatchObject({ chat: { id: group.chatId, type: 'group' } });
      expect(double.sentTo(group.chatId).map((message) => message.text)).toEqual(['Write to me privately']);
      expect(double.sentTo(anna)).toEqual([]);
      expect(double.group({ title: 'Support team', id: group.chatId })).toBe(group);
    });

    it('answers 403 when the person blocked the bot, and pressing Start unblocks', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const blocked = await double.blockBot(anna);
      expect(blocked.my_chat_member).toMatchObject({
        old_chat_member: { status: 'member' },
        new_chat_member: { status: 'kicked' },
        from: { id: anna.id },
      });
      const answer = await call(double, 'sendMessage', { chat_id: anna.id, text: 'hello' });
      expect(answer).toEqual({
        status: 403,
        body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
      });
      await double.pressStart(anna);
      expect(double.pendingUpdates.map((u) => Object.keys(u)[1])).toEqual([
        'my_chat_member',
        'my_chat_member',
        'message',
      ]);
      expect((await call(double, 'sendMessage', { chat_id: anna.id, text: 'hello' })).status).toBe(200);
    });

    it('answers 403 when the bot writes first to someone who never opened the chat', async () => {
      const anna = double.person({ firstName: 'Anna', hasStartedBot: false });
      const answer = await call(double, 'sendMessage', { chat_id: anna.id, text: 'hello' });
      expect(answer.body.description).toBe("Forbidden: bot can't initiate conversation with a user");
    });

    it('refuses empty text', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const answer = await call(double, 'sendMessage', { chat_id: anna.id, text: '  ' });
      expect(answer.body.description).toBe('Bad Request: message text is empty');
    });

    it('accepts Telegram HTML and answers the message with its entities', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const answer = await call(double, 'sendMessage', {
        chat_id: String(anna.id),
        text: 'Ticket <b>#42</b> &amp; <a href="https://x.test/t?a=1&amp;b=2">open</a>',
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      });
      expect(answer.status).toBe(200);
      expect(answer.body.result).toMatchObject({
        message_id: 1,
        chat: { id: anna.id, type: 'private' },
        from: { id: double.bot.id, is_bot: true },
        text: 'Ticket #42 & open',
        entities: [
          { type: 'bold', offset: 7, length: 3 },
          { type: 'text_link', offset: 13, length: 4, url: 'https://x.test/t?a=1&b=2' },
        ],
      });
      const second = await double.waitForMessage(anna);
      expect(second).toMatchObject({ text: 'Ticket #42 & open', parseMode: 'HTML', messageId: 1 });
    });

    it.each([
      ['<div>x</div>', 'Unsupported start tag "div" at byte offset 0'],
      ['<b>bold', 'Can\'t find end tag corresponding to start tag "b"'],
      ['<b><i>x</b></i>', 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
      ['Tom & Jerry', 'Character entity expected at byte offset 4: write a bare "&" as "&amp;"'],
      ['1 < 2', 'Unsupported start tag "" at byte offset 2'],
    ])('refuses bad HTML %j', async (text, reason) => {
      const anna = double.person({ firstName: 'Anna' });
      const answer = await call(double, 'sendMessage', { chat_id: anna.id, text, parse_mode: 'HTML' });
      expect(answer).toEqual({
        status: 400,
        body: { ok: false, error_code: 400, description: `Bad Request: can't parse entities: ${reason}` },
      });
    });

    it('refuses text longer than 4096 UTF-16 units after parsing', async () => {
      const anna = double.person({ firstName: 'Anna' });
      double.setLimits({ perChatPerSecond: Infinity });
      const fits = await call(double, 'sendMessage', {
        chat_id: anna.id,
        text: `<b>${'x'.repeat(4096)}</b>`,
        parse_mode: 'HTML',
      });
      expect(fits.status).toBe(200);
      const tooLong = await call(double, 'sendMessage', { chat_id: anna.id, text: '😀'.repeat(2049) });
      expect(tooLong.body.description).toBe('Bad Request: message is too long');
    });

    it('answers 429 with retry_after beyond one message per chat per second', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const bo = double.person({ firstName: 'Bo' });
      expect((await call(double, 'sendMessage', { chat_id: anna.id, text: 'one' })).status).toBe(200);
      const limited = await call(double, 'sendMessage', { chat_id: anna.id, text: 'two' });
      expect(limited).toEqual({
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 1',
          parameters: { retry_after: 1 },
        },
      });
      expect((await call(double, 'sendMessage', { chat_id: bo.id, text: 'one' })).status).toBe(200);
      expect(double.sentTo(anna).map((m) => m.text)).toEqual(['one']);
    });

    it('answers 429 beyond the global limit', async () => {
      double.setLimits({ globalPerSecond: 3 });
      const people = [1, 2, 3, 4].map((n) => double.person({ firstName: `P${n}` }));
      const statuses: number[] = [];
      for (const person of people) {
        statuses.push((await call(double, 'sendMessage', { chat_id: person.id, text: 'hi' })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    });

    it('refuses callback_data over 64 bytes', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const answer = await call(double, 'sendMessage', {
        chat_id: anna.id,
        text: 'pick',
        reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'x'.repeat(65) }]] },
      });
      expect(answer.body.description).toBe('Bad Request: BUTTON_DATA_INVALID');
    });
  });

  describe('other methods', () => {
    it('stores commands and answers callback queries', async () => {
      const commands = [{ command: 'help', description: 'How to reach us' }];
      expect((await call(double, 'setMyCommands', { commands })).body.result).toBe(true);
      expect((await call(double, 'getMyCommands')).body.result).toEqual(commands);
      expect(double.commands()).toEqual(commands);
      expect((await call(double, 'deleteMyCommands')).body.result).toBe(true);
      expect((await call(double, 'getMyCommands')).body.result).toEqual([]);

      const anna = double.person({ firstName: 'Anna' });
      await call(double, 'sendMessage', {
        chat_id: anna.id,
        text: 'Close the ticket?',
        reply_markup: { inline_keyboard: [[{ text: 'Yes', callback_data: 'close:42' }]] },
      });
      const press = await double.pressButton(anna, 'close:42');
      expect(press.callback_query).toMatchObject({ data: 'close:42', message: { text: 'Close the ticket?' } });
      await expect(double.pressButton(anna, 'missing')).rejects.toThrow(/has a button/);
      const id = press.callback_query?.id;
      expect((await call(double, 'answerCallbackQuery', { callback_query_id: id })).body.result).toBe(true);
      expect(double.callbackAnswers.map((a) => a.callbackQueryId)).toEqual([id]);
      expect((await call(double, 'sendChatAction', { chat_id: anna.id, action: 'typing' })).body.result).toBe(true);
    });

    it('keeps the menu button, and opens Mini Apps over https only', async () => {
      expect(double.menuButton).toEqual({ type: 'commands' });
      const webApp = { type: 'web_app', text: 'Deskgram', web_app: { url: 'https://help.example.org/' } };
      expect((await call(double, 'setChatMenuButton', { menu_button: webApp })).body.result).toBe(true);
      expect((await call(double, 'getChatMenuButton')).body.result).toEqual(webApp);
      const plain = { ...webApp, web_app: { url: 'http://localhost:3000/' } };
      const refused = await call(double, 'setChatMenuButton', { menu_button: plain });
      expect(refused.body.description).toMatch(/Only HTTPS links are allowed/);
      expect((await call(double, 'setChatMenuButton', { menu_button: { type: 'default' } })).body.result).toBe(true);
      expect(double.menuButton).toEqual({ type: 'commands' });

      const anna = double.person({ firstName: 'Anna' });
      const button = (url: string) => ({ inline_keyboard: [[{ text: 'Open', web_app: { url } }]] });
      const sent = await call(double, 'sendMessage', {
        chat_id: anna.id,
        text: 'T-1042',
        reply_markup: button('https://help.example.org/?startapp=ticket-T-1042'),
      });
      expect(sent.body.ok).toBe(true);
      const http = await call(double, 'sendMessage', {
        chat_id: anna.id,
        text: 'T-1042',
        reply_markup: button('http://help.example.org/'),
      });
      expect(http.status).toBe(400);
    });

    it('edits and deletes messages', async () => {
      const anna = double.person({ firstName: 'Anna' });
      await call(double, 'sendMessage', { chat_id: anna.id, text: 'draft' });
      const edited = await call(double, 'editMessageText', { chat_id: anna.id, message_id: 1, text: 'final' });
      expect(edited.body.result).toMatchObject({ text: 'final', edit_date: expect.any(Number) });
      const same = await call(double, 'editMessageText', { chat_id: anna.id, message_id: 1, text: 'final' });
      expect(same.body.description).toMatch(/^Bad Request: message is not modified/);
      expect((await call(double, 'deleteMessage', { chat_id: anna.id, message_id: 1 })).body.result).toBe(true);
      expect((await call(double, 'deleteMessage', { chat_id: anna.id, message_id: 1 })).status).toBe(400);
      expect(double.sentTo(anna)[0]).toMatchObject({ text: 'final', deleted: true });
    });
  });

  describe('replies', () => {
    beforeEach(() => double.setLimits({ perChatPerSecond: Infinity }));

    it('lets a person reply to a bot message, carrying it one level deep as it is now', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const hello = await double.sendText(anna, 'hello');
      const question = await call(double, 'sendMessage', {
        chat_id: anna.id,
        text: 'Which ticket?',
        reply_parameters: { message_id: hello.message?.message_id },
        reply_markup: { inline_keyboard: [[{ text: 'Newest', callback_data: 'newest' }]] },
      });
      expect(question.body.result).toMatchObject({ reply_to_message: { message_id: 1, text: 'hello' } });
      const [sent] = double.sentTo(anna);
      expect(sent.replyToMessageId).toBe(1);
      await call(double, 'editMessageText', { chat_id: anna.id, message_id: sent.messageId, text: 'Which one?' });

      const reply = await double.replyTo(anna, sent, '/close 42');
      expect(reply.message).toMatchObject({
        message_id: 3,
        from: { id: anna.id },
        chat: { id: anna.id },
        text: '/close 42',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      });
      expect(reply.message?.reply_to_message).toEqual({
        message_id: 2,
        from: double.bot,
        chat: anna.chat,
        date: expect.any(Number),
        edit_date: expect.any(Number),
        text: 'Which one?',
      });
      expect(double.pendingUpdates.at(-1)).toBe(reply);
    });

    it("refuses a reply to a message outside the person's chat or deleted", async () => {
      const anna = double.person({ firstName: 'Anna' });
      const bo = double.person({ firstName: 'Bo' });
      await call(double, 'sendMessage', { chat_id: anna.id, text: 'For Anna' });
      const [sent] = double.sentTo(anna);
      await expect(double.replyTo(bo, sent, 'mine?')).rejects.toThrow(/not in the chat of person/);
      await call(double, 'deleteMessage', { chat_id: anna.id, message_id: sent.messageId });
      await expect(double.replyTo(anna, sent, 'gone')).rejects.toThrow(/deleted/);
      expect(double.pendingUpdates).toEqual([]);
    });

    it('forges a reply to a bot message that is not there', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const forged = await double.forgeReply(anna, 99, 'I approve');
      expect(forged.message).toMatchObject({ message_id: 1, text: 'I approve' });
      expect(forged.message?.reply_to_message).toEqual({
        message_id: 99,
        date: expect.any(Number),
        chat: anna.chat,
        from: double.bot,
        text: '',
      });
    });

    it('edits what the person wrote, keeping its message_id', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const bo = double.person({ firstName: 'Bo' });
      const original = await double.sendText(anna, 'helo');
      const edited = await double.editText(anna, original, '/help now');
      expect(edited.message).toBeUndefined();
      expect(edited.edited_message).toMatchObject({
        message_id: original.message?.message_id,
        text: '/help now',
        edit_date: expect.any(Number),
        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
      });
      expect(original.message?.text).toBe('helo');
      await expect(double.editText(bo, original, 'not mine')).rejects.toThrow(/can only edit/);
      const answer = await call(double, 'sendMessage', { chat_id: anna.id, text: 'Got it', reply_to_message_id: 1 });
      expect(answer.body.result).toMatchObject({ reply_to_message: { message_id: 1, text: '/help now' } });
    });

    it('sends documents and photos, maybe as replies', async () => {
      const anna = double.person({ firstName: 'Anna' });
      await call(double, 'sendMessage', { chat_id: anna.id, text: 'Send the invoice' });
      const [asked] = double.sentTo(anna);
      const document = await double.sendDocument(anna, {
        fileName: 'invoice.pdf',
        mimeType: 'application/pdf',
        size: 52_000,
        caption: 'Here',
        replyTo: asked,
      });
      expect(document.message).toMatchObject({
        message_id: 2,
        caption: 'Here',
        document: {
          file_id: expect.stringMatching(/^BQAC/),
          file_unique_id: expect.any(String),
          file_name: 'invoice.pdf',
          mime_type: 'application/pdf',
          file_size: 52_000,
        },
        reply_to_message: { message_id: asked.messageId, text: 'Send the invoice' },
      });
      expect(document.message?.text).toBeUndefined();
      const photo = await double.sendPhoto(anna, { width: 1600, height: 800 });
      expect(photo.message?.photo).toEqual([
        {
          file_id: expect.any(String),
          file_unique_id: expect.any(String),
          width: 320,
          height: 160,
          file_size: expect.any(Number),
        },
        {
          file_id: expect.any(String),
          file_unique_id: expect.any(String),
          width: 1600,
          height: 800,
          file_size: expect.any(Number),
        },
      ]);
      expect(photo.message?.caption).toBeUndefined();
      expect(photo.message?.reply_to_message).toBeUndefined();
      const ids = [document.message?.document?.file_id, ...(photo.message?.photo ?? []).map((size) => size.file_id)];
      expect(new Set(ids).size).toBe(3);
    });

    it('answers with reply_to_message for reply_parameters, given as an object or as JSON', async () => {
      const anna = double.person({ firstName: 'Anna' });
      await double.sendText(anna, 'first');
      await call(double, 'sendMessage', { chat_id: anna.id, text: 'second' });
      const asJson = await call(double, 'sendMessage', {
        chat_id: anna.id,
        text: 'third',
        reply_parameters: JSON.stringify({ message_id: 2 }),
      });
      expect(asJson.body.result).toMatchObject({
        message_id: 3,
        reply_to_message: { message_id: 2, text: 'second', from: { is_bot: true } },
      });
      // One level only: the third message's own reply is left out when it is replied to.
      const toThird = await call(double, 'sendMessage', { chat_id: anna.id, text: 'fourth', reply_to_message_id: 3 });
      const replied = (toThird.body.result as { reply_to_message: Record<string, unknown> }).reply_to_message;
      expect(replied).toMatchObject({ message_id: 3, text: 'third' });
      expect(replied).not.toHaveProperty('reply_to_message');
      expect(double.sentTo(anna).map((sent) => sent.replyToMessageId)).toEqual([undefined, 2, 3]);
    });

    it('refuses a reply to a missing or deleted message unless allowed to send without it', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const bo = double.person({ firstName: 'Bo' });
      await double.sendText(bo, 'in the other chat');
      const missing = await call(double, 'sendMessage', {
        chat_id: anna.id,
        text: 'hi',
        reply_parameters: { message_id: 1 },
      });
      expect(missing).toEqual({
        status: 400,
        body: { ok: false, error_code: 400, description: 'Bad Request: message to be replied not found' },
      });
      await double.sendText(anna, 'soon deleted');
      await call(double, 'deleteMessage', { chat_id: anna.id, message_id: 1 });
      const old = await call(double, 'sendMessage', { chat_id: anna.id, text: 'hi', reply_to_message_id: 1 });
      expect(old.body.description).toBe('Bad Request: message to be replied not found');
      const allowed = await call(double, 'sendMessage', {
        chat_id: anna.id,
        text: 'hi',
        reply_parameters: { message_id: 1, allow_sending_without_reply: true },
      });
      expect(allowed.status).toBe(200);
      expect(allowed.body.result).not.toHaveProperty('reply_to_message');
      expect(double.sentTo(anna)).toHaveLength(1);
    });
  });

  describe('callback queries', () => {
    it('lets a modified client send callback_data no button carries', async () => {
      const anna = double.person({ firstName: 'Anna' });
      double.setLimits({ perChatPerSecond: Infinity });
      await call(double, 'sendMessage', { chat_id: anna.id, text: 'older' });
      await call(double, 'sendMessage', { chat_id: anna.id, text: 'newest' });
      await expect(double.pressButton(anna, 'admin:drop')).rejects.toThrow(/has a button/);
      const forged = await double.pressButton(anna, 'admin:drop', { forged: true });
      expect(forged.callback_query).toMatchObject({ data: 'admin:drop', message: { message_id: 2, text: 'newest' } });
      const [older] = double.sentTo(anna);
      const named = await double.pressButton(anna, 'x', { forged: true, message: older });
      expect(named.callback_query?.message).toMatchObject({ message_id: 1 });
      const bo = double.person({ firstName: 'Bo' });
      await expect(double.pressButton(bo, 'x', { forged: true })).rejects.toThrow(/sent no message/);
    });

    it('takes one answer per issued query and refuses others', async () => {
      const anna = double.person({ firstName: 'Anna' });
      await call(double, 'sendMessage', {
        chat_id: anna.id,
        text: 'Close?',
        reply_markup: { inline_keyboard: [[{ text: 'Yes', callback_data: 'yes' }]] },
      });
      const press = await double.pressButton(anna, 'yes');
      const answered = double.waitForCallbackAnswer(press);
      const first = await call(double, 'answerCallbackQuery', {
        callback_query_id: press.callback_query?.id,
        text: 'Closed',
      });
      expect(first.body.result).toBe(true);
      expect(await answered).toMatchObject({ callbackQueryId: press.callback_query?.id, text: 'Closed' });
      const invalid = {
        status: 400,
        body: {
          ok: false,
          error_code: 400,
          description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
        },
      };
      expect(await call(double, 'answerCallbackQuery', { callback_query_id: press.callback_query?.id })).toEqual(
        invalid,
      );
      expect(await call(double, 'answerCallbackQuery', { callback_query_id: '123456' })).toEqual(invalid);
      expect(double.callbackAnswers).toHaveLength(1);
      await expect(double.waitForCallbackAnswer(await double.pressButton(anna, 'yes'), 50)).rejects.toThrow(
        /timed out after 50 ms waiting for an answer to callback query/,
      );
    });

    it('lets the bot answer a callback query pushed as an update', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const pushed = await double.pushUpdate({
        callback_query: { id: 'pushed-1', from: anna.user, chat_instance: '1', data: 'x' },
      });
      expect((await call(double, 'answerCallbackQuery', { callback_query_id: 'pushed-1' })).status).toBe(200);
      expect((await double.waitForCallbackAnswer(pushed)).callbackQueryId).toBe('pushed-1');
    });
  });

  describe('reactions', () => {
    it("sets, replaces and clears the bot's reaction on a message of the chat", async () => {
      const anna = double.person({ firstName: 'Anna' });
      await double.sendText(anna, 'thanks!');
      await call(double, 'sendMessage', { chat_id: anna.id, text: 'You are welcome' });
      const like = await call(double, 'setMessageReaction', {
        chat_id: anna.id,
        message_id: 1,
        reaction: [{ type: 'emoji', emoji: '👍' }],
      });
      expect(like.body).toEqual({ ok: true, result: true });
      expect(double.reactionsOn(anna, 1)).toEqual(['👍']);
      await call(double, 'setMessageReaction', {
        chat_id: anna.id,
        message_id: 2,
        reaction: JSON.stringify([{ type: 'emoji', emoji: '❤\u200d🔥' }]),
        is_big: true,
      });
      expect(double.reactionsOn(anna, 2)).toEqual(['❤\u200d🔥']);
      await call(double, 'setMessageReaction', { chat_id: anna.id, message_id: 1, reaction: [] });
      expect(double.reactionsOn(anna, 1)).toEqual([]);
      expect(double.callsOf('setMessageReaction').map((c) => c.status)).toEqual([200, 200, 200]);
    });

    it('refuses a missing message, an emoji Telegram does not offer and more than one reaction', async () => {
      const anna = double.person({ firstName: 'Anna' });
      await double.sendText(anna, 'hello');
      const react = (messageId: number, ...emojis: string[]) =>
        call(double, 'setMessageReaction', {
          chat_id: anna.id,
          message_id: messageId,
          reaction: emojis.map((emoji) => ({ type: 'emoji', emoji })),
        });
      expect(await react(2, '👍')).toEqual({
        status: 400,
        body: { ok: false, error_code: 400, description: 'Bad Request: MESSAGE_ID_INVALID' },
      });
      expect((await react(1, '🐱')).body.description).toBe('Bad Request: REACTION_INVALID');
      expect((await react(1, '👍', '🔥')).body.description).toBe('Bad Request: REACTIONS_TOO_MANY');
      await call(double, 'deleteMessage', { chat_id: anna.id, message_id: 1 });
      expect((await react(1, '👍')).body.description).toBe('Bad Request: MESSAGE_ID_INVALID');
      expect(double.reactionsOn(anna, 1)).toEqual([]);
    });

    it('takes the reaction telegraf sends', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const update = await double.sendText(anna, 'hello');
      const telegram = new Telegram(double.token, { apiRoot: double.url });
      await telegram.setMessageReaction(anna.id, update.message?.message_id ?? 0, [{ type: 'emoji', emoji: '👀' }]);
      expect(double.reactionsOn(anna, 1)).toEqual(['👀']);
    });
  });

  describe('keyboard edits', () => {
    it('tells waiters of an edited keyboard and reads reply_markup given as JSON text', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const keyboard = (data: string) => ({ inline_keyboard: [[{ text: 'Go', callback_data: data }]] });
      const sent = await call(double, 'sendMessage', {
        chat_id: anna.id,
        text: 'Pick',
        reply_markup: JSON.stringify(keyboard('a')),
      });
      expect(sent.body.result).toMatchObject({ reply_markup: keyboard('a') });
      const edited = double.waitFor((m) => JSON.stringify(m.replyMarkup) === JSON.stringify(keyboard('b')));
      const markup = await call(double, 'editMessageReplyMarkup', {
        chat_id: anna.id,
        message_id: 1,
        reply_markup: JSON.stringify(keyboard('b')),
      });
      expect(markup.body.result).toMatchObject({ reply_markup: keyboard('b'), edit_date: expect.any(Number) });
      expect((await edited).message.reply_markup).toEqual(keyboard('b'));
      const same = await call(double, 'editMessageReplyMarkup', {
        chat_id: anna.id,
        message_id: 1,
        reply_markup: keyboard('b'),
      });
      expect(same.body.description).toMatch(/^Bad Request: message is not modified/);
      const text = await call(double, 'editMessageText', {
        chat_id: anna.id,
        message_id: 1,
        text: 'Picked',
        reply_markup: JSON.stringify(keyboard('c')),
      });
      expect(text.body.result).toMatchObject({ text: 'Picked', reply_markup: keyboard('c') });
      await double.pressButton(anna, 'c');
      const broken = await call(double, 'editMessageReplyMarkup', {
        chat_id: anna.id,
        message_id: 1,
        reply_markup: '{inline_keyboard',
      });
      expect(broken.body.description).toBe("Bad Request: can't parse reply keyboard markup JSON object");
    });
  });

  describe('control side', () => {
    it('adds a bot_command entity to commands the person types', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const update = await double.sendText(anna, '/help@deskgram_test_bot now');
      expect(update.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 23 }]);
      expect((await double.sendText(anna, 'no command')).message?.entities).toBeUndefined();
      expect((await double.pressStart(anna)).message?.text).toBe('/start');
    });

    it('refuses start payloads Telegram would not carry', async () => {
      const anna = double.person({ firstName: 'Anna' });
      await expect(double.pressStart(anna, 'has space')).rejects.toThrow(/start payload/);
    });

    it('fails the next calls with a 5xx, then serves again', async () => {
      double.failNext(2, { status: 502 });
      expect(await call(double, 'getMe')).toEqual({
        status: 502,
        body: { ok: false, error_code: 502, description: 'Bad Gateway' },
      });
      expect((await call(double, 'getMe')).status).toBe(502);
      expect((await call(double, 'getMe')).status).toBe(200);
    });

    it('fails only the named method', async () => {
      const anna = double.person({ firstName: 'Anna' });
      double.failNext(1, { status: 500, description: 'Internal Server Error: restart' }, { method: 'sendMessage' });
      expect((await call(double, 'getMe')).status).toBe(200);
      const failed = await call(double, 'sendMessage', { chat_id: anna.id, text: 'hi' });
      expect(failed.body.description).toBe('Internal Server Error: restart');
      expect(double.sentTo(anna)).toEqual([]);
    });

    it('drops the connection without an answer', async () => {
      double.failNext(1, 'drop');
      await expect(call(double, 'getMe')).rejects.toThrow();
      expect(double.calls[0].status).toBe('dropped');
      expect((await call(double, 'getMe')).status).toBe(200);
    });

    it('rejects waitForMessage with what was sent when nothing matches in time', async () => {
      const anna = double.person({ firstName: 'Anna' });
      await call(double, 'sendMessage', { chat_id: anna.id, text: 'Hello' });
      await expect(double.waitForMessage(anna, (m) => m.text.includes('Bye'), 100)).rejects.toThrow(
        /timed out after 100 ms.*#1 to \d+: Hello/,
      );
    });

    it('notifies subscribers of messages until they unsubscribe', async () => {
      const anna = double.person({ firstName: 'Anna' });
      double.setLimits({ perChatPerSecond: Infinity });
      const seen: string[] = [];
      const off = double.on('message', (message) => seen.push(message.text));
      await call(double, 'sendMessage', { chat_id: anna.id, text: 'one' });
      off();
      await call(double, 'sendMessage', { chat_id: anna.id, text: 'two' });
      expect(seen).toEqual(['one']);
    });

    it('forgets messages, calls and failures on reset but keeps persons', async () => {
      const anna = double.person({ id: 7100000001, firstName: 'Anna' });
      await call(double, 'sendMessage', { chat_id: anna.id, text: 'one' });
      double.failNext(1, { status: 500 });
      double.reset();
      expect(double.calls).toEqual([]);
      expect(double.sentTo(anna)).toEqual([]);
      expect(double.person({ id: 7100000001, firstName: 'Other' })).toBe(anna);
      const again = await call(double, 'sendMessage', { chat_id: anna.id, text: 'two' });
      expect(again.body.result).toMatchObject({ message_id: 2 });
    });
  });

  describe('files', () => {
    /** Every byte value, line breaks and a multipart-looking line included, so that nothing is read as text. */
    const binary = Buffer.concat([
      Buffer.from('%PDF-1.7\r\n--boundary\r\n\r\n'),
      Buffer.from(Array.from({ length: 256 }, (_, index) => index)),
      Buffer.from([0xff, 0xfe, 0x00, 0x0d, 0x0a]),
    ]);

    async function download(
      url: string,
    ): Promise<{ status: number; type: string | null; length: string | null; body: Buffer }> {
      const response = await fetch(url);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        length: response.headers.get('content-length'),
        body: Buffer.from(await response.arrayBuffer()),
      };
    }

    it("hands a person's document to the bot byte for byte through getFile and the file URL", async () => {
      const anna = double.person({ firstName: 'Anna' });
      const update = await double.sendDocument(anna, {
        fileName: 'invoice.pdf',
        mimeType: 'application/pdf',
        content: binary,
      });
      const document = update.message?.document;
      expect(document).toMatchObject({ file_name: 'invoice.pdf', file_size: binary.length });
      const telegram = new Telegram(double.token, { apiRoot: double.url });
      const file = await telegram.getFile(document?.file_id ?? '');
      expect(file).toEqual({
        file_id: document?.file_id,
        file_unique_id: document?.file_unique_id,
        file_size: binary.length,
        file_path: expect.stringMatching(/^documents\/file_\d+\.pdf$/),
      });
      const link = await telegram.getFileLink(document?.file_id ?? '');
      expect(link.href).toBe(`${double.url}/file/bot${double.token}/${file.file_path}`);
      const got = await download(link.href);
      expect(got).toMatchObject({ status: 200, type: 'application/pdf', length: String(binary.length) });
      expect(got.body.equals(binary)).toBe(true);
      expect(double.downloads).toMatchObject([{ filePath: file.file_path, status: 200 }]);
      // The same path on a second getFile; a made-up document gets bytes of its size.
      expect((await telegram.getFile(document?.file_id ?? '')).file_path).toBe(file.file_path);
      const made = await double.sendDocument(anna, { fileName: 'notes', mimeType: 'text/plain', size: 10 });
      const madeFile = await telegram.getFile(made.message?.document?.file_id ?? '');
      expect(madeFile.file_path).toMatch(/^documents\/file_\d+$/);
      expect((await download(`${double.url}/file/bot${double.token}/${madeFile.file_path}`)).body).toHaveLength(10);
    });

    it('refuses unknown file ids, file_unique_id, wrong tokens and unknown paths', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const update = await double.sendDocument(anna, { fileName: 'a.txt', mimeType: 'text/plain', size: 3 });
      const document = update.message?.document;
      for (const fileId of ['nope', document?.file_unique_id, undefined]) {
        expect(await call(double, 'getFile', { file_id: fileId })).toEqual({
          status: 400,
          body: { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' },
        });
      }
      expect(double.file(document?.file_unique_id ?? '')?.content?.length).toBe(3);
      const { file_path: filePath } = (await call(double, 'getFile', { file_id: document?.file_id })).body
        .result as FileInfo;
      const wrongToken = await fetch(`${double.url}/file/bot1:wrong/${filePath}`);
      expect(wrongToken.status).toBe(401);
      expect(await wrongToken.json()).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
      const unknown = await fetch(`${double.url}/file/bot${double.token}/documents/file_999.txt`);
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
      expect(double.downloads.map((d) => d.status)).toEqual([401, 404]);
    });

    it("serves each size of a person's photo, the largest carrying the content", async () => {
      const anna = double.person({ firstName: 'Anna' });
      const made = await double.sendPhoto(anna, {});
      const telegram = new Telegram(double.token, { apiRoot: double.url });
      const largest = made.message?.photo?.[1];
      expect(largest).toMatchObject({ width: 1280, height: 960 });
      const link = await telegram.getFileLink(largest?.file_id ?? '');
      expect(link.pathname).toMatch(/\/photos\/file_\d+\.jpg$/);
      const got = await download(link.href);
      expect(got.type).toBe('image/jpeg');
      expect(imageInfo(got.body)).toEqual({ type: 'jpeg', width: 1280, height: 960 });
      expect(largest?.file_size).toBe(got.body.length);
      const small = await download((await telegram.getFileLink(made.message?.photo?.[0].file_id ?? '')).href);
      expect(imageInfo(small.body)).toEqual({ type: 'jpeg', width: 320, height: 240 });

      const picture = greyJpeg(64, 48);
      const given = await double.sendPhoto(anna, { content: picture, caption: 'the screen' });
      expect(given.message?.photo?.map((size) => [size.width, size.height, size.file_size])).toEqual([
        [64, 48, picture.length],
        [64, 48, picture.length],
      ]);
      const givenLink = await telegram.getFileLink(given.message?.photo?.[1].file_id ?? '');
      expect((await download(givenLink.href)).body.equals(picture)).toBe(true);
      await expect(double.sendPhoto(anna, { content: binary })).rejects.toThrow(/PNG, JPEG, GIF or WebP/);
    });

    it('takes a document over 20 MB without its bytes and refuses it in getFile', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const size = 20 * 1024 * 1024 + 1;
      const update = await double.sendDocument(anna, { fileName: 'video.mp4', mimeType: 'video/mp4', size });
      const document = update.message?.document;
      expect(document?.file_size).toBe(size);
      expect(double.file(document?.file_id ?? '')?.content).toBeUndefined();
      const telegram = new Telegram(double.token, { apiRoot: double.url });
      await expect(telegram.getFile(document?.file_id ?? '')).rejects.toMatchObject({
        code: 400,
        description: 'Bad Request: file is too big',
      });
      const atLimit = await double.sendDocument(anna, { fileName: 'a.bin', mimeType: 'x/y', size: size - 1 });
      expect((await telegram.getFile(atLimit.message?.document?.file_id ?? '')).file_size).toBe(size - 1);
    });

    it('takes an uploaded document with its bytes and Unicode name, and sends it again by file_id', async () => {
      const anna = double.person({ firstName: 'Anna' });
      double.setLimits({ perChatPerSecond: Infinity });
      const telegram = new Telegram(double.token, { apiRoot: double.url });
      const waiting = double.waitForFile(anna, (m) => m.file.fileName === 'Отчёт ✓.pdf');
      const message = await telegram.sendDocument(
        anna.id,
        { source: binary, filename: 'Отчёт ✓.pdf' },
        {
          caption: '<b>Report</b> for <i>May</i>',
          parse_mode: 'HTML',
          reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] },
        },
      );
      expect(message).toMatchObject({
        message_id: 1,
        chat: { id: anna.id },
        from: { is_bot: true },
        caption: 'Report for May',
        caption_entities: [
          { type: 'bold', offset: 0, length: 6 },
          { type: 'italic', offset: 11, length: 3 },
        ],
        document: {
          file_id: expect.stringMatching(/^BQAC/),
          file_unique_id: expect.any(String),
          file_name: 'Отчёт ✓.pdf',
          mime_type: 'application/pdf',
          file_size: binary.length,
        },
        reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] },
      });
      expect(message).not.toHaveProperty('text');
      const sent = await waiting;
      expect(sent).toMatchObject({
        messageId: 1,
        text: 'Report for May',
        rawText: '<b>Report</b> for <i>May</i>',
        parseMode: 'HTML',
        file: { kind: 'document', source: 'upload', fileName: 'Отчёт ✓.pdf', size: binary.length },
      });
      expect(sent.file.content?.equals(binary)).toBe(true);
      // The bot's own file can be got and downloaded too.
      const link = await telegram.getFileLink(sent.file.fileId);
      expect((await download(link.href)).body.equals(binary)).toBe(true);

      const again = await telegram.sendDocument(anna.id, sent.file.fileId);
      expect(again).toMatchObject({ message_id: 2, document: message.document });
      expect(again).not.toHaveProperty('caption');
      expect(double.sentTo(anna)[1]).toMatchObject({ text: '', file: { source: 'file_id', fileId: sent.file.fileId } });

      // A plain fetch with FormData, a typed Blob and a reply.
      const form = new FormData();
      form.append('chat_id', String(anna.id));
      form.append('document', new Blob([binary], { type: 'application/x-custom' }), 'data "1".bin');
      form.append('reply_parameters', JSON.stringify({ message_id: 2 }));
      const answer = await fetch(`${double.url}/bot${double.token}/sendDocument`, { method: 'POST', body: form });
      const body = (await answer.json()) as { result: Message };
      expect(body.result.document).toMatchObject({ mime_type: 'application/x-custom', file_size: binary.length });
      expect(body.result.reply_to_message).toMatchObject({ message_id: 2 });
      expect(double.sentTo(anna)[2].file?.content?.equals(binary)).toBe(true);
    });

    it('records a document or photo given by URL without fetching it', async () => {
      const anna = double.person({ firstName: 'Anna' });
      double.setLimits({ perChatPerSecond: Infinity });
      const answer = await call(double, 'sendDocument', {
        chat_id: anna.id,
        document: 'https://example.com/a/Report%201.pdf',
      });
      expect(answer.body.result).toMatchObject({
        document: { file_name: 'Report 1.pdf', mime_type: 'application/pdf' },
      });
      expect(double.sentTo(anna)[0].file).toMatchObject({ source: 'url', url: 'https://example.com/a/Report%201.pdf' });
      const photo = await call(double, 'sendPhoto', { chat_id: anna.id, photo: 'http://example.com/p.jpg' });
      expect((photo.body.result as Message).photo).toHaveLength(2);
      expect(double.sentTo(anna)[1].file).toMatchObject({ kind: 'photo', source: 'url' });
    });

    it('refuses a missing file, an unknown file_id and a file of the other kind', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const photo = await double.sendPhoto(anna, {});
      const document = await double.sendDocument(anna, { fileName: 'a.txt', mimeType: 'text/plain' });
      const cases: [string, Record<string, unknown>, string][] = [
        ['sendDocument', {}, 'there is no document in the request'],
        ['sendPhoto', { photo: '' }, 'there is no photo in the request'],
        ['sendDocument', { document: 'AAAA-not-a-file' }, 'wrong file identifier/HTTP URL specified'],
        ['sendDocument', { document: photo.message?.photo?.[1].file_id }, "can't use file of type Photo as Document"],
        ['sendPhoto', { photo: document.message?.document?.file_id }, "can't use file of type Document as Photo"],
      ];
      for (const [method, params, description] of cases) {
        const answer = await call(double, method, { chat_id: anna.id, ...params });
        expect([method, answer.body.description]).toEqual([method, `Bad Request: ${description}`]);
      }
      const empty = new FormData();
      empty.append('chat_id', String(anna.id));
      empty.append('document', new Blob([]), 'empty.txt');
      const answer = await fetch(`${double.url}/bot${double.token}/sendDocument`, { method: 'POST', body: empty });
      expect(await answer.json()).toMatchObject({ description: 'Bad Request: file must be non-empty' });
      expect(double.messages).toEqual([]);
    });

    it('takes an uploaded picture as a photo and refuses bytes that are not one', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const telegram = new Telegram(double.token, { apiRoot: double.url });
      await expect(telegram.sendPhoto(anna.id, { source: binary, filename: 'photo.jpg' })).rejects.toMatchObject({
        code: 400,
        description: 'Bad Request: IMAGE_PROCESS_FAILED',
      });
      await expect(telegram.sendPhoto(anna.id, { source: greyJpeg(2100, 100) })).rejects.toMatchObject({
        description: 'Bad Request: PHOTO_INVALID_DIMENSIONS',
      });
      const picture = greyJpeg(1600, 1200);
      const message = await telegram.sendPhoto(anna.id, { source: picture }, { caption: 'Screen' });
      expect(message.caption).toBe('Screen');
      expect(message.photo.map((size) => [size.width, size.height, size.file_size])).toEqual([
        [320, 240, picture.length],
        [1600, 1200, picture.length],
      ]);
      const sent = await double.waitForFile(anna, (m) => m.file.kind === 'photo');
      expect(sent).toMatchObject({
        text: 'Screen',
        file: { fileId: message.photo[1].file_id, mimeType: 'image/jpeg' },
      });
      expect(sent.file.content?.equals(picture)).toBe(true);
      expect(double.sentTo(anna)).toHaveLength(1);
    });

    it('refuses a caption over 1024 characters as the person sees it, and bad HTML in it', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const document = await double.sendDocument(anna, { fileName: 'a.txt', mimeType: 'text/plain' });
      const fileId = document.message?.document?.file_id;
      const tooLong = await call(double, 'sendDocument', {
        chat_id: anna.id,
        document: fileId,
        caption: 'x'.repeat(1025),
      });
      expect(tooLong).toEqual({
        status: 400,
        body: { ok: false, error_code: 400, description: 'Bad Request: message caption is too long' },
      });
      const badHtml = await call(double, 'sendDocument', {
        chat_id: anna.id,
        document: fileId,
        caption: '<b>open',
        parse_mode: 'HTML',
      });
      expect(badHtml.body.description).toMatch(/^Bad Request: can't parse entities/);
      const atLimit = await call(double, 'sendDocument', {
        chat_id: anna.id,
        document: fileId,
        caption: `<b>${'x'.repeat(1024)}</b>`,
        parse_mode: 'HTML',
      });
      expect((atLimit.body.result as Message).caption).toHaveLength(1024);
      const edit = await call(double, 'editMessageText', { chat_id: anna.id, message_id: 2, text: 'new' });
      expect(edit.body.description).toBe('Bad Request: there is no text in the message to edit');
    });

    it('refuses files to a blocked person, an unknown chat and beyond the flood limit', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const bo = double.person({ firstName: 'Bo' });
      const document = await double.sendDocument(anna, { fileName: 'a.txt', mimeType: 'text/plain' });
      const fileId = document.message?.document?.file_id;
      await double.blockBot(anna);
      expect(await call(double, 'sendDocument', { chat_id: anna.id, document: fileId })).toEqual({
        status: 403,
        body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
      });
      const telegram = new Telegram(double.token, { apiRoot: double.url });
      await expect(telegram.sendPhoto(anna.id, { source: greyJpeg(8, 8) })).rejects.toMatchObject({ code: 403 });
      expect((await call(double, 'sendDocument', { chat_id: 123, document: fileId })).body.description).toBe(
        'Bad Request: chat not found',
      );
      expect((await call(double, 'sendMessage', { chat_id: bo.id, text: 'one' })).status).toBe(200);
      const limited = await call(double, 'sendDocument', { chat_id: bo.id, document: fileId });
      expect(limited).toMatchObject({ status: 429, body: { parameters: { retry_after: 1 } } });
      const group = double.group({ title: 'Support team' });
      const toGroup = await call(double, 'sendDocument', { chat_id: group.chatId, document: fileId });
      expect(toGroup.body.result).toMatchObject({ chat: { id: group.chatId }, document: { file_id: fileId } });
      expect(double.messages.map((m) => m.chatId)).toEqual([bo.id, group.chatId]);
    });
  });

  describe('with telegraf', () => {
    it('serves getMe and sendMessage at the URLs telegraf builds', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const telegram = new Telegram(double.token, { apiRoot: double.url });
      const me = await telegram.getMe();
      expect(me.username).toBe(double.botUsername);
      const message = await telegram.sendMessage(anna.id, '<i>Hello</i>', { parse_mode: 'HTML' });
      expect(message).toMatchObject({ text: 'Hello', entities: [{ type: 'italic', offset: 0, length: 5 }] });
      await expect(telegram.sendMessage(anna.id, 'again')).rejects.toMatchObject({
        code: 429,
        parameters: { retry_after: 1 },
      });
      const wrong = new Telegram('1:wrong', { apiRoot: double.url });
      await expect(wrong.getMe()).rejects.toMatchObject({ code: 401 });
    });

    it('drives a long-polling telegraf bot end to end', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const bot = new Telegraf(double.token, { telegram: { apiRoot: double.url } });
      bot.start((ctx) => ctx.reply(`Welcome, ${ctx.payload || 'stranger'}`));
      let launched!: () => void;
      const started = new Promise<void>((resolve) => (launched = resolve));
      const running = bot.launch(() => launched());
      await started;
      const update = await double.pressStart(anna, 'T42');
      const reply = await double.waitForMessage(anna);
      expect(reply.text).toBe('Welcome, T42');
      await double.waitUntilHandled(update);
      bot.stop('test over');
      await running;
      expect(double.callsOf('deleteWebhook')).toHaveLength(1);
      expect(double.callsOf('getUpdates').some((c) => c.params['offset'] === update.update_id + 1)).toBe(true);
    });

    it('executes a method the bot returns in its webhook answer', async () => {
      const anna = double.person({ firstName: 'Anna' });
      const hook = createServer((request, response) => {
        request.resume();
        request.on('end', () => {
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify({ method: 'sendMessage', chat_id: anna.id, text: 'via reply' }));
        });
      });
      await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
      try {
        const telegram = new Telegram(double.token, { apiRoot: double.url });
        await telegram.setWebhook(`http://127.0.0.1:${(hook.address() as AddressInfo).port}/`);
        await double.sendText(anna, 'hello');
        const sent = await double.waitForMessage(anna, (m) => m.text === 'via reply');
        expect(sent.chatId).toBe(anna.id);
        expect(double.callsOf('sendMessage')[0].via).toBe('webhook-reply');
      } finally {
        await new Promise((resolve) => hook.close(resolve));
      }
    });
  });
});
