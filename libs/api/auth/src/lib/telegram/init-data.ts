import { isExpiredError, parse, signData, validate } from '@telegram-apps/init-data-node';
import { timingSafeEqual } from 'node:crypto';

/** The longest init data taken: Telegram's are well under 1 KB, even with a long name and a photo URL. */
export const MAX_INIT_DATA_LENGTH = 4096;

/** How far ahead of this server's clock an `auth_date` may be: Telegram's clock and ours differ a little. */
export const INIT_DATA_CLOCK_SKEW_SECONDS = 60;

/** What the init data says before it is verified: enough to key the sign-in throttle. */
export interface InitDataClaims {
  telegramUserId: number;
  authDate: Date;
}

/** Init data that is not a Mini App's init data at all: nothing to verify. */
export class MalformedInitDataError extends Error {}

/**
 * Reads the init data with the library's parser (`@telegram-apps/init-data-node`), checking only its shape: a
 * `hash`, an `auth_date`, and a `user` with a positive whole `id`. Nothing here is trusted until `verifyInitData`.
 */
export function readInitData(initData: string): InitDataClaims {
  const fields = [...new URLSearchParams(initData).keys()];
  if (!fields.includes('hash')) throw new MalformedInitDataError('initData has no hash');
  // Telegram never repeats a field; a repeated one could be read one way here and another way by the signature.
  if (new Set(fields).size !== fields.length) throw new MalformedInitDataError('initData repeats a field');
  const parsed = parseOrExplain(initData);
  const id = parsed.user?.id;
  if (id === undefined) throw new MalformedInitDataError('initData names no Telegram user');
  if (!Number.isSafeInteger(id) || id <= 0) throw new MalformedInitDataError("initData's user id is not a user id");
  return { telegramUserId: id, authDate: parsed.auth_date };
}

function parseOrExplain(initData: string) {
  try {
    return parse(initData);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : 'unreadable';
    throw new MalformedInitDataError(`initData is not a Mini App's init data: ${reason}`);
  }
}

/**
 * `valid`, or why not: `forged` (the hash is not this bot's signature of the data, whoever signed it), `expired`
 * (`auth_date` older than `maxAgeSeconds`) or `future` (`auth_date` more than a minute ahead of this server's clock).
 *
 * The hash is compared in constant time first. The library's `validate` then checks the age, and the signature again
 * with a plain string comparison, which by then only ever meets a matching hash.
 */
export function verifyInitData(
  initData: string,
  claims: InitDataClaims,
  botToken: string,
  maxAgeSeconds: number,
): 'valid' | 'forged' | 'expired' | 'future' {
  if (!hashMatches(initData, botToken)) return 'forged';
  try {
    validate(initData, botToken, { expiresIn: maxAgeSeconds });
  } catch (error) {
    return isExpiredError(error) ? 'expired' : 'forged';
  }
  return claims.authDate.getTime() > Date.now() + INIT_DATA_CLOCK_SKEW_SECONDS * 1000 ? 'future' : 'valid';
}

/**
 * Telegram's check (core.telegram.org/bots/webapps, "Validating data received via the Mini App"): HMAC-SHA256 of
 * the data-check string (every field but `hash` as `key=value`, sorted, joined by line feeds) under the key
 * HMAC-SHA256("WebAppData", bot token), which the library's `signData` computes; compared with `timingSafeEqual`.
 */
function hashMatches(initData: string, botToken: string): boolean {
  const params = new URLSearchParams(initData);
  const hash = params.get('hash') ?? '';
  if (!/^[0-9a-f]{64}$/.test(hash)) return false;
  const dataCheckString = [...params]
    .filter(([key]) => key !== 'hash')
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('\n');
  const expected = Buffer.from(signData(dataCheckString, botToken), 'hex');
  return timingSafeEqual(expected, Buffer.from(hash, 'hex'));
}
