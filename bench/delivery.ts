/* eslint-disable no-console -- a benchmark is a command, and its printed table is its output */
// Delivery against Telegram's ceiling: 1,000 notifications to 1,000 distinct linked chats, the Bot API double
// enforcing Telegram's limits (30 messages/s overall, 1/s per chat). How close does the deliverer come to 30/s
// without being told off (429), and does every chat get its message exactly once?
import { createTestDatabase, queryDatabase, startApi } from '@deskgram/testing/harness';
import { type RecordedCall, TelegramBotApiDouble } from '@deskgram/testing/telegram-bot-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
// Plain JavaScript, so that it also runs alone (`node tools/bench-data.mjs`); Node 20.19+ require()s ES modules.
import { linkClientUsers } from '../tools/bench-data.mjs';
import {
  api,
  BOT_TOKEN,
  eventually,
  JWT_SECRET,
  machine,
  pause,
  report,
  requireBuild,
  signIn,
  stopApi,
  useDatabaseServer,
  withCleanup,
} from './lib/bench';

const CHATS = 1000;
const TELEGRAM_CEILING = 30;

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
