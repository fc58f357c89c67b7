/**
 * Runs `check` until it stops throwing (an `expect` that holds) and returns its result, or throws its last error after
 * `timeoutMs`: for what the API does asynchronously to a request (the bot, the deliverer, the sweeps). Never a fixed
 * sleep: the test goes on as soon as the condition holds.
 */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
