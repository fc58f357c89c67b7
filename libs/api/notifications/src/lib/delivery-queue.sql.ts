/**
 * The deliverer's two queue statements, in a file of their own (no imports) so that bench/delivery.ts times the very
 * statements the deliverer runs.
 */

/** The first open (`pending` / `sending`) row of `c`'s chat, from the partial index of open rows. */
const CHAT_HEAD = `SELECT e.seq FROM notification_deliveries e
                    WHERE e.chat_id = c.chat_id AND e.status IN ('pending', 'sending')
                    ORDER BY e.seq LIMIT 1`;

/**
 * Claims the oldest due delivery of up to `batch` chats that have nothing in flight, marking it `sending`: a due
 * `pending` row that is its chat's first open row. Walked in `seq` order over the pending rows' partial index, each
 * candidate asking the open rows' index for its chat's first one, and stopping at the batch, so that the time does
 * not grow with the depth of the queue (docs/architecture.md, "The way a notification travels").
 */
export function claimStatement(batch: number): string {
  return `UPDATE notification_deliveries d
             SET status = 'sending', attempts = d.attempts + 1, updated_at = now()
           WHERE d.id IN (
             SELECT c.id FROM notification_deliveries c
              WHERE c.status = 'pending' AND c.next_attempt_at <= now()
                AND c.seq = (${CHAT_HEAD})
              ORDER BY c.seq
              LIMIT ${Math.trunc(batch)}
              FOR UPDATE SKIP LOCKED)
           RETURNING d.id, d.chat_id, d.recipient_id, d.text, d.reply_markup, d.attachment_id, d.attempts`;
}

/**
 * Milliseconds (`ms`; null when none, below 0 when already due) until the earliest chat head that is `pending` and
 * due from `recentMs` ago on. Asked right after a claim that took every due head it could: rows due longer ago than
 * that are blocked behind their chat's head (a deep queue has many), and a head that waits (a back-off, a 429's
 * retry_after) is due later.
 */
export function untilClaimableStatement(recentMs: number): string {
  // Not GREATEST(0, ...): PostgreSQL's GREATEST passes over a NULL, which made "nothing due" read as "due now".
  return `SELECT (EXTRACT(EPOCH FROM (min(c.next_attempt_at) - now())) * 1000)::int AS ms
            FROM notification_deliveries c
           WHERE c.status = 'pending' AND c.next_attempt_at > now() - make_interval(secs => ${Math.trunc(recentMs)} / 1000.0)
             AND c.seq = (${CHAT_HEAD})`;
}
