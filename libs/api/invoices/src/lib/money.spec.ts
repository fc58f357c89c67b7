import {
  fitsBigint,
  formatMoney,
  formatQuantity,
  lineAmount,
  maxAmount,
  MAX_MINOR,
  minorDigits,
  parseMoney,
  parseQuantity,
} from './money';

describe('money', () => {
  it('knows each currency’s minor unit', () => {
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('BHD')]).toEqual([2, 0, 3]);
  });

  it('parses and formats decimal strings without floating point', () => {
    expect(parseMoney('1250', 'EUR')).toBe(125000n);
    expect(parseMoney('1250.5', 'EUR')).toBe(125050n);
    expect(formatMoney(125050n, 'EUR')).toBe('1250.50');
    expect(formatMoney(5n, 'EUR')).toBe('0.05');
    expect(formatMoney(1500n, 'JPY')).toBe('1500');
    expect(formatMoney(1234n, 'BHD')).toBe('1.234');
    expect(parseMoney('999999999999999.99', 'EUR')).toBe(99999999999999999n);
  });

  it('refuses more decimals than the currency has, and things that are not amounts', () => {
    expect(() => parseMoney('1.001', 'EUR')).toThrow(/more than 2 decimals for EUR/);
    expect(() => parseMoney('1.5', 'JPY')).toThrow(/more than 0 decimals for JPY/);
    expect(() => parseMoney('1e5', 'EUR')).toThrow(/not an amount/);
  });

  it('multiplies quantity by price and rounds half away from zero', () => {
    expect(lineAmount(parseQuantity('3'), parseMoney('40.50', 'EUR'))).toBe(12150n);
    expect(lineAmount(parseQuantity('1.5'), parseMoney('99.99', 'EUR'))).toBe(14999n); // 149.985
    expect(lineAmount(parseQuantity('0.333'), 100n)).toBe(33n);
    expect(lineAmount(parseQuantity('0.005'), 100n)).toBe(1n); // 0.5 minor -> 1
  });

  it('keeps quantities to thousandths', () => {
    expect(parseQuantity('1.5')).toBe(1500n);
    expect(formatQuantity(1500n)).toBe('1.5');
    expect(formatQuantity(3000n)).toBe('3');
    expect(() => parseQuantity('1.2345')).toThrow(/up to 3 decimals/);
  });

  it('refuses an amount that PostgreSQL bigint cannot hold, naming the largest one', () => {
    expect(maxAmount('EUR')).toBe('92233720368547758.07');
    expect(minorDigits('CLF')).toBe(4);
    expect(parseMoney('922337203685477.5807', 'CLF')).toBe(MAX_MINOR);
    expect(() => parseMoney('922337203685477.5808', 'CLF')).toThrow(
      /more than the largest amount, 922337203685477.5807 CLF/,
    );
    expect(fitsBigint(MAX_MINOR)).toBe(true);
    expect(fitsBigint(MAX_MINOR + 1n)).toBe(false);
    expect(fitsBigint(lineAmount(parseQuantity('999999999'), parseMoney('999999999999999.99', 'EUR')))).toBe(false);
  });
});
