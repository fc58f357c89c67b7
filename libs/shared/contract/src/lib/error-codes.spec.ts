import { ERROR_CODES, type ErrorCode, isErrorCode } from './error-codes';

describe('error codes', () => {
  it('lists each code once, each as area.reason', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+\.[a-z_]+$/);
  });

  it('tells a known code from anything else', () => {
    expect(isErrorCode('ticket.not_found')).toBe(true);
    expect(isErrorCode('ticket.gone')).toBe(false);
    expect(isErrorCode(404)).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });

  it('is a type that refuses an unknown code at compile time', () => {
    const known: ErrorCode = 'invoice.cannot_void';
    // @ts-expect-error: not a code of the API
    const unknown: ErrorCode = 'invoice.cannot_archive';
    const texts: Readonly<Partial<Record<ErrorCode, string>>> = {
      'user.email_taken': 'taken',
      // @ts-expect-error: a translation for a code the API never sends
      'user.email_used': 'used',
    };
    expect([known, unknown, Object.keys(texts).length]).toEqual(['invoice.cannot_void', 'invoice.cannot_archive', 2]);
  });
});
