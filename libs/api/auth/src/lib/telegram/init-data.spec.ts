import { sign } from '@telegram-apps/init-data-node';
import { MalformedInitDataError, readInitData, verifyInitData } from './init-data';

const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const OTHER_BOT_TOKEN = '987654321:AAFkW1tJm2GZ3mDp4q5r6s7t8u9v0wxyzAB';
const DAY = 24 * 60 * 60;
const anna = { id: 7001, first_name: 'Anna', language_code: 'en' };

function signed(data: Parameters<typeof sign>[0] = { user: anna }, authDate = new Date(), token = BOT_TOKEN): string {
  return sign(data, token, authDate);
}

function verify(initData: string, maxAge = DAY, token = BOT_TOKEN) {
  return verifyInitData(initData, readInitData(initData), token, maxAge);
}

/** The init data with one field's value replaced, as a forger would send it. */
function withField(initData: string, key: string, value: string): string {
  const params = new URLSearchParams(initData);
  params.set(key, value);
  return params.toString();
}

describe('Mini App init data', () => {
  it('reads the Telegram user and the date of data this bot signed, and finds it valid', () => {
    const authDate = new Date(Math.floor(Date.now() / 1000) * 1000);
    const initData = signed({ user: anna, query_id: 'AAHdF6IQAAAAAN0XohDhrOrc' }, authDate);
    expect(readInitData(initData)).toEqual({ telegramUserId: 7001, authDate });
    expect(verify(initData)).toBe('valid');
  });

  it('finds forged data forged: a changed user, a changed hash, another bot’s signature', () => {
    const initData = signed();
    expect(verify(withField(initData, 'user', JSON.stringify({ ...anna, id: 7002 })))).toBe('forged');
    const hash = new URLSearchParams(initData).get('hash') ?? '';
    const flipped = `${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}`;
    expect(verify(withField(initData, 'hash', flipped))).toBe('forged');
    expect(verify(withField(initData, 'hash', hash.toUpperCase()))).toBe('forged');
    expect(verify(withField(initData, 'hash', 'abc'))).toBe('forged');
    expect(verify(signed({ user: anna }, new Date(), OTHER_BOT_TOKEN))).toBe('forged');
    expect(verify(initData, DAY, OTHER_BOT_TOKEN)).toBe('forged');
  });

  it('finds data older than the maximum age expired, and data dated over a minute ahead not valid', () => {
    const now = Date.now();
    expect(verify(signed({ user: anna }, new Date(now - DAY * 1000 - 5000)))).toBe('expired');
    expect(verify(signed({ user: anna }, new Date(now - 10 * 60 * 1000)), 5 * 60)).toBe('expired');
    expect(verify(signed({ user: anna }, new Date(now - 4 * 60 * 1000)), 5 * 60)).toBe('valid');
    expect(verify(signed({ user: anna }, new Date(now + 30 * 1000)))).toBe('valid');
    expect(verify(signed({ user: anna }, new Date(now + 5 * 60 * 1000)))).toBe('future');
  });

  it('says forged rather than expired for old data that is forged too', () => {
    const old = signed({ user: anna }, new Date(Date.now() - 2 * DAY * 1000));
    expect(verify(withField(old, 'user', JSON.stringify({ ...anna, id: 7002 })))).toBe('forged');
  });

  it.each([
    [
      'no hash',
      () => new URLSearchParams([...new URLSearchParams(signed())].filter(([key]) => key !== 'hash')).toString(),
    ],
    ['no user', () => signed({ query_id: 'AAHdF6IQAAAAAN0XohDhrOrc' })],
    ['a user that is not JSON', () => withField(signed(), 'user', '{"id":7001,')],
    ['a user without an id', () => withField(signed(), 'user', JSON.stringify({ first_name: 'Anna' }))],
    ['a user id that is not a number', () => withField(signed(), 'user', JSON.stringify({ ...anna, id: '7001' }))],
    ['a negative user id', () => withField(signed(), 'user', JSON.stringify({ ...anna, id: -7001 }))],
    ['a fractional user id', () => withField(signed(), 'user', JSON.stringify({ ...anna, id: 70.01 }))],
    ['a user id beyond 2^53', () => withField(signed(), 'user', '{"id":12345678901234567890,"first_name":"A"}')],
    [
      'no auth_date',
      () => new URLSearchParams([...new URLSearchParams(signed())].filter(([key]) => key !== 'auth_date')).toString(),
    ],
    ['an auth_date that is not a number', () => withField(signed(), 'auth_date', 'yesterday')],
    ['a repeated hash', () => `${signed()}&hash=${'0'.repeat(64)}`],
    ['a repeated user', () => `${signed()}&user=${encodeURIComponent(JSON.stringify({ ...anna, id: 7002 }))}`],
    ['plain text', () => 'hello, bot'],
  ])('refuses init data with %s as malformed', (_case, make) => {
    expect(() => readInitData(make())).toThrow(MalformedInitDataError);
  });
});
