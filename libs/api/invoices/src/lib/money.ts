/**
 * Money as integer minor units (`bigint`), never floating point. Amounts travel as decimal strings ("1250.00") with
 * exactly as many decimals as the currency has (2 for EUR, 0 for JPY, 3 for BHD, per ISO 4217 as Intl knows it).
 */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isCurrency(code: string): boolean {
  return CURRENCIES.has(code);
}

/** How many decimals the currency's minor unit has. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export class MoneyFormatError extends Error {}

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

/** "1250.5" in EUR -> 125050n. More decimals than the currency has is an error, not a rounding. */
export function parseMoney(text: string, currency: string): bigint {
  const digits = minorDigits(currency);
  const match = /^(-?)(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new MoneyFormatError(`"${text}" is not an amount like 1250.00`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) {
    throw new MoneyFormatError(`"${text}" has more than ${digits} decimal${digits === 1 ? '' : 's'} for ${currency}`);
  }
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (!fitsBigint(minor)) {
    throw new MoneyFormatError(`"${text}" is more than the largest amount, ${maxAmount(currency)} ${currency}`);
  }
  return sign === '-' ? -minor : minor;
}

/** 125050n in EUR -> "1250.50". */
export function formatMoney(minor: bigint, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0n;
  const absolute = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = absolute.slice(0, absolute.length - digits);
  const fraction = digits > 0 ? `.${absolute.slice(-digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Quantities have up to 3 decimals and are kept as thousandths: "1.5" -> 1500n. */
export const QUANTITY_SCALE = 1000n;

export function parseQuantity(text: string): bigint {
  const match = /^(\d{1,9})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!match) throw new MoneyFormatError(`"${text}" is not a quantity like 2 or 1.5 (up to 3 decimals)`);
  return BigInt(match[1]) * QUANTITY_SCALE + BigInt((match[2] ?? '').padEnd(3, '0'));
}

export function formatQuantity(thousandths: bigint): string {
  const whole = thousandths / QUANTITY_SCALE;
  const fraction = (thousandths % QUANTITY_SCALE).toString().padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/** quantity x unit price, rounded half away from zero to the minor unit. */
export function lineAmount(quantityThousandths: bigint, unitPriceMinor: bigint): bigint {
  const product = quantityThousandths * unitPriceMinor;
  const half = QUANTITY_SCALE / 2n;
  return product >= 0n ? (product + half) / QUANTITY_SCALE : -((-product + half) / QUANTITY_SCALE);
}
