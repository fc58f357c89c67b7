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

  /** Moves to `until`, firing every timer on the way (a timer fires `late` ms after it is due, like a busy loop). */
  advance(until: number, late: () => number = () => 0): void {
    for (;;) {
      const due = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!due || due[1].at > until) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, Math.min(until, due[1].at + late()));
      due[1].callback();
    }
    this.time = until;
  }
}

/** The most starts any window of `windowMs` holds (windows closed on the left, open on the right). */
function busiestWindow(starts: number[], windowMs: number): number {
  let most = 0;
  for (let first = 0; first < starts.length; first += 1) {
    let count = 0;
    while (first + count < starts.length && starts[first + count] < starts[first] + windowMs) count += 1;
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

describe('SendPacer', () => {
  it('never starts more than `limit` calls within any window, even when its timers fire late', async () => {
    const clock = new FakeClock();
    const random = seeded(7);
    const pacer = new SendPacer({ limit: 29, windowMs: 1010, spacingMs: 31, clock });
    const starts: number[] = [];
    const all: Array<Promise<unknown>> = [];
    for (let index = 0; index < 600; index += 1) {
      all.push(pacer.schedule(async () => starts.push(clock.now())));
    }
    // Some timers are on time, some up to 40 ms late (a busy event loop), in a fixed pseudo-random pattern.
    clock.advance(60_000, () => (random() < 0.2 ? random() * 40 : 0));
    await Promise.all(all);

    expect(starts).toHaveLength(600);
    expect(busiestWindow(starts, 1010)).toBeLessThanOrEqual(29);
    for (let index = 1; index < starts.length; index += 1) {
      expect(starts[index] - starts[index - 1]).toBeGreaterThanOrEqual(31);
    }
    // Any 30 consecutive starts (what a per-second limit of 30 on the other side counts) span at least the window
    // plus one gap: the room left for the requests' own jitter on the way.
    for (let index = 30; index < starts.length; index += 1) {
      expect(starts[index] - starts[index - 30]).toBeGreaterThanOrEqual(1010 + 31);
    }
  });

  it('keeps the pace close to the window: `limit` a window when never held up', async () => {
    const clock = new FakeClock();
    const pacer = new SendPacer({ limit: 29, windowMs: 1010, spacingMs: 31, clock });
    const starts: number[] = [];
    const all = Array.from({ length: 291 }, () => pacer.schedule(async () => starts.push(clock.now())));
    clock.advance(20_000);
    await Promise.all(all);
    // 290 gaps in 10 windows: 29 a window, nothing lost to rounding.
    expect(starts[290] - starts[0]).toBeLessThanOrEqual(10 * 1010 + 10);
  });

  it('measures a chat’s interval from its previous start, and lets other chats pass a waiting one', async () => {
    const clock = new FakeClock();
    const pacer = new SendPacer({ limit: 1000, windowMs: 1000, spacingMs: 10, clock });
    const log: Array<{ chat: string; at: number }> = [];
    const send = (chat: string, answerMs: number) =>
      pacer.schedule(
        () =>
          new Promise((resolve) => {
            log.push({ chat, at: clock.now() });
            // The answer takes a while; the chat's next start does not wait for it on top of the interval.
            clock.setTimeout(() => resolve(undefined), answerMs);
          }),
        { key: chat, intervalMs: 1050 },
      );
    const all = [send('a', 500), send('a', 0), send('b', 0), send('a', 0), send('c', 0)];
    clock.advance(5_000);
    await Promise.all(all);

    expect(log.map((entry) => entry.chat)).toEqual(['a', 'b', 'c', 'a', 'a']);
    const ofA = log.filter((entry) => entry.chat === 'a').map((entry) => entry.at);
    expect(ofA).toEqual([0, 1050, 2100]);
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
