// Fills a migrated Deskgram database to the sizes the benchmarks need, in a few seconds: every row is made by
// PostgreSQL itself (INSERT ... SELECT FROM generate_series), so nothing crosses the wire row by row.
//
//   node tools/bench-data.mjs <DATABASE_URL> [--clients 1000] [--tickets 100000]
//
// The database must have the schema already (start the API on it once). The benches import the functions below.
import pg from 'pg';

/** Telegram ids of the benchmark's people start here (the double's own fresh ids start at 7000000001). */
export const BENCH_CHAT_BASE = 7100000000;

/** A password hash that matches no password: benchmark users never sign in, and argon2 would cost seconds. */
const NO_PASSWORD = '!bench';

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * `clients` new clients and `tickets` tickets spread evenly over every client in the database (the demo clients
 * included, so that a demo client user sees a full page), with statuses, priorities, assignees among the staff and
 * last activity over the past year. Returns the counts afterwards.
 *
 * @returns {Promise<{ clients: number, tickets: number, seconds: number }>}
 */
export async function seedTickets(url, { clients = 1000, tickets = 100_000 } = {}) {
  return withClient(url, async (db) => {
    const started = Date.now();
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO clients (name, email, phone, company)
       SELECT 'Bench client ' || n, 'client' || n || '@bench.example', '+1555' || lpad(n::text, 7, '0'),
              'Bench Company ' || n
         FROM generate_series(1, $1::int) AS n`,
      [clients],
    );
    const { rows: staff } = await db.query(
      `SELECT id FROM users WHERE role IN ('admin', 'agent') AND disabled_at IS NULL ORDER BY created_at, id`,
    );
    if (!staff.length) throw new Error('No staff user to create the tickets: start the API once with demo data');
    await db.query(
      `WITH c AS (SELECT id, row_number() OVER (ORDER BY created_at, id) - 1 AS i, count(*) OVER () AS n FROM clients),
            s AS (SELECT unnest($2::uuid[]) AS id, generate_subscripts($2::uuid[], 1) - 1 AS i)
       INSERT INTO tickets (subject, client_id, creator_id, assignee_id, status, priority, last_activity_at,
                            created_at, updated_at)
       SELECT 'Bench ticket ' || g || ': the printer on floor ' || (g % 7) || ' jams again',
              c.id,
              s.id,
              CASE WHEN g % 4 = 0 THEN NULL ELSE s.id END,
              (ARRAY['open', 'in_progress', 'waiting_for_client', 'resolved', 'closed'])[1 + g % 5]::ticket_status,
              (ARRAY['low', 'normal', 'normal', 'high', 'urgent'])[1 + (g / 5) % 5]::ticket_priority,
              now() - make_interval(secs => (g * 7919) % 31536000),
              now() - make_interval(secs => (g * 7919) % 31536000) - interval '1 hour',
              now() - make_interval(secs => (g * 7919) % 31536000)
         FROM generate_series(1, $1::int) AS g
         JOIN c ON c.i = g % c.n
         JOIN s ON s.i = g % $3::int`,
      [tickets, staff.map((row) => row.id), staff.length],
    );
    await db.query('COMMIT');
    await db.query('ANALYZE clients, tickets, users');
    const { rows } = await db.query(
      'SELECT (SELECT count(*)::int FROM clients) AS clients, (SELECT count(*)::int FROM tickets) AS tickets',
    );
    return { ...rows[0], seconds: (Date.now() - started) / 1000 };
  });
}

/**
 * `count` client users of `clientId`, each with a connected Telegram link to chat `BENCH_CHAT_BASE + firstIndex + i`,
 * as if each had pressed Start. Returns their chat ids in order.
 *
 * @param {string} url
 * @param {{ clientId: string, count: number, firstIndex?: number }} options
 * @returns {Promise<number[]>}
 */
export async function linkClientUsers(url, { clientId, count, firstIndex = 1 }) {
  return withClient(url, async (db) => {
    const { rows } = await db.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, display_name, role, client_id, language)
         SELECT 'linked' || ($3::int + n) || '@bench.example', $4, 'Bench person ' || ($3::int + n), 'client', $1, 'en'
           FROM generate_series(0, $2::int - 1) AS n
         RETURNING id, display_name, email)
       INSERT INTO telegram_links (user_id, telegram_user_id, chat_id, first_name, language, state, linked_at)
       SELECT id, $5::bigint + substring(email FROM '^linked(\\d+)@')::bigint,
              $5::bigint + substring(email FROM '^linked(\\d+)@')::bigint, display_name, 'en', 'connected', now()
         FROM u
       RETURNING chat_id`,
      [clientId, count, firstIndex, NO_PASSWORD, BENCH_CHAT_BASE],
    );
    return rows.map((row) => Number(row.chat_id)).sort((a, b) => a - b);
  });
}

/**
 * `count` new clients, each with one linked client user.
 *
 * @param {string} url
 * @param {{ count: number, firstIndex?: number }} options
 * @returns {Promise<Array<{ clientId: string, chatId: number }>>}
 */
export async function clientsWithLinkedUser(url, { count, firstIndex = 1 }) {
  const ids = await withClient(url, async (db) => {
    const { rows } = await db.query(
      `INSERT INTO clients (name, email, company)
       SELECT 'Latency client ' || n, 'latency' || n || '@bench.example', 'Latency Company ' || n
         FROM generate_series($1::int, $1::int + $2::int - 1) AS n
       RETURNING id, name`,
      [firstIndex, count],
    );
    return rows.sort((a, b) => Number(a.name.split(' ').pop()) - Number(b.name.split(' ').pop())).map((r) => r.id);
  });
  const linked = [];
  for (const [i, clientId] of ids.entries()) {
    const [chatId] = await linkClientUsers(url, { clientId, count: 1, firstIndex: firstIndex + i });
    linked.push({ clientId, chatId });
  }
  return linked;
}

// No top-level await: the benches load this file with require(), which refuses modules that await at the top.
const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const [url, ...rest] = process.argv.slice(2);
  if (!url) {
    console.error('usage: node tools/bench-data.mjs <DATABASE_URL> [--clients 1000] [--tickets 100000]');
    process.exit(2);
  }
  const option = (name, fallback) => {
    const at = rest.indexOf(`--${name}`);
    return at >= 0 ? Number(rest[at + 1]) : fallback;
  };
  seedTickets(url, { clients: option('clients', 1000), tickets: option('tickets', 100_000) }).then(
    (result) => console.log(`${result.clients} clients, ${result.tickets} tickets in ${result.seconds} s`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
