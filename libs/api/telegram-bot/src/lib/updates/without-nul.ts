/**
 * PostgreSQL cannot store NUL in text. Telegram's names and messages should never hold one, but one must not fail a
 * link or an answer: it is dropped (the portal's routes refuse it instead).
 */
export function withoutNul<T extends string | undefined>(text: T): T {
  return text?.replaceAll('\0', '') as T;
}
