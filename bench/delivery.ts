/* eslint-disable no-console -- a benchmark is a command, and its printed table is its output */
// Delivery against Telegram's ceiling: 1,000 notifications to 1,000 distinct linked chats, the Bot API double
// enforcing Telegram's limits (30 messages/s overall, 1/s per chat). How close does the deliverer come to 30/s
// without being told off (429), and does every chat get its message exactly once?
//
// BENCH_BACKLOG=100000: the queue at depth instead (`delivery-backlog`): that many due deliveries over a tenth as
// many linked chats (10 each), written straight in the database; then, for BENCH_SECONDS (60) of steady delivery,
// the rate and the 429s, and the time of the deliverer's claim statement on that table (run by the bench itself in
// a rolled-back transaction every quarter second, next to the deliverer: the statement's own time at depth and
// under the real load, which an end-to-end figure would hide behind the 30/s pace). The whole backlog would take
// close to an hour at 30/s; the window is what is measured.
import { createTestDatabase, queryDatabase, startApi } from '@deskgram/testing/harness';
import { type RecordedCall, TelegramBotApiDouble } from '@deskgram/testing/telegram-bot-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { claimStatement, untilClaimableStatement } from '../libs/api/notifications/src/lib/delivery-queue.sql';
// Plain JavaScript, so that it also runs alone (`node tools/bench-data.mjs`); Node 20.19+ require()s ES modules.
import { linkClientUsers } from '../tools/bench-data.mjs';
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

const CHATS = 1000;
const TELEGRAM_CEILING = 30;
const BACKLOG = Number(process.env['BENCH_BACKLOG'] ?? 0);
const PER_CHAT = 10;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60);
/** Arrivals before the measured window: the first claims and connections. */
const WARM_UP_MS = 5_000;

