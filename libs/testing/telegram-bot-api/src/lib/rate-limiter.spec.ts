import { ApiError } from './api-error';
import { RateLimiter } from './rate-limiter';

describe(RateLimiter.name, () => {
  let now = 1_000_000;
  const clock = () => now;

  function refusal(take: () => void): ApiError | undefined {
    try {
      take();
      return undefined;
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
  }

  it('refuses a second message to a chat within a second with 429 and retry_after', () => {
    const limiter = new RateLimiter({}, clock);
    limiter.take(1);
    now += 400;
    const error = refusal(() => limiter.take(1));
    expect(error).toMatchObject({ code: 429, parameters: { retry_after: 1 } });
    expect(error?.description).toBe('Too Many Requests: retry after 1');
    expect(refusal(() => limiter.take(2))).toBeUndefined();
  });

  it('lets the chat receive again once its window has slid past', () => {
    const limiter = new RateLimiter({}, clock);
    limiter.take(1);
    now += 1001;
    expect(refusal(() => limiter.take(1))).toBeUndefined();
  });

  it('counts all chats together against the global limit, whole seconds up', () => {
    const limiter = new RateLimiter({ perChatPerSecond: Infinity, globalPerSecond: 3 }, clock);
    for (const chat of [1, 2, 3]) limiter.take(chat);
    expect(refusal(() => limiter.take(4))).toMatchObject({ code: 429, parameters: { retry_after: 1 } });
  });

  it('forgets its windows when the limits change or on reset', () => {
    const limiter = new RateLimiter({}, clock);
    limiter.take(1);
    limiter.reset();
    expect(refusal(() => limiter.take(1))).toBeUndefined();
    limiter.setLimits({ perChatPerSecond: 2 });
    limiter.take(1);
    expect(refusal(() => limiter.take(1))).toBeUndefined();
    expect(refusal(() => limiter.take(1))).toMatchObject({ code: 429 });
  });
});
