import { type PacerClock, SendPacer } from './send-pacer';

/** A clock that moves only when told; timers fire in order as it passes them. */
class FakeClock implements PacerClock {
  private time = 0;
  private nextId = 0;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.nextId;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /**
   * Moves to `until`, firing every timer on the way (a timer fires `late` ms after it is due, like a busy loop), and
   * letting the promises settled by each one run their callbacks before the next.
   */
  async advance(until: number, late: () => number = () => 0): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const due = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!due || due[1].at > until) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, Math.min(until, due[1].at + late()));
      due[1].callback();
    }
    this.time = until;
  }
}

/** The most arrivals any window of `windowMs` holds (closed on the left, open on the right), as Telegram counts. */
function busiestWindow(arrivals: number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0; first < sorted.length; first += 1) {
    let count = 0;
    while (first + count < sorted.length && sorted[first + count] < sorted[first] + windowMs) count += 1;
    most = Math.max(most, count);
  }
  return most;
}

/** A pseudo-random sequence, the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * Sends `count` calls through `pacer`, each answered after a round trip of 1 ms or, now and then, of up to 150 ms
 * (a request held up on the way), with timers firing up to 40 ms late now and then; answers each call's start and
 * answer times.
 */
async function traffic(clock: FakeClock, pacer: SendPacer, count: number, random: () => number) {
  const calls: Array<{ start: number; end: number }> = [];
  const all: Array<Promise<unknown>> = [];
  for (let index = 0; index < count; index += 1) {
    all.push(
      pacer.schedule(
        () =>
          new Promise((resolve) => {
            const call = { start: clock.now(), end: NaN };
            calls.push(call);
            const roundTrip = random() < 0.1 ? 1 + random() * 150 : 1;
            clock.setTimeout(() => {
              call.end = clock.now();
              resolve(undefined);
            }, roundTrip);
          }),
      ),
    );
  }
  await clock.advance(count * 100, () => (random() < 0.2 ? random() * 40 : 0));
  await Promise.all(all);
  return calls;
}

describe('SendPacer', () => {
  it('never lets more than `limit` arrive within a second, wherever between start and answer each one arrives', async () => {
    const clock = new FakeClock();
    const random = seeded(7);
    const pacer = new SendPacer({ limit: 30, windowMs: 1000, spacingMs: 32, clock });
    const calls = await traffic(clock, pacer, 900, random);

    expect(calls).toHaveLength(900);
    for (let index = 1; index < calls.length; index += 1) {
      expect(calls[index].start - calls[index - 1].start).toBeGreaterThanOrEqual(32);
    }
    // Each request reached the other side at its start, at its answer, or anywhere between: the earliest, the latest
    // and mixes of both in a fixed pseudo-random pattern (a held-up request arriving among later, quicker ones).
    const where = seeded(11);
    const placements = [
      calls.map((call) => call.start),
      calls.map((call) => call.end),
      ...Array.from({ length: 20 }, () => calls.map((call) => call.start + where() * (call.end - call.start))),
      ...Array.from({ length: 20 }, () => calls.map((call) => (where() < 0.5 ? call.start : call.end))),
    ];
    for (const arrivals of placements) expect(busiestWindow(arrivals, 1000)).toBeLessThanOrEqual(30);
  });

  it('keeps close to `limit` a window when the answers come quickly', async () => {
    const clock = new FakeClock();
    const pacer = new SendPacer({ limit: 30, windowMs: 1010, spacingMs: 32, clock });
    const calls = await traffic(clock, pacer, 301, () => 0.5);
    // 300 calls after the first in 10 windows of 1,010 ms and a 1 ms round trip each: 29.7 a second.
    expect(calls[300].start - calls[0].start).toBeLessThanOrEqual(10 * 1011 + 10);
  });

  it('measures a chat’s interval from its previous answer, and lets other chats pass a waiting one', async () => {
    const clock = new FakeClock();
    const pacer = new SendPacer({ limit: 1000, windowMs: 1000, spacingMs: 10, clock });
    const log: Array<{ chat: string; at: number }> = [];
    const send = (chat: string, answerMs: number) =>
      pacer.schedule(
        () =>
          new Promise((resolve) => {
            log.push({ chat, at: clock.now() });
            // The chat's next call waits for this answer, then the interval.
            clock.setTimeout(() => resolve(undefined), answerMs);
          }),
        { key: chat, intervalMs: 1050 },
      );
    const all = [send('a', 500), send('a', 0), send('b', 0), send('a', 0), send('c', 0)];
    await clock.advance(5_000);
    await Promise.all(all);

    expect(log.map((entry) => entry.chat)).toEqual(['a', 'b', 'c', 'a', 'a']);
    const ofA = log.filter((entry) => entry.chat === 'a').map((entry) => entry.at);
    expect(ofA).toEqual([0, 1550, 2600]);
  });

  it('passes on a call’s failure and turns away waiting calls when stopped', async () => {
    const clock = new FakeClock();
    const pacer = new SendPacer({ limit: 1, windowMs: 1000, spacingMs: 0, clock });
    const failing = pacer.schedule(() => Promise.reject(new Error('429')));
    const waiting = pacer.schedule(async () => 'never');
    await expect(failing).rejects.toThrow('429');
    pacer.stop();
    await expect(waiting).rejects.toThrow('stopped');
    await expect(pacer.schedule(async () => 'late')).rejects.toThrow('stopped');
  });
});
