import {
  currencyDecimals,
  displayMoney,
  fitsBigint,
  formatMinor,
  formatMoney,
  formatQuantity,
  isCurrency,
  lineAmount,
  lineAmountOf,
  maxAmount,
  MAX_MINOR,
  parseMinor,
  parseMoney,
  parseQuantity,
} from './money';

describe('money', () => {
  it('knows each currency’s minor unit', () => {
    expect([currencyDecimals('EUR'), currencyDecimals('JPY'), currencyDecimals('BHD')]).toEqual([2, 0, 3]);
    expect(currencyDecimals('not a currency')).toBe(2);
  });

  it('knows which codes are currencies', () => {
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('JPY')).toBe(true);
    expect(isCurrency('eur')).toBe(false);
    expect(isCurrency('XYZ')).toBe(false);
    expect(isCurrency('EURO')).toBe(false);
  });

  it('parses and formats decimal strings without floating point', () => {
    expect(parseMoney('1250', 'EUR')).toBe(125000n);
    expect(parseMoney('1250.5', 'EUR')).toBe(125050n);
    expect(parseMoney(' 1250.5 ', 'EUR')).toBe(125050n);
    expect(parseMoney(12.5, 'EUR')).toBe(1250n);
    expect(parseMoney('-3', 'EUR')).toBe(-300n);
    expect(parseMoney('1500', 'JPY')).toBe(1500n);
    expect(parseMoney('1.234', 'BHD')).toBe(1234n);
    expect(formatMoney(125050n, 'EUR')).toBe('1250.50');
    expect(formatMoney(5n, 'EUR')).toBe('0.05');
    expect(formatMoney(-5n, 'EUR')).toBe('-0.05');
    expect(formatMoney(1500n, 'JPY')).toBe('1500');
    expect(formatMoney(1234n, 'BHD')).toBe('1.234');
    expect(parseMoney('999999999999999.99', 'EUR')).toBe(99999999999999999n);
    expect(formatMinor(22150n, 2)).toBe('221.50');
    expect(formatMinor(parseMinor('0.10', 2) + parseMinor('0.20', 2), 2)).toBe('0.30');
  });

  it('refuses more decimals than the currency has, and things that are not amounts', () => {
    expect(() => parseMoney('1.001', 'EUR')).toThrow(/more than 2 decimals for EUR/);
    expect(() => parseMoney('1.5', 'JPY')).toThrow(/more than 0 decimals for JPY/);
    expect(() => parseMoney('1.2345', 'BHD')).toThrow(/more than 3 decimals for BHD/);
    expect(() => parseMoney('1e5', 'EUR')).toThrow(/not an amount/);
    expect(() => parseMoney(1e21, 'EUR')).toThrow(/not an amount/);
    expect(() => parseMoney('1,5', 'EUR')).toThrow(/not an amount/);
  });

  it('multiplies quantity by price and rounds half away from zero', () => {
    expect(lineAmount(parseQuantity('3'), parseMoney('40.50', 'EUR'))).toBe(12150n);
    expect(lineAmount(parseQuantity('1.5'), parseMoney('99.99', 'EUR'))).toBe(14999n); // 149.985
    expect(lineAmount(parseQuantity('0.333'), 100n)).toBe(33n);
    expect(lineAmount(parseQuantity('0.005'), 100n)).toBe(1n); // 0.5 minor -> 1
    expect(lineAmount(parseQuantity('0.005'), -100n)).toBe(-1n);
  });

  it('works out a form’s line amounts exactly, and nothing while a text is not a number', () => {
    const total = (lineAmountOf('3', '40.50', 2) ?? 0n) + (lineAmountOf('1', '100.00', 2) ?? 0n);
    expect(formatMinor(total, 2)).toBe('221.50');
    expect(formatMinor(lineAmountOf('0.005', '1.00', 2) ?? 0n, 2)).toBe('0.01');
    expect(formatMinor(lineAmountOf('0.004', '1.00', 2) ?? 0n, 2)).toBe('0.00');
    expect(formatMinor(lineAmountOf('1.5', '3', 0) ?? 0n, 0)).toBe('5');
    expect(lineAmountOf('abc', '1', 2)).toBeNull();
    expect(lineAmountOf('1.0001', '1', 2)).toBeNull();
    expect(lineAmountOf('1', '1.001', 2)).toBeNull();
  });

  it('keeps quantities to thousandths', () => {
    expect(parseQuantity('1.5')).toBe(1500n);
    expect(parseQuantity(2)).toBe(2000n);
    expect(formatQuantity(1500n)).toBe('1.5');
    expect(formatQuantity(3000n)).toBe('3');
    expect(() => parseQuantity('1.2345')).toThrow(/up to 3 decimals/);
  });

  it('refuses an amount that PostgreSQL bigint cannot hold, naming the largest one', () => {
    expect(maxAmount('EUR')).toBe('92233720368547758.07');
    expect(currencyDecimals('CLF')).toBe(4);
    expect(parseMoney('922337203685477.5807', 'CLF')).toBe(MAX_MINOR);
    expect(() => parseMoney('922337203685477.5808', 'CLF')).toThrow(
      /more than the largest amount, 922337203685477.5807 CLF/,
    );
    expect(fitsBigint(MAX_MINOR)).toBe(true);
    expect(fitsBigint(MAX_MINOR + 1n)).toBe(false);
    expect(fitsBigint(lineAmount(parseQuantity('999999999'), parseMoney('999999999999999.99', 'EUR')))).toBe(false);
  });

  it('shows a decimal string as money in the language', () => {
    expect(displayMoney('221.50', 'EUR', 'en')).toBe('€221.50');
    expect(displayMoney('221.50', 'EUR', 'ru').replace(/\s/g, ' ')).toBe('221,50 €');
    expect(displayMoney('1500', 'JPY', 'en-GB')).toBe('JP¥1,500');
    expect(displayMoney('92233720368547758.07', 'EUR', 'en')).toBe('€92,233,720,368,547,758.07');
    expect(displayMoney('1.00', 'XYZ1', 'en')).toBe('1.00 XYZ1');
  });
});
