import { currencyDecimals, formatMoney, formatScaled, lineAmount, parseScaled } from './money';

describe('money', () => {
  it('knows the minor units of a currency', () => {
    expect(currencyDecimals('EUR')).toBe(2);
    expect(currencyDecimals('JPY')).toBe(0);
  });

  it('adds line amounts exactly', () => {
    const total = (lineAmount('3', '40.50', 2) ?? 0n) + (lineAmount('1', '100.00', 2) ?? 0n);
    expect(formatScaled(total, 2)).toBe('221.50');
    expect(formatScaled((parseScaled('0.10', 2) ?? 0n) + (parseScaled('0.20', 2) ?? 0n), 2)).toBe('0.30');
  });

  it('rounds quantity × price half away from zero', () => {
    expect(formatScaled(lineAmount('0.005', '1.00', 2) ?? 0n, 2)).toBe('0.01');
    expect(formatScaled(lineAmount('0.004', '1.00', 2) ?? 0n, 2)).toBe('0.00');
    expect(formatScaled(lineAmount('1.5', '3', 0) ?? 0n, 0)).toBe('5');
  });

  it('refuses what is not a decimal', () => {
    expect(lineAmount('abc', '1', 2)).toBeNull();
    expect(lineAmount('1.0001', '1', 2)).toBeNull();
    expect(lineAmount('1', '1.001', 2)).toBeNull();
  });

  it('formats for the language', () => {
    expect(formatMoney('221.50', 'EUR', 'en')).toBe('€221.50');
    expect(formatMoney('221.50', 'EUR', 'ru').replace(/\s/g, ' ')).toBe('221,50 €');
  });
});
