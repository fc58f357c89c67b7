import { queryDatabase, useTestEnvironment } from '@deskgram/testing/harness';
import type { SentMessage, TelegramBotApiDouble, TelegramPerson } from '@deskgram/testing/telegram-bot-api';
import { DEMO, type Session, TestClient } from './support/api-client';
import { answerTo, BOT_TOKEN, eventually, linkTelegram } from './support/telegram';

interface Button {
  text: string;
  callback_data?: string;
  url?: string;
  web_app?: { url: string };
}

function buttons(message: SentMessage): Button[] {
  const markup = message.replyMarkup as { inline_keyboard?: Button[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat();
}

function dataOf(message: SentMessage, action: string): string {
  const button = buttons(message).find((candidate) => candidate.callback_data?.startsWith(`${action}:`));
  if (!button?.callback_data) throw new Error(`No ${action} button on: ${message.text}`);
  return button.callback_data;
}

interface ThreadMessage {
  body: string;
  internal: boolean;
  via: string;
  authorName: string;
  authorRole: string;
}

/**
 * Telegram listening: answers by Reply, internal notes, new tickets from the chat, `/new`, `/tickets`, and the
 * buttons, each authorised against the presser's linked account, with the Bot API double as Telegram.
 */
describe('two-way Telegram', () => {
  const env = useTestEnvironment({
    api: { DEMO_DATA: 'true', PUBLIC_URL: 'https://help.example.org' },
    telegram: { token: BOT_TOKEN, username: 'deskgram_test_bot', limits: { perChatPerSecond: 100 } },
  });
  let telegram: TelegramBotApiDouble;
  let http: TestClient;
  let anna: Session;
  let ben: Session;
  let ivan: Session;
  let agent: Session;
  let admin: Session;
  const people = {} as Record<'anna' | 'ben' | 'ivan' | 'agent' | 'admin' | 'stranger', TelegramPerson>;

  beforeAll(async () => {
    telegram = env.telegram;
    http = new TestClient(env.baseUrl);
    [anna, ben, ivan, agent, admin] = await Promise.all(
      [DEMO.client, DEMO.clientColleague, DEMO.otherClient, DEMO.agent, DEMO.admin].map((email) => http.signIn(email)),
    );
    people.anna = telegram.person({ firstName: 'Anna', languageCode: 'en' });
    people.ben = telegram.person({ firstName: 'Ben', languageCode: 'en' });
    people.ivan = telegram.person({ firstName: 'Иван', languageCode: 'ru' });
    people.agent = telegram.person({ firstName: 'Sam', languageCode: 'en' });
    people.admin = telegram.person({ firstName: 'Alex', languageCode: 'en' });
    people.stranger = telegram.person({ firstName: 'Stranger', languageCode: 'en' });
    for (const [session, person, area] of [
      [anna, people.anna, 'client'],
      [ben, people.ben, 'client'],
      [ivan, people.ivan, 'client'],
      [agent, people.agent, 'user'],
      [admin, people.admin, 'user'],
    ] as const) {
      await linkTelegram(http, telegram, session, person, area);
    }
  });

  /** Waits until nothing is queued, so that "nobody else heard" is a fact and not a race. */
  async function settled() {
    await eventually(async () => {
      const rows = await queryDatabase(
        env.database.url,
        "SELECT 1 FROM notification_deliveries WHERE status IN ('pending', 'sending')",
      );
      expect(rows).toHaveLength(0);
    });
  }

  async function openTicket(by: Session, subject: string, extra: object = {}) {
    const response = await http.post('/api/tickets', { subject, body: 'It jams.', ...extra }, by.accessToken);
    expect(response.status).toBe(201);
    return response.body as { id: string; number: string };
  }

  async function thread(id: string, as: Session = admin): Promise<ThreadMessage[]> {
    const response = await http.get(`/api/tickets/${id}`, as.accessToken);
    expect(response.status).toBe(200);
    return response.body.messages;
  }

  async function ticket(id: string) {
    const response = await http.get(`/api/tickets/${id}`, admin.accessToken);
    expect(response.status).toBe(200);
    return response.body as { status: string; assigneeName: string | null };
  }

  /** The notification about the ticket that reached the person. */
  function notification(person: TelegramPerson, number: string, text = '') {
    return telegram.waitForMessage(
      person,
      (message) => message.text.includes(number) && message.text.includes(text) && buttons(message).length > 0,
    );
  }

  it('lets staff answer a client by replying to the notification: the client’s thread shows it, from Telegram', async () => {
    const { id, number } = await openTicket(anna, 'Printer on fire');
    const note = await notification(people.agent, number, 'New ticket');
    // Take and Resolve for staff, and Open: the portal as a Mini App at that ticket (PUBLIC_URL is https with a
    // dotted host). The text's own link names the portal page, for a client without Mini Apps.
    expect(buttons(note).map((button) => button.text)).toEqual(['Take', 'Resolve', 'Open']);
    expect(buttons(note)[2].web_app).toEqual({ url: `https://help.example.org/?startapp=ticket-${number}` });
    expect(note.entities).toContainEqual(
      expect.objectContaining({ type: 'text_link', url: `https://help.example.org/staff/tickets/${id}` }),
    );
    // The menu button beside the message field opens the portal as a Mini App too.
    expect(telegram.menuButton).toEqual({
      type: 'web_app',
      text: 'Deskgram',
      web_app: { url: 'https://help.example.org/' },
    });
    for (const button of buttons(note)) {
      if (button.callback_data) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
    }
    await settled();
    const annaBefore = telegram.sentTo(people.anna).length;

    const { answer } = await answerTo(telegram, people.agent, () =>
      telegram.replyTo(people.agent, note, 'We are on it.'),
    );
    expect(answer.text).toBe(`✅ Added to ${number}.`);

    const messages = await thread(id, anna);
    expect(messages.at(-1)).toMatchObject({
      body: 'We are on it.',
      internal: false,
      via: 'telegram',
      authorName: 'Sam Rivera',
    });
    // The client hears it as any staff answer; the author does not hear their own answer.
    const heard = await telegram.waitForMessage(people.anna, (message) => message.text.includes('We are on it.'));
    expect(heard.text).toContain(`replied on ${number}`);
    await settled();
    expect(telegram.sentTo(people.anna).slice(annaBefore)).toHaveLength(1);
    expect(telegram.sentTo(people.agent).filter((message) => message.text.includes('We are on it.'))).toEqual([]);

    // A client answers the same way, and a Reply to the bot's confirmation answers the same ticket.
    const { answer: confirmed } = await answerTo(telegram, people.anna, () =>
      telegram.replyTo(people.anna, heard, 'Thanks!'),
    );
    expect(confirmed.text).toBe(`✅ Added to ${number}.`);
    await answerTo(telegram, people.anna, () => telegram.replyTo(people.anna, confirmed, 'One more thing.'));
    expect((await thread(id)).slice(-2).map((message) => [message.body, message.authorName])).toEqual([
      ['Thanks!', 'Anna Hughes'],
      ['One more thing.', 'Anna Hughes'],
    ]);
  });

  it('writes an internal note for staff who start the reply with /note; the client neither sees nor hears it', async () => {
    const { id, number } = await openTicket(anna, 'Internal note please');
    const note = await notification(people.admin, number, 'New ticket');
    await settled();
    const annaBefore = telegram.sentTo(people.anna).length;
    const { answer } = await answerTo(telegram, people.admin, () =>
      telegram.replyTo(people.admin, note, '/note Check the printer logs first'),
    );
    expect(answer.text).toBe(`📝 Internal note added to ${number}.`);
    expect((await thread(id)).at(-1)).toMatchObject({
      body: 'Check the printer logs first',
      internal: true,
      via: 'telegram',
    });
    expect((await thread(id, anna)).map((message) => message.body)).toEqual(['It jams.']);
    await settled();
    expect(telegram.sentTo(people.anna).slice(annaBefore)).toEqual([]);
  });

  it('refuses /note from a client and writes nothing', async () => {
    const { id, number } = await openTicket(agent, 'For Northwind', { clientId: await northwindId() });
    const note = await notification(people.anna, number);
    const { answer } = await answerTo(telegram, people.anna, () => telegram.replyTo(people.anna, note, '/note secret'));
    expect(answer.text).toContain('Only staff can write internal notes');
    expect((await thread(id)).map((message) => message.body)).toEqual(['It jams.']);
  });

  it('reopens a resolved ticket when the client answers it, and offers Reopen on the resolved notification', async () => {
    const { id, number } = await openTicket(anna, 'Resolved too soon');
    expect((await http.patch(`/api/tickets/${id}`, { status: 'resolved' }, agent.accessToken)).status).toBe(200);
    const resolved = await telegram.waitForMessage(
      people.anna,
      (message) => message.text.includes(number) && message.text.includes('Resolved'),
    );
    expect(buttons(resolved).map((button) => button.text)).toEqual(['Reopen', 'Open']);
    expect(buttons(resolved)[1].web_app?.url).toBe(`https://help.example.org/?startapp=ticket-${number}`);
    expect(id).toBeTruthy();

    const { answer } = await answerTo(telegram, people.anna, () =>
      telegram.replyTo(people.anna, resolved, 'Still broken.'),
    );
    expect(answer.text).toBe(`✅ Added to ${number}. The ticket is open again.`);
    expect((await ticket(id)).status).toBe('open');
    // Staff hear the answer like one written in the portal.
    await telegram.waitForMessage(people.agent, (message) => message.text.includes('Still broken.'));
  });

  it('reopens with the Reopen button, authorised as the client, and updates the buttons', async () => {
    const { id, number } = await openTicket(anna, 'Reopen me');
    expect((await http.patch(`/api/tickets/${id}`, { status: 'resolved' }, agent.accessToken)).status).toBe(200);
    const resolved = await telegram.waitForMessage(
      people.anna,
      (message) => message.text.includes(number) && message.text.includes('Resolved'),
    );
    const press = await telegram.pressButton(people.anna, dataOf(resolved, 'reopen'), { message: resolved });
    expect((await telegram.waitForCallbackAnswer(press)).text).toBe(`${number} is open again.`);
    expect((await ticket(id)).status).toBe('open');
    await eventually(async () => {
      expect(buttons(resolved).map((button) => button.text)).toEqual(['Open']);
    });
    // Staff hear that the client reopened it.
    await telegram.waitForMessage(
      people.agent,
      (message) => message.text.includes(number) && /Open/.test(message.text),
    );
  });

  it('refuses a reply to a closed ticket, and says why', async () => {
    const { id, number } = await openTicket(anna, 'Closed for good');
    const note = await notification(people.agent, number, 'New ticket');
    expect((await http.patch(`/api/tickets/${id}`, { status: 'closed' }, agent.accessToken)).status).toBe(200);
    const { answer } = await answerTo(telegram, people.agent, () => telegram.replyTo(people.agent, note, 'Too late'));
    expect(answer.text).toContain(`${number} is closed`);
    expect((await thread(id)).map((message) => message.body)).toEqual(['It jams.']);
  });

  it('refuses forged replies and replies from a person no longer linked, and writes nothing', async () => {
    const { id, number } = await openTicket(anna, 'Not for Ivan');
    const note = await notification(people.agent, number, 'New ticket');
    // Ivan's client claims to reply to the message id of the agent's notification: in his chat it is no notification.
    const { answer } = await answerTo(telegram, people.ivan, () =>
      telegram.forgeReply(people.ivan, note.messageId, 'Let me in'),
    );
    expect(answer.text).toContain('Не понимаю, к какой заявке');
    const { answer: stranger } = await answerTo(telegram, people.stranger, () =>
      telegram.forgeReply(people.stranger, note.messageId, 'Hello?'),
    );
    expect(stranger.text).toContain('not connected to Deskgram');
    expect((await thread(id)).map((message) => message.body)).toEqual(['It jams.']);
    expect(
      await queryDatabase(env.database.url, `SELECT 1 FROM ticket_messages WHERE body IN ('Let me in', 'Hello?')`),
    ).toEqual([]);
  });

  it('still answers a months-old notification once its delivery row is long gone', async () => {
    const { id, number } = await openTicket(anna, 'An old one');
    const note = await notification(people.agent, number, 'New ticket');
    await settled();
    await queryDatabase(env.database.url, `DELETE FROM notification_deliveries WHERE ticket_id = $1`, [id]);
    await queryDatabase(
      env.database.url,
      `UPDATE telegram_ticket_messages SET created_at = now() - interval '200 days' WHERE ticket_id = $1`,
      [id],
    );
    const { answer } = await answerTo(telegram, people.agent, () =>
      telegram.replyTo(people.agent, note, 'Better late.'),
    );
    expect(answer.text).toBe(`✅ Added to ${number}.`);
    expect((await thread(id)).at(-1)?.body).toBe('Better late.');
  });

  it('takes a redelivered reply once, and an edited message adds nothing', async () => {
    const { id, number } = await openTicket(anna, 'Say it once');
    const note = await notification(people.agent, number, 'New ticket');
    const { update } = await answerTo(telegram, people.agent, () => telegram.replyTo(people.agent, note, 'Only once.'));
    await telegram.redeliver(update);
    await telegram.waitUntilHandled(update);
    const edit = await telegram.editText(people.agent, update, 'Only once, edited.');
    await telegram.waitUntilHandled(edit);
    // A later message proves the bot got past both.
    await answerTo(telegram, people.agent, () => telegram.replyTo(people.agent, note, 'Marker.'));
    expect((await thread(id)).map((message) => message.body)).toEqual(['It jams.', 'Only once.', 'Marker.']);
  });

  it('offers a new ticket for a client’s message, and Open opens it once, even pressed again or redelivered', async () => {
    const text = 'Scanner offline\nSince Monday the scanner on floor 2 shows no network.';
    const { update: written, answer: prompt } = await answerTo(telegram, people.ben, () =>
      telegram.sendText(people.ben, text),
    );
    expect(prompt.text).toContain('Open a new ticket for Northwind Trading with this text?');
    expect(prompt.text).toContain('Subject: Scanner offline');
    expect(buttons(prompt).map((button) => button.text)).toEqual(['Open', 'Cancel']);
    expect(prompt.replyToMessageId).toBe(written.message?.message_id);
    // Telegram delivering the message again asks nothing more.
    await telegram.redeliver(written);
    await telegram.waitUntilHandled(written);

    const open = dataOf(prompt, 'open');
    const press = await telegram.pressButton(people.ben, open, { message: prompt });
    await telegram.waitForCallbackAnswer(press);
    await eventually(async () => expect(prompt.text).toMatch(/^🆕 Opened T-\d+ · Scanner offline/));
    const number = /T-\d+/.exec(prompt.text)?.[0] ?? '';
    expect(buttons(prompt)).toEqual([]);
    const rows = await queryDatabase<{ id: string }>(
      env.database.url,
      `SELECT id FROM tickets WHERE subject = 'Scanner offline'`,
    );
    expect(rows).toHaveLength(1);
    const messages = await thread(rows[0].id);
    expect(messages).toEqual([
      expect.objectContaining({
        body: text,
        via: 'telegram',
        authorName: 'Ben Carter',
      }),
    ]);
    // Staff hear of it as of a ticket opened in the portal.
    await notification(people.agent, number, 'New ticket');

    // The same press again (a modified client, or Telegram redelivering it) opens nothing more.
    const again = await telegram.pressButton(people.ben, open, { message: prompt, forged: true });
    expect((await telegram.waitForCallbackAnswer(again)).text).toBe(`Already opened as ${number}.`);
    await telegram.redeliver(press);
    await telegram.waitUntilHandled(press);
    expect(
      await queryDatabase(env.database.url, `SELECT 1 FROM tickets WHERE subject = 'Scanner offline'`),
    ).toHaveLength(1);
    // A Reply to the "Opened" message adds to the new ticket.
    const { answer } = await answerTo(telegram, people.ben, () => telegram.replyTo(people.ben, prompt, 'Model X200.'));
    expect(answer.text).toBe(`✅ Added to ${number}.`);
  });

  it('opens nothing on Cancel, and /new asks the same; the subject is the first line, cut to 200 characters', async () => {
    const { answer: prompt } = await answerTo(telegram, people.anna, () =>
      telegram.sendText(people.anna, 'Never mind this'),
    );
    const cancel = await telegram.pressButton(people.anna, dataOf(prompt, 'cancel'), { message: prompt });
    await telegram.waitForCallbackAnswer(cancel);
    await eventually(async () => expect(prompt.text).toBe('Cancelled: no ticket was opened.'));
    expect(await queryDatabase(env.database.url, `SELECT 1 FROM tickets WHERE subject = 'Never mind this'`)).toEqual(
      [],
    );

    const { answer: empty } = await answerTo(telegram, people.anna, () => telegram.sendText(people.anna, '/new'));
    expect(empty.text).toContain('Write what it is about after /new');

    const long = `${'Very long subject '.repeat(20)}\nDetails.`;
    const { answer: asked } = await answerTo(telegram, people.anna, () =>
      telegram.sendText(people.anna, `/new ${long}`),
    );
    expect(asked.text).toContain('Open a new ticket for Northwind Trading');
    const press = await telegram.pressButton(people.anna, dataOf(asked, 'open'), { message: asked });
    await telegram.waitForCallbackAnswer(press);
    await eventually(async () => expect(asked.text).toMatch(/^🆕 Opened T-\d+/));
    const [row] = await queryDatabase<{ subject: string; id: string }>(
      env.database.url,
      `SELECT id, subject FROM tickets WHERE subject LIKE 'Very long subject%'`,
    );
    expect(Array.from(row.subject)).toHaveLength(200);
    expect(row.subject.endsWith('…')).toBe(true);
    expect((await thread(row.id))[0].body).toBe(long.trim());
  });

  it('tells unlinked people how to link and creates nothing; staff are pointed to the portal for new tickets', async () => {
    const count = async () =>
      (await queryDatabase<{ n: number }>(env.database.url, 'SELECT count(*)::int AS n FROM tickets'))[0].n;
    const before = await count();
    const { answer } = await answerTo(telegram, people.stranger, () => telegram.sendText(people.stranger, 'Help me'));
    expect(answer.text).toContain('not connected to Deskgram');
    const { answer: tickets } = await answerTo(telegram, people.stranger, () =>
      telegram.sendText(people.stranger, '/tickets'),
    );
    expect(tickets.text).toContain('not connected to Deskgram');
    const { answer: staff } = await answerTo(telegram, people.agent, () =>
      telegram.sendText(people.agent, 'A new ticket?'),
    );
    expect(staff.text).toContain('Staff open tickets for a client in the portal');
    expect(await count()).toBe(before);
    expect(
      await queryDatabase(env.database.url, `SELECT 1 FROM telegram_ticket_drafts WHERE text = 'Help me'`),
    ).toEqual([]);
  });

  it('lists open tickets with /tickets: the client’s company’s, and those assigned to a staff member', async () => {
    const mine = await openTicket(ivan, 'Romashka printer');
    const { answer } = await answerTo(telegram, people.ivan, () => telegram.sendText(people.ivan, '/tickets'));
    expect(answer.text).toContain('Открытые заявки');
    expect(answer.text).toContain(`${mine.number} · Romashka printer · открыта`);
    expect(answer.text).not.toContain('Printer on fire');

    const assigned = await openTicket(anna, 'Assigned to Sam');
    const agentId = (await http.get('/api/auth/me', agent.accessToken)).body.id;
    expect((await http.patch(`/api/tickets/${assigned.id}`, { assigneeId: agentId }, admin.accessToken)).status).toBe(
      200,
    );
    const { answer: staff } = await answerTo(telegram, people.agent, () => telegram.sendText(people.agent, '/tickets'));
    expect(staff.text).toContain('Open tickets assigned to you:');
    expect(staff.text).toContain(`${assigned.number} · Assigned to Sam · open`);
    expect(staff.text).not.toContain('Romashka printer');
  });

  it('lets one of two staff pressing Take at once win; the other is told who has it; both messages show it', async () => {
    const { id, number } = await openTicket(anna, 'Race for it');
    const [forAgent, forAdmin] = await Promise.all([
      notification(people.agent, number, 'New ticket'),
      notification(people.admin, number, 'New ticket'),
    ]);
    const presses = await Promise.all([
      telegram.pressButton(people.agent, dataOf(forAgent, 'take'), { message: forAgent }),
      telegram.pressButton(people.admin, dataOf(forAdmin, 'take'), { message: forAdmin }),
    ]);
    const answers = await Promise.all(presses.map((press) => telegram.waitForCallbackAnswer(press)));
    const won = answers.findIndex((answer) => answer.text === `${number} is yours now.`);
    expect(won).toBeGreaterThanOrEqual(0);
    const winner = won === 0 ? 'Sam Rivera' : 'Alex Morgan';
    expect(answers[1 - won].text).toBe(`${number} is taken by ${winner}.`);
    expect((await ticket(id)).assigneeName).toBe(winner);
    const [winnerMessage, loserMessage] = won === 0 ? [forAgent, forAdmin] : [forAdmin, forAgent];
    await eventually(async () => {
      expect(buttons(winnerMessage)[0].text).toBe('✅ Taken by you');
      expect(buttons(loserMessage)[0].text).toBe(`👤 ${winner}`);
    });
  });

  it('resolves with the Resolve button, and the client then hears it with Reopen', async () => {
    const { id, number } = await openTicket(anna, 'Resolve from the chat');
    const note = await notification(people.agent, number, 'New ticket');
    const press = await telegram.pressButton(people.agent, dataOf(note, 'resolve'), { message: note });
    expect((await telegram.waitForCallbackAnswer(press)).text).toBe(`${number} is resolved.`);
    expect((await ticket(id)).status).toBe('resolved');
    await eventually(async () => expect(buttons(note)[1].text).toBe('✅ Resolved'));
    const told = await telegram.waitForMessage(
      people.anna,
      (message) => message.text.includes(number) && message.text.includes('Resolved'),
    );
    expect(buttons(told)[0].text).toBe('Reopen');
  });

  it('refuses a client pressing a staff button, and tampered data, changing nothing', async () => {
    const { id, number } = await openTicket(anna, 'Hands off');
    const note = await notification(people.agent, number, 'New ticket');
    await settled();
    // A modified client sends a staff button's data from the client's chat.
    const client = await telegram.pressButton(people.anna, dataOf(note, 'take'), { forged: true });
    const refused = await telegram.waitForCallbackAnswer(client);
    expect(refused.text).toBe('Only staff can do this. Nothing was changed.');
    expect(refused.showAlert).toBe(true);
    // Ivan may reopen tickets, but not another client's.
    const other = await telegram.pressButton(people.ivan, `reopen:${id}`, { forged: true });
    expect((await telegram.waitForCallbackAnswer(other)).text).toBe(
      'Этой заявки нет, или она не ваша. Ничего не изменено.',
    );
    for (const data of ['take:not-a-uuid', `delete:${id}`, `take:${id}:x`, 'x'.repeat(64), '']) {
      const press = await telegram.pressButton(people.agent, data, { message: note, forged: true });
      expect((await telegram.waitForCallbackAnswer(press)).text).toBe('This button is not valid. Nothing was changed.');
    }
    const unknown = await telegram.pressButton(
      people.agent,
      `resolve:${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
      {
        message: note,
        forged: true,
      },
    );
    expect((await telegram.waitForCallbackAnswer(unknown)).text).toContain('does not exist');
    const after = await ticket(id);
    expect(after).toMatchObject({ status: 'open', assigneeName: null });
  });

  it('answers /new, /tickets and /note in a group only with the way to a private chat, and creates nothing', async () => {
    const group = telegram.group({ title: 'Northwind staff room' });
    for (const [index, command] of ['/new The printer again', '/tickets', '/note secret'].entries()) {
      await telegram.sendTextInGroup(group, people.anna, command);
      await telegram.waitFor(() => telegram.sentTo(group.chatId).length === index + 1);
      const hint = telegram.sentTo(group.chatId)[index];
      expect(hint.text).toContain('in a private chat: https://t.me/deskgram_test_bot');
      expect(hint.text).not.toContain('Northwind');
    }
    // Other talk in the group is not for the bot: no answer, no draft.
    await telegram.waitUntilHandled(await telegram.sendTextInGroup(group, people.anna, 'Just chatting'));
    expect(telegram.sentTo(group.chatId)).toHaveLength(3);
    expect(
      await queryDatabase(env.database.url, `SELECT 1 FROM telegram_ticket_drafts WHERE text LIKE '%printer again%'`),
    ).toEqual([]);
  });

  it('registers its commands in English and Russian', async () => {
    const names = (language: string) => telegram.commands(undefined, language).map((command) => command.command);
    expect(names('')).toEqual(['tickets', 'new', 'note', 'status', 'stop', 'help']);
    expect(names('ru')).toEqual(names(''));
    expect(telegram.commands(undefined, 'ru')[0].description).toBe('Ваши открытые заявки');
  });

  async function northwindId(): Promise<string> {
    const me = await http.get('/api/auth/me', anna.accessToken);
    return me.body.clientId;
  }
});
