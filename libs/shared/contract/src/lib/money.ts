/**
 * Money as integer minor units (`bigint`), never floating point. Amounts travel as decimal strings ("1250.00") with
 * exactly as many decimals as the currency has (2 for EUR, 0 for JPY, 3 for BHD, per ISO 4217 as `Intl` knows it).
 * The API parses and formats with these functions, and the portal works out line amounts and totals with the same
 * ones, so both sides round alike.
 */

function knownCurrencies(): ReadonlySet<string> | null {
  const supported = (Intl as { supportedValuesOf?: (key: 'currency') => string[] }).supportedValuesOf;
  return supported ? new Set(supported('currency')) : null;
}
const CURRENCIES = knownCurrencies();

/** Whether the code is an ISO 4217 currency that `Intl` knows ("EUR" yes, "eur" and "XYZ" no). */
export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (CURRENCIES) return CURRENCIES.has(code);
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

/** How many decimals the currency's minor unit has (2 for EUR, 0 for JPY, 3 for BHD); 2 for what is no currency. */
export function currencyDecimals(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Text that is not an amount, or an amount that cannot be kept; `message` says which, in English. */
export class MoneyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyFormatError';
  }
}

/** Amounts are stored in PostgreSQL `bigint` columns: anything beyond cannot be kept. */
export const MAX_MINOR = 2n ** 63n - 1n;

/** Whether PostgreSQL's `bigint` holds the amount. */
export function fitsBigint(minor: bigint): boolean {
  return minor <= MAX_MINOR && minor >= -MAX_MINOR - 1n;
}

/** The largest amount that can be stored, as a decimal string of the currency ("92233720368547758.07" in EUR). */
export function maxAmount(currency: string): string {
  return formatMoney(MAX_MINOR, currency);
}

const AMOUNT = /^(-?)(\d{1,15})(?:\.(\d+))?$/;

/**
 * A decimal string (or a JSON number, taken as the string it is written as) in minor units of `digits` decimals:
 * "1250.5" with 2 -> 125050n. More decimals than that is an error, not a rounding; `currency` only names the
 * currency in the message.
 */
export function parseMinor(amount: string | number, digits: number, currency = 'this currency'): bigint {
  const text = String(amount);
  const match = AMOUNT.exec(text.trim());
  if (!match) throw new MoneyFormatError(`"${text}" is not an amount like 1250.00`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) {
    throw new MoneyFormatError(`"${text}" has more than ${digits} decimal${digits === 1 ? '' : 's'} for ${currency}`);
  }
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (!fitsBigint(minor)) {
    throw new MoneyFormatError(
      `"${text}" is more than the largest amount, ${formatMinor(MAX_MINOR, digits)} ${currency}`,
    );
  }
  return sign === '-' ? -minor : minor;
}

/** "1250.5" in EUR -> 125050n, with the currency's decimals (see `parseMinor`). */
export function parseMoney(amount: string | number, currency: string): bigint {
  return parseMinor(amount, currencyDecimals(currency), currency);
}

/** Minor units of `digits` decimals as a decimal string: 22150n with 2 -> "221.50". */
export function formatMinor(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const absolute = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = absolute.slice(0, absolute.length - digits);
  const fraction = digits > 0 ? `.${absolute.slice(-digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** 125050n in EUR -> "1250.50"; 1500n in JPY -> "1500". */
export function formatMoney(minor: bigint, currency: string): string {
  return formatMinor(minor, currencyDecimals(currency));
}

/** Quantities have up to 3 decimals and are kept as thousandths: "1.5" -> 1500n. */
export const QUANTITY_SCALE = 1000n;

export function parseQuantity(amount: string | number): bigint {
  const text = String(amount);
  const match = /^(\d{1,9})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!match) throw new MoneyFormatError(`"${text}" is not a quantity like 2 or 1.5 (up to 3 decimals)`);
  return BigInt(match[1]) * QUANTITY_SCALE + BigInt((match[2] ?? '').padEnd(3, '0'));
}

export function formatQuantity(thousandths: bigint): string {
  const whole = thousandths / QUANTITY_SCALE;
  const fraction = (thousandths % QUANTITY_SCALE).toString().padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/** quantity × unit price, rounded half away from zero to the minor unit. */
export function lineAmount(quantityThousandths: bigint, unitPriceMinor: bigint): bigint {
  const product = quantityThousandths * unitPriceMinor;
  const half = QUANTITY_SCALE / 2n;
  return product >= 0n ? (product + half) / QUANTITY_SCALE : -((-product + half) / QUANTITY_SCALE);
}

/**
 * A line's amount from its texts as a form holds them, with the same rules as the API: null while the quantity or
 * the price is not a valid number for `digits` decimals.
 */
export function lineAmountOf(quantity: string, unitPrice: string, digits: number): bigint | null {
  try {
    return lineAmount(parseQuantity(quantity), parseMinor(unitPrice, digits));
  } catch (error) {
    if (error instanceof MoneyFormatError) return null;
    throw error;
  }
}

/**
 * A decimal string of the API shown as money in a language or locale ("€221.50", "221,50 €"). `Intl` reads the
 * string as an exact decimal, never through binary floating point; an unknown currency falls back to "221.50 XYZ".
 */
export function displayMoney(amount: string, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount as unknown as number);
  } catch {
    return `${amount} ${currency}`;
  }
}
