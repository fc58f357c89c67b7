/** How many minor units the currency has (2 for EUR, 0 for JPY), as `Intl` knows it. */
export function currencyDecimals(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Whether `Intl` accepts the code as a currency. */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) {
    return false;
  }
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d*))?$/;

/** A decimal string as an integer scaled by 10^scale, or null when it is not a decimal or has more digits. */
export function parseScaled(value: string, scale: number): bigint | null {
  const match = DECIMAL.exec(value.trim().replace(',', '.'));
  if (!match) {
    return null;
  }
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > scale) {
    return null;
  }
  const scaled = BigInt(whole + fraction.padEnd(scale, '0'));
  return minus ? -scaled : scaled;
}

/** Divides, rounding half away from zero. */
function divideRounded(value: bigint, divisor: bigint): bigint {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n);
  return negative ? -rounded : rounded;
}

/** Quantities have up to three decimals. */
export const QUANTITY_SCALE = 3;

/**
 * The amount of a line in minor units: quantity × unit price, rounded half away from zero to the currency's
 * minor unit, as the server does. Null when either input is not a valid decimal.
 */
export function lineAmount(quantity: string, unitPrice: string, decimals: number): bigint | null {
  const q = parseScaled(quantity, QUANTITY_SCALE);
  const p = parseScaled(unitPrice, decimals);
  if (q === null || p === null) {
    return null;
  }
  return divideRounded(q * p, 10n ** BigInt(QUANTITY_SCALE));
}

/** Minor units back to a decimal string: 22150n with 2 decimals is '221.50'. */
export function formatScaled(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * A decimal string of the API formatted as money for the language. The string goes to `Intl` as it is (which
 * reads it exactly), never through a floating-point sum.
 */
export function formatMoney(amount: string, currency: string, language: string): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount as unknown as number);
  } catch {
    return `${amount} ${currency}`;
  }
}
