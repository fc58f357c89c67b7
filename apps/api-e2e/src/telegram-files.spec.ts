import { queryDatabase, useTestEnvironment } from '@deskgram/testing/harness';
import type { SentMessage, TelegramBotApiDouble, TelegramPerson } from '@deskgram/testing/telegram-bot-api';
import { randomBytes } from 'node:crypto';
import { DEMO, type Session, TestClient } from './support/api-client';
import { answerTo, BOT_TOKEN, linkTelegram } from './support/telegram';

/** A tiny valid PNG (1×1), so Telegram (and the double) take it as a photo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface ThreadMessage {
  body: string;
  via: string;
  internal: boolean;
  authorName: string;
  attachments: Array<{ id: string; fileName: string; size: number; contentType: string }>;
}

/** Files between Telegram and the threads: answers with photos and documents, and files sent on to Telegram. */
describe('files over Telegram', () => {
  const env = useTestEnvironment({
    api: { DEMO_DATA: 'true', PUBLIC_URL: 'https://help.example.org' },
    telegram: { token: BOT_TOKEN, username: 'deskgram_test_bot', limits: { perChatPerSecond: 100 } },
  });
  let telegram: TelegramBotApiDouble;
  let http: TestClient;
  let anna: Session;
  let agent: Session;
  const people = {} as Record<'anna' | 'agent', TelegramPerson>;

  beforeAll(async () => {
    telegram = env.telegram;
    http = new TestClient(env.baseUrl);
    [anna, agent] = await Promise.all([DEMO.client, DEMO.agent].map((email) => http.signIn(email)));
    people.anna = telegram.person({ firstName: 'Anna', languageCode: 'en' });
    people.agent = telegram.person({ firstName: 'Sam', languageCode: 'en' });
    await linkTelegram(http, telegram, anna, people.anna, 'client');
    await linkTelegram(http, telegram, agent, people.agent, 'user');
  });

  async function openTicket(subject: string) {
    const response = await http.post('/api/tickets', { subject, body: 'It jams.' }, anna.accessToken);
    expect(response.status).toBe(201);
    return response.body as { id: string; number: string };
  }

  async function thread(id: string): Promise<ThreadMessage[]> {
    const response = await http.get(`/api/tickets/${id}`, agent.accessToken);
    expect(response.status).toBe(200);
    return response.body.messages;
  }

  async function download(id: string, session: Session): Promise<Buffer> {
    const response = await fetch(`${env.baseUrl}/api/attachments/${id}`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  }

  function notification(person: TelegramPerson, number: string): Promise<SentMessage> {
    return telegram.waitForMessage(person, (message) => message.text.includes(number) && !message.file);
  }

  it('takes a document sent as a Reply into the thread, the caption as its text, byte for byte', async () => {
    const { id, number } = await openTicket('Logs please');
    const note = await notification(people.agent, number);
    const content = randomBytes(5000);
    const { answer } = await answerTo(telegram, people.agent, () =>
      telegram.sendDocument(people.agent, {
        fileName: 'Журнал ✓.log',
        mimeType: 'text/plain',
        content,
        caption: 'The router log from this morning.',
        replyTo: note,
      }),
    );
    expect(answer.text).toBe(`✅ Added to ${number}.`);
    const last = (await thread(id)).at(-1);
    expect(last).toMatchObject({
      body: 'The router log from this morning.',
      via: 'telegram',
      authorName: 'Sam Rivera',
    });
    expect(last?.attachments).toEqual([expect.objectContaining({ fileName: 'Журнал ✓.log', size: 5000 })]);
    // The client downloads exactly what was sent.
    expect((await download(last?.attachments[0].id ?? '', anna)).equals(content)).toBe(true);
  });

  it('takes a photo without a caption as a message with only the photo, its largest size', async () => {
    const { id, number } = await openTicket('Show me');
    // Anna answers the notification of the agent's reply.
    expect((await http.post(`/api/tickets/${id}/messages`, { body: 'A photo?' }, agent.accessToken)).status).toBe(201);
    const asked = await telegram.waitForMessage(people.anna, (message) => message.text.includes('A photo?'));
    const { answer } = await answerTo(telegram, people.anna, () =>
      telegram.sendPhoto(people.anna, { content: PNG, replyTo: asked }),
    );
    expect(answer.text).toBe(`✅ Added to ${number}.`);
    const last = (await thread(id)).at(-1);
    expect(last).toMatchObject({ body: '', via: 'telegram', authorName: 'Anna Hughes' });
    expect(last?.attachments).toEqual([expect.objectContaining({ contentType: 'image/png', size: PNG.length })]);
    expect((await download(last?.attachments[0].id ?? '', agent)).equals(PNG)).toBe(true);
  });

  it('refuses a file over the 20 MB Telegram lets bots fetch, and writes nothing', async () => {
    const { id, number } = await openTicket('Too big');
    const note = await notification(people.agent, number);
    const { answer } = await answerTo(telegram, people.agent, () =>
      telegram.sendDocument(people.agent, {
        fileName: 'dump.bin',
        mimeType: 'application/octet-stream',
        size: 25 * 1024 * 1024,
        replyTo: note,
      }),
    );
    expect(answer.text).toContain('dump.bin is larger than the 20 MB');
    expect((await thread(id)).map((message) => message.body)).toEqual(['It jams.']);
  });

  it('opens a ticket with a client’s photo sent without a Reply, once Open is pressed', async () => {
    const { answer: prompt } = await answerTo(telegram, people.anna, () =>
      telegram.sendPhoto(people.anna, { content: PNG, caption: 'Broken screen\nIt cracked today.' }),
    );
    expect(prompt.text).toContain('Subject: Broken screen');
    const open = (prompt.replyMarkup as { inline_keyboard: Array<Array<{ callback_data: string }>> })
      .inline_keyboard[0][0].callback_data;
    const press = await telegram.pressButton(people.anna, open, { message: prompt });
    await telegram.waitForCallbackAnswer(press);
    const [row] = await queryDatabase<{ id: string }>(
      env.database.url,
      `SELECT id FROM tickets WHERE subject = 'Broken screen'`,
    );
    const [first] = await thread(row.id);
    expect(first).toMatchObject({ body: 'Broken screen\nIt cracked today.', via: 'telegram' });
    expect(first.attachments).toEqual([expect.objectContaining({ contentType: 'image/png' })]);
  });

  it('sends a staff reply’s two files to Telegram after its text, in order, as a photo and a document', async () => {
    const { id, number } = await openTicket('Send me the files');
    await notification(people.agent, number);
    const before = telegram.sentTo(people.anna).length;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3000)]);
    const form = new FormData();
    form.append('body', 'Here are the screenshot and the manual.');
    form.append('files', new Blob([PNG], { type: 'image/png' }), 'screenshot.png');
    form.append('files', new Blob([pdf], { type: 'application/pdf' }), 'Manual.pdf');
    const response = await fetch(`${env.baseUrl}/api/tickets/${id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent.accessToken}` },
      body: form,
    });
    expect(response.status).toBe(201);

    await telegram.waitFor(() => telegram.sentTo(people.anna).length >= before + 3);
    const [text, photo, document] = telegram.sentTo(people.anna).slice(before);
    expect(text.text).toContain('Here are the screenshot and the manual.');
    expect(text.text).toContain('📎 screenshot.png, Manual.pdf');
    expect(photo.file).toMatchObject({ kind: 'photo' });
    expect(photo.file?.content?.equals(PNG)).toBe(true);
    expect(photo.text).toContain(number);
    expect(document.file).toMatchObject({ kind: 'document', fileName: 'Manual.pdf' });
    expect(document.file?.content?.equals(pdf)).toBe(true);

    // The delivery log shows the files as deliveries of their own.
    const log = await http.get(`/api/notifications/deliveries?kind=ticket_reply&pageSize=100`, agent.accessToken);
    expect(log.status).toBe(200);
    const references = (log.body.items as Array<{ reference: string }>).map((item) => item.reference);
    expect(references).toEqual(expect.arrayContaining([`${number} · screenshot.png`, `${number} · Manual.pdf`]));

    // A Reply to the file answers the same ticket.
    const { answer } = await answerTo(telegram, people.anna, () =>
      telegram.replyTo(people.anna, document, 'Got them, thanks.'),
    );
    expect(answer.text).toBe(`✅ Added to ${number}.`);
  });
});