void withCleanup(async (defer) => {
  requireBuild();
  const server = useDatabaseServer();
  const database = await createTestDatabase('deskgram_bench_delivery');
  defer(() => database.drop());
  const telegram = new TelegramBotApiDouble({
    token: BOT_TOKEN,
    username: 'deskgram_bench_bot',
    limits: { perChatPerSecond: 1, globalPerSecond: TELEGRAM_CEILING },
  });
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

  // 1,000 people who pressed Start, linked straight in the database (pressing Start 1,000 times measures nothing).
  const [client] = await queryDatabase<{ id: string }>(
    database.url,
    `INSERT INTO clients (name, email, company) VALUES ('Broadcast Ltd', 'broadcast@bench.example', 'Broadcast Ltd')
     RETURNING id`,
  );
  if (BACKLOG > 0) {
    await backlog(database.url, telegram, client.id, server);
    return;
  }
  const chatIds = await linkClientUsers(database.url, { clientId: client.id, count: CHATS });
  for (const chatId of chatIds) telegram.person({ id: chatId, firstName: `Person ${chatId}` });

  const arrivals: number[] = [];
  telegram.on('message', () => arrivals.push(performance.now()));
  const agent = await signIn(apiProcess.baseUrl, 'agent@deskgram.example');
  const sent = await api<{ queued: number }>(
    apiProcess.baseUrl,
    'POST',
    `/api/telegram/client/${client.id}/send-message`,
    agent.accessToken,
    { message: 'The office is closed on Friday; urgent tickets are still answered.' },
  );
  const queuedAt = performance.now();
  if (sent.status !== 202 || sent.body.queued !== CHATS) {
    throw new Error(`send-message answered ${sent.status} ${JSON.stringify(sent.body)}, expected 202 and ${CHATS}`);
  }
  console.log(`${CHATS} messages queued; delivering (about ${Math.ceil(CHATS / TELEGRAM_CEILING)} s at best)...`);
  await eventually(
    async () => {
      const [row] = await queryDatabase<{ open: number }>(
        database.url,
        `SELECT count(*)::int AS open FROM notification_deliveries WHERE status IN ('pending', 'sending')`,
      );
      return row.open === 0 ? true : undefined;
    },
    180_000,
    'every delivery to be settled',
    500,
  );
  // A duplicate would come after the rows settled (a retry of a message Telegram already had): give it time.
  await pause(3000);

  const messages = telegram.messages.filter((message) => message.chatId >= chatIds[0]);
  const perChat = new Map<number, number>(chatIds.map((chatId) => [chatId, 0]));
  for (const message of messages) perChat.set(message.chatId, (perChat.get(message.chatId) ?? 0) + 1);
  const lost = [...perChat.values()].filter((count) => count === 0).length;
  const duplicated = [...perChat.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
  const calls = telegram.callsOf('sendMessage');
  const tooMany = calls.filter((call) => call.status === 429).length;
  const causes = floodCauses(calls, TELEGRAM_CEILING);
  const statuses = await queryDatabase<{ status: string; n: number }>(
    database.url,
    'SELECT status, count(*)::int AS n FROM notification_deliveries GROUP BY status ORDER BY status',
  );
  const first = arrivals[0];
  const last = arrivals[arrivals.length - 1];
  // The steady rate, first to last arrival: what the pacing achieves. Start-up (claiming, first connection) aside.
  const rate = (arrivals.length - 1) / ((last - first) / 1000);
  const endToEnd = arrivals.length / ((last - queuedAt) / 1000);
  const fraction = rate / TELEGRAM_CEILING;

  report(
    'delivery',
    [
      { measure: 'messages/s (first to last arrival)', value: rate, unit: 'msg/s' },
      { measure: 'fraction of 30/s', value: fraction, goal: '>= 0.95', met: fraction >= 0.95 },
      { measure: 'messages/s (from the 202 answer)', value: endToEnd, unit: 'msg/s' },
      { measure: '429 answers', value: tooMany, goal: '0', met: tooMany === 0 },
      { measure: 'lost (chats without the message)', value: lost, goal: '0', met: lost === 0 },
      { measure: 'duplicated (extra copies)', value: duplicated, goal: '0', met: duplicated === 0 },
      { measure: 'sendMessage calls', value: calls.length },
      { measure: 'wall time', value: (last - queuedAt) / 1000, unit: 's' },
    ],
    {
      machine: await machine(server),
      setup: {
        chats: CHATS,
        doubleLimits: { perChatPerSecond: 1, globalPerSecond: TELEGRAM_CEILING },
        trigger: 'POST /api/telegram/client/:clientId/send-message to a client with 1,000 linked users',
      },
      deliveryStatuses: Object.fromEntries(statuses.map((row) => [row.status, row.n])),
      floodCauses: causes,
    },
  );
});

/**
 * Which of Telegram's limits each 429 met, read from the double's record of calls (accepted ones are what its
 * sliding windows count): the same chat within the second before, or the whole bot's 30; and the tightest span of
 * 31 consecutive accepted arrivals (a span under 1,000 ms is what a global 429 needs).
 */
function floodCauses(calls: readonly RecordedCall[], ceiling: number) {
  const accepted = calls
    .filter((call) => call.status === 200)
    .map((call) => ({ at: call.time.getTime(), chat: String(call.params['chat_id']) }));
  let perChat = 0;
  let global = 0;
  for (const call of calls.filter((c) => c.status === 429)) {
    const at = call.time.getTime();
    const recent = accepted.filter((a) => a.at > at - 1000 && a.at <= at);
    if (recent.some((a) => a.chat === String(call.params['chat_id']))) perChat += 1;
    if (recent.length >= ceiling) global += 1;
  }
  let tightest = Infinity;
  for (let i = 0; i + ceiling < accepted.length; i += 1)
    tightest = Math.min(tightest, accepted[i + ceiling].at - accepted[i].at);
  return { perChat, global, tightestSpanOf31AcceptedMs: Number.isFinite(tightest) ? tightest : null };
}

/** The queue at depth: BACKLOG due deliveries over BACKLOG / 10 chats, delivered for SECONDS; see the top. */
async function backlog(url: string, telegram: TelegramBotApiDouble, clientId: string, server: string): Promise<void> {
  const chats = Math.ceil(BACKLOG / PER_CHAT);
  const chatIds = await linkClientUsers(url, { clientId, count: chats });
  for (const chatId of chatIds) telegram.person({ id: chatId, firstName: `Person ${chatId}` });
  const arrivals: Array<{ at: number; chatId: number; text: string }> = [];
  telegram.on('message', (message: { chatId: number; text?: string }) =>
    arrivals.push({ at: performance.now(), chatId: message.chatId, text: message.text ?? '' }),
  );
  const started = performance.now();
  // Round by round, as broadcasts queue them: every chat's first message, then every chat's second, ...; one
  // transaction, and the NOTIFY the deliverer listens for at its commit.
  const [{ queued }] = await queryDatabase<{ queued: number }>(
    url,
    `WITH queued AS (
       INSERT INTO notification_deliveries (recipient_id, chat_id, kind, reference, text)
       SELECT l.user_id, l.chat_id, 'ticket_reply', 'T-1', 'Backlog message ' || r
         FROM generate_series(1, $1::int) AS r
        CROSS JOIN (SELECT user_id, chat_id FROM telegram_links WHERE chat_id = ANY($2::bigint[])) AS l
        ORDER BY r, l.chat_id
       RETURNING 1)
     SELECT count(*)::int AS queued, pg_notify('deskgram_deliveries', '') IS NULL AS notified FROM queued`,
    [PER_CHAT, chatIds],
  );
  await queryDatabase(url, 'ANALYZE notification_deliveries');
  console.log(
    `${queued} deliveries queued over ${chats} chats in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `measuring ${SECONDS} s of delivery after ${WARM_UP_MS / 1000} s of warm-up...`,
  );

  await eventually(async () => (arrivals.length > 0 ? true : undefined), 60_000, 'the first delivery', 100);
  const windowStart = arrivals[0].at + WARM_UP_MS;
  const windowEnd = windowStart + SECONDS * 1000;
  const claims: number[] = [];
  const serverClaims: number[] = [];
  const untils: number[] = [];
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    while (performance.now() < windowEnd) {
      // The deliverer's statements on the deep table, never committed: SKIP LOCKED passes over the rows the
      // deliverer holds, and the rows taken here go back at the rollback.
      await db.query('BEGIN');
      const claimStart = performance.now();
      await db.query(claimStatement(100));
      claims.push(performance.now() - claimStart);
      await db.query('ROLLBACK');
      // The same, timed by PostgreSQL itself: the statement without the round trip and this process's own waits
      // (on a busy machine the two differ).
      await db.query('BEGIN');
      const explained = await db.query<{ 'QUERY PLAN': Array<{ 'Execution Time': number }> }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${claimStatement(100)}`,
      );
      serverClaims.push(explained.rows[0]['QUERY PLAN'][0]['Execution Time']);
      await db.query('ROLLBACK');
      const untilStart = performance.now();
      await db.query(untilClaimableStatement(1000));
      untils.push(performance.now() - untilStart);
      await pause(250);
    }
  } finally {
    await db.end();
  }

  const inWindow = arrivals.filter((arrival) => arrival.at >= windowStart && arrival.at < windowEnd).length;
  const rate = inWindow / SECONDS;
  const fraction = rate / TELEGRAM_CEILING;
  const calls = telegram.callsOf('sendMessage');
  const tooMany = calls.filter((call) => call.status === 429).length;
  // In order and once: each chat's messages arrive as 1, 2, 3, ... with none twice.
  const lastOf = new Map<number, number>();
  let outOfOrder = 0;
  for (const arrival of arrivals) {
    const number = Number(/Backlog message (\d+)/.exec(arrival.text)?.[1]);
    if (number !== (lastOf.get(arrival.chatId) ?? 0) + 1) outOfOrder += 1;
    lastOf.set(arrival.chatId, number);
  }
  const claimP50 = percentile(claims, 50);
  const claimP99 = percentile(claims, 99);
  report(
    'delivery-backlog',
    [
      { measure: 'claim of 100, p50 (round trip)', value: claimP50, unit: 'ms' },
      { measure: 'claim of 100, p99 (round trip)', value: claimP99, unit: 'ms' },
      { measure: 'claim of 100, p50 (PostgreSQL)', value: percentile(serverClaims, 50), unit: 'ms' },
      {
        measure: 'claim of 100, p99 (PostgreSQL)',
        value: percentile(serverClaims, 99),
        unit: 'ms',
        goal: '<= 5',
        met: percentile(serverClaims, 99) <= 5,
      },
      {
        measure: 'next-due query, p99',
        value: percentile(untils, 99),
        unit: 'ms',
        goal: '<= 5',
        met: percentile(untils, 99) <= 5,
      },
      { measure: `messages/s over ${SECONDS} s`, value: rate, unit: 'msg/s' },
      { measure: 'fraction of 30/s', value: fraction, goal: '>= 0.95', met: fraction >= 0.95 },
      { measure: '429 answers', value: tooMany, goal: '0', met: tooMany === 0 },
      { measure: 'out of order or repeated', value: outOfOrder, goal: '0', met: outOfOrder === 0 },
      { measure: 'messages delivered', value: arrivals.length },
    ],
    {
      machine: await machine(server),
      setup: {
        backlog: queued,
        chats,
        perChat: PER_CHAT,
        seconds: SECONDS,
        warmUpMs: WARM_UP_MS,
        claimSamples: claims.length,
        doubleLimits: { perChatPerSecond: 1, globalPerSecond: TELEGRAM_CEILING },
        how:
          'rows inserted in SQL; the claim statement run by the bench in a rolled-back transaction every 250 ms, ' +
          'timed around the call (round trip) and by EXPLAIN ANALYZE (PostgreSQL)',
      },
      floodCauses: floodCauses(calls, TELEGRAM_CEILING),
    },
  );
}
