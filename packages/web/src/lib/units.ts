/**
 * Money and weights travel as integers (fen, milligrams, hundredths of a carat). People type and
 * read decimals, so the conversion is done on the digits themselves: no float ever holds money.
 */

/** "12.5" → 1250 with two decimals; null for anything that is not a plain non-negative decimal. */
export function decimalToInteger(input: string, decimals: number): number | null {
  const match = new RegExp(`^(\\d{1,12})(?:\\.(\\d{1,${decimals}}))?$`).exec(input.trim());
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').padEnd(decimals, '0');
  return Number(whole) * 10 ** decimals + Number(fraction || '0');
}

/** 1250 → "12.50" (two decimals) or "12.5" (trimmed), for showing an integer amount in a form. */
export function integerToDecimal(value: number, decimals: number, trim = true): string {
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  let fraction = digits.slice(digits.length - decimals);
  if (trim) fraction = fraction.replace(/0+$/, '');
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

export const yuanToFen = (yuan: string) => decimalToInteger(yuan, 2);
export const fenToYuan = (fen: number) => integerToDecimal(fen, 2);

const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** ¥1,280 or ¥1,280.5: the amount a buyer pays, from fen. */
export function formatFen(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = Math.abs(fen % 100);
  const wholeText = yuanFormat.format(whole);
  return cents === 0 ? `¥${wholeText}` : `¥${wholeText}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** ¥1,280.00: an amount to be paid or already paid (orders, receipts), always with its two decimals. */
export function formatFenExact(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const whole = Math.trunc(Math.abs(fen) / 100);
  const cents = Math.abs(fen) % 100;
  return `${sign}¥${yuanFormat.format(whole)}.${String(cents).padStart(2, '0')}`;
}

/** A certificate's weight: grams from milligrams, carats from hundredths of a carat. */
export function formatWeight(weightMg: number | null, weightCt100: number | null): string | null {
  if (weightCt100 !== null) return `${integerToDecimal(weightCt100, 2, false)} ct`;
  if (weightMg !== null) return `${integerToDecimal(weightMg, 3)} g`;
  return null;
}
