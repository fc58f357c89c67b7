/* eslint-disable no-console -- a benchmark is a command, and its printed table is its output */
// Notification latency: staff reply on tickets at 20 events/s for 30 s; for each reply, the time from its commit to
// the Bot API double receiving the sendMessage that tells the client.
//
// Commit is not observable from outside, so each reply is timed twice on the bench's own clock (the double runs in
// this process): from the moment the HTTP 201 answer arrived, which is just after the commit (a lower bound, and
// the figure held against the goals), and from the moment the request was sent, which is before the transaction
// began (an upper bound).
//
// Replies go round-robin to tickets of 60 different clients, each with one linked user, so each chat gets a message
// every 3 s: far from Telegram's 1 message/s per chat, so what is measured is the path through the API and the
// deliverer, not the per-chat pacing (at 20 chats each would get one exactly every second, and any jitter would
// queue it behind the previous one). 20/s overall stays under the 30/s ceiling.
import { createTestDatabase, queryDatabase, startApi } from '@deskgram/testing/harness';
import { TelegramBotApiDouble } from '@deskgram/testing/telegram-bot-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
// Plain JavaScript, so that it also runs alone (`node tools/bench-data.mjs`); Node 20.19+ require()s ES modules.
import { clientsWithLinkedUser } from '../tools/bench-data.mjs';
import {
  api,
  BOT_TOKEN,
  eventually,
  JWT_SECRET,
  machine,
  pause,
  percentile,
  report,
  requireBuild,
  signIn,
  stopApi,
  useDatabaseServer,
  withCleanup,
} from './lib/bench';

// The load; overridable to see how latency depends on it (BENCH_RATE=2 npm run bench:latency).
const RATE = Number(process.env['BENCH_RATE'] ?? 20);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 30);
const WARM_UP = 40;
const TICKETS = 60;

interface Event {
  ticketId: string;
  sentAt: number;
  answeredAt?: number;
  status?: number;
  deliveredAt?: number;
}

void withCleanup(async (defer) => {
  requireBuild();
  const server = useDatabaseServer();
  const database = await createTestDatabase('deskgram_bench_latency');
  defer(() => database.drop());
  const telegram = new TelegramBotApiDouble({ token: BOT_TOKEN, username: 'deskgram_bench_bot' });
  await telegram.start();
  defer(() => telegram.stop());
  const dataDir = await mkdtemp(join(tmpdir(), 'deskgram-bench-'));
  defer(() => rm(dataDir, { recursive: true, force: true }));
  const apiProcess = await startApi({
    env: {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      JWT_SECRET,
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      PUBLIC_URL: 'https://help.example.org',
    },
  });
  defer(() => stopApi(apiProcess));

  const agent = await signIn(apiProcess.baseUrl, 'agent@deskgram.example');
  const linked = await clientsWithLinkedUser(database.url, { count: TICKETS });
  for (const { chatId } of linked) telegram.person({ id: chatId, firstName: `Person ${chatId}` });
  const tickets = await queryDatabase<{ id: string }>(
    database.url,
    `INSERT INTO tickets (subject, client_id, creator_id, status)
     SELECT 'Latency ticket ' || n, client_id, $2, 'in_progress'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(client_id, n)
     RETURNING id`,
    [linked.map((l) => l.clientId), agent.user.id],
  );

  const events: Event[] = [];
  telegram.on('message', (message: { text: string }) => {
    const at = performance.now();
    const match = /bench event (\d+)\b/.exec(message.text);
    const event = match ? events[Number(match[1])] : undefined;
    if (event && event.deliveredAt === undefined) event.deliveredAt = at;
  });

  async function fire(index: number): Promise<void> {
    const event: Event = { ticketId: tickets[index % tickets.length].id, sentAt: performance.now() };
    events[index] = event;
    const answer = await api(apiProcess.baseUrl, 'POST', `/api/tickets/${event.ticketId}/messages`, agent.accessToken, {
      body: `bench event ${index} — the part is ordered and arrives on Tuesday.`,
    });
    event.answeredAt = performance.now();
    event.status = answer.status;
  }

  /** Open loop: each reply leaves on its schedule, whether or not the previous ones were answered. */
  async function run(from: number, count: number): Promise<void> {
    const start = performance.now();
    const pending: Array<Promise<void>> = [];
    for (let i = 0; i < count; i++) {
      const due = start + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await pause(wait);
      pending.push(fire(from + i));
    }
    await Promise.all(pending);
  }

  await run(0, WARM_UP);
  await pause(3000);
  console.log(`warm-up done; ${RATE} replies/s for ${SECONDS} s...`);
  const measured = RATE * SECONDS;
  await run(WARM_UP, measured);
  await eventually(
    async () => (events.slice(WARM_UP).every((event) => event.deliveredAt !== undefined) ? true : undefined),
    30_000,
    'every measured reply to reach the double',
  ).catch((error: unknown) => console.error(String(error)));

  const sample = events.slice(WARM_UP);
  const failed = sample.filter((event) => event.status !== 201).length;
  const delivered = sample.filter((event) => event.deliveredAt !== undefined && event.answeredAt !== undefined);
  const fromAnswer = delivered.map((event) => (event.deliveredAt ?? 0) - (event.answeredAt ?? 0));
  const fromRequest = delivered.map((event) => (event.deliveredAt ?? 0) - event.sentAt);
  const httpTime = sample.filter((e) => e.answeredAt).map((event) => (event.answeredAt ?? 0) - event.sentAt);
  const tooMany = telegram.callsOf('sendMessage').filter((call) => call.status === 429).length;
  const p = (samples: number[], q: number) => percentile(samples, q);

  report(
    'latency',
    [
      { measure: 'p50, from the 201 answer', value: p(fromAnswer, 50), unit: 'ms', goal: '<= 30 ms' },
      { measure: 'p95, from the 201 answer', value: p(fromAnswer, 95), unit: 'ms' },
      { measure: 'p99, from the 201 answer', value: p(fromAnswer, 99), unit: 'ms', goal: '<= 150 ms' },
      { measure: 'max, from the 201 answer', value: Math.max(...fromAnswer), unit: 'ms' },
      { measure: 'p50, from the request', value: p(fromRequest, 50), unit: 'ms' },
      { measure: 'p95, from the request', value: p(fromRequest, 95), unit: 'ms' },
      { measure: 'p99, from the request', value: p(fromRequest, 99), unit: 'ms' },
      {
        measure: 'reply request itself, p50 / p99',
        value: `${p(httpTime, 50).toFixed(1)} / ${p(httpTime, 99).toFixed(1)}`,
        unit: 'ms',
      },
      { measure: 'replies measured / delivered', value: `${sample.length} / ${delivered.length}` },
      { measure: 'replies not answered 201', value: failed },
      { measure: '429 answers', value: tooMany },
    ].map((row) => {
      if (row.measure.startsWith('p50, from the 201')) return { ...row, met: p(fromAnswer, 50) <= 30 };
      if (row.measure.startsWith('p99, from the 201')) return { ...row, met: p(fromAnswer, 99) <= 150 };
      return row;
    }),
    {
      machine: await machine(server),
      setup: {
        rate: RATE,
        seconds: SECONDS,
        warmUpEvents: WARM_UP,
        tickets: TICKETS,
        chats: TICKETS,
        event: 'POST /api/tickets/:id/messages by an agent; the ticket client has one linked user',
        clock: 'performance.now() of the bench process, which also hosts the double',
      },
    },
  );
});
