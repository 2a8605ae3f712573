/**
 * Numbers the way hosts say them: Arabic digits with separators (29999, ¥12,800, 38.5), Chinese numerals
 * (两万, 三千二, 一千零八), colloquial tails (一万八 = 18000, 一千八 = 1800), mixed forms (6.8万, 1万2, 10w)
 * and vague amounts (两万多, 几千, 上万, 3000+), which keep their lower bound.
 */

export interface ParsedNumber {
  /** The value as said; for vague amounts (多, 几, +, 上万) this is the lower bound. */
  value: number;
  /** True when the amount is vague (两万多, 几千, 3000+, 上万): the real figure is at least `value`. */
  atLeast: boolean;
  /** Offset of the first character of the number (after any currency sign). */
  start: number;
  /** Exclusive end offset, after any 多/余/+ tail. */
  end: number;
  /** Digits after the decimal point, e.g. 1 for 36.8; 0 for Chinese numerals. */
  decimals: number;
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
/** The numeral for each digit 0–9 as said on its own (第1 is 第一), the first of CHINESE_DIGITS per value. */
export const NUMERAL_OF_DIGIT: readonly string[] = Array.from(
  { length: 10 },
  (_, digit) => Object.keys(CHINESE_DIGITS).find((numeral) => CHINESE_DIGITS[numeral] === digit)!,
);
const SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8 };
/** Multipliers that may follow Arabic digits (6.8万, 10w, 3k). */
const ARABIC_MULTIPLIERS: Readonly<Record<string, number>> = {
  万: 1e4,
  萬: 1e4,
  w: 1e4,
  W: 1e4,
  千: 1e3,
  k: 1e3,
  K: 1e3,
  亿: 1e8,
  百: 100,
};
/** "上万", "破万", "过千": at least one unit. */
const AT_LEAST_PREFIXES = new Set(['上', '破', '过', '超']);
const VAGUE_TAILS = new Set(['多', '余', '+', '＋', '来']);
const CURRENCY_PREFIXES = new Set(['¥', '￥']);

function arabicDigit(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\u3000' || ch === '\t';
}

/**
 * Parses the number that starts at `index` (a leading ¥ and spaces are skipped). Returns null when no
 * number starts there.
 */
export function parseNumberAt(text: string, index: number): ParsedNumber | null {
  let i = index;
  while (i < text.length && (isSpace(text[i]) || CURRENCY_PREFIXES.has(text[i]!))) i++;
  const start = i;
  const first = text[i];
  if (first === undefined) return null;

  if (AT_LEAST_PREFIXES.has(first)) {
    const unitChar = text[i + 1];
    const unit = unitChar === undefined ? undefined : (BIG_UNITS[unitChar] ?? SMALL_UNITS[unitChar]);
    if (unit === undefined || unit < 100) return null;
    return { value: unit, atLeast: true, start, end: withTail(text, i + 2).end, decimals: 0 };
  }
  const parsed = arabicDigit(first) >= 0 ? parseArabic(text, i) : parseChinese(text, i);
  if (parsed === null) return null;
  const tail = withTail(text, parsed.end);
  return {
    value: parsed.value,
    atLeast: parsed.atLeast || tail.vague,
    start,
    end: tail.end,
    decimals: parsed.decimals,
  };
}

function withTail(text: string, end: number): { end: number; vague: boolean } {
  const ch = text[end];
  if (ch !== undefined && VAGUE_TAILS.has(ch)) return { end: end + 1, vague: true };
  return { end, vague: false };
}

interface RawNumber {
  value: number;
  end: number;
  atLeast: boolean;
  decimals: number;
}

function parseArabic(text: string, index: number): RawNumber | null {
  let i = index;
  let digits = '';
  let decimals = -1;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    const d = arabicDigit(ch);
    if (d >= 0) {
      digits += d;
      if (decimals >= 0) decimals++;
      continue;
    }
    // Thousands separator only when exactly three digits follow (12,800 but not "3,5件").
    if ((ch === ',' || ch === '，') && decimals < 0 && isThreeDigitGroup(text, i + 1)) continue;
    if ((ch === '.' || ch === '．') && decimals < 0 && arabicDigit(text[i + 1] ?? '') >= 0) {
      digits += '.';
      decimals = 0;
      continue;
    }
    break;
  }
  if (digits.length === 0) return null;
  let value = Number(digits);
  let atLeast = false;
  const multiplier = ARABIC_MULTIPLIERS[text[i] ?? ''];
  // "5g" is a weight and "3k" a price only when no letter follows ("5gold" is neither).
  if (multiplier !== undefined && !/[a-zA-Z]/.test(text[i + 1] ?? '')) {
    value *= multiplier;
    i++;
    // Colloquial tail: 1万2 = 12000.
    const tailDigit = arabicDigit(text[i] ?? '');
    const tailChinese = CHINESE_DIGITS[text[i] ?? ''];
    const tail = tailDigit >= 0 ? tailDigit : tailChinese;
    if (tail !== undefined && tail > 0 && multiplier >= 100 && !isDigitLike(text[i + 1])) {
      value += (tail * multiplier) / 10;
      i++;
    } else if (text[i] === '几') {
      atLeast = true;
      i++;
    }
    decimals = 0;
  }
  return { value: roundFloat(value), end: i, atLeast, decimals: Math.max(decimals, 0) };
}

function isThreeDigitGroup(text: string, i: number): boolean {
  return (
    arabicDigit(text[i] ?? '') >= 0 &&
    arabicDigit(text[i + 1] ?? '') >= 0 &&
    arabicDigit(text[i + 2] ?? '') >= 0 &&
    arabicDigit(text[i + 3] ?? '') < 0
  );
}

function isDigitLike(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return arabicDigit(ch) >= 0 || ch in CHINESE_DIGITS || ch in SMALL_UNITS || ch in BIG_UNITS;
}

function parseChinese(text: string, index: number): RawNumber | null {
  let total = 0;
  let section = 0;
  let digit = -1;
  // Magnitude of the unit just passed; a bare digit after it is shorthand (一万八 → 8 × 1000).
  let lastUnit = 1;
  let consumed = 0;
  let atLeast = false;
  let i = index;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    const d = CHINESE_DIGITS[ch];
    if (d !== undefined) {
      if (d === 0) {
        lastUnit = 1;
        if (digit > 0) digit = digit * 10;
        else digit = Math.max(digit, 0);
      } else digit = digit > 0 ? digit * 10 + d : d;
      consumed++;
      continue;
    }
    if (ch === '几') {
      // 几千 is at least two thousand; 十几 at least eleven.
      digit = consumed === 0 ? 2 : 1;
      atLeast = true;
      consumed++;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      if (digit < 0 && consumed > 0 && small !== 10) break;
      if (digit < 0 && consumed === 0 && small !== 10) return null;
      section += (digit < 0 ? 1 : digit) * small;
      digit = -1;
      lastUnit = small;
      consumed++;
      continue;
    }
    const big = BIG_UNITS[ch];
    if (big !== undefined && consumed > 0) {
      section += Math.max(digit, 0);
      total = big === 1e8 ? (total + section) * big : total + section * big;
      section = 0;
      digit = -1;
      lastUnit = big;
      consumed++;
      continue;
    }
    break;
  }
  if (consumed === 0) return null;
  if (digit >= 0) section += lastUnit >= 10 && digit < 10 ? (digit * lastUnit) / 10 : digit;
  return { value: total + section, end: i, atLeast, decimals: 0 };
}

function roundFloat(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const NUMBER_CHARS = new Set([
  ...'0123456789０１２３４５６７８９.,．',
  ...Object.keys(CHINESE_DIGITS),
  ...Object.keys(SMALL_UNITS),
  ...Object.keys(BIG_UNITS),
  ...'几多余+＋wWkK',
]);

/**
 * Parses a number that ends exactly at `end` (spaces before `end` are allowed), e.g. the 36.8 in
 * "36.8克" when `end` points at 克. Returns null when the characters before `end` are not a number.
 */
export function parseNumberBefore(text: string, end: number): ParsedNumber | null {
  let stop = end;
  while (stop > 0 && isSpace(text[stop - 1])) stop--;
  let from = stop;
  while (from > 0 && stop - from < 16 && NUMBER_CHARS.has(text[from - 1]!)) from--;
  for (let candidate = from; candidate < stop; candidate++) {
    const parsed = parseNumberAt(text, candidate);
    if (parsed !== null && parsed.end === stop) return parsed;
  }
  return null;
}

/** Parses a whole number phrase ("两万多", "6.8万", "29999") or returns null when it is not one. */
export function parseChineseNumber(phrase: string): number | null {
  const trimmed = phrase.trim();
  const parsed = parseNumberAt(trimmed, 0);
  return parsed !== null && parsed.end === trimmed.length ? parsed.value : null;
}

const YUAN_SUFFIXES = ['块钱', '元', '块', '圆', 'rmb', 'RMB'];

/**
 * Parses a money amount starting at `index` and returns it in fen with its span, or null. Accepts
 * ¥12,800 / 29999元 / 6.8万 / 一万八 / 三千多块钱; the currency word after the number is included in the span.
 */
export function parseAmountAt(
  text: string,
  index: number,
): { fen: number; atLeast: boolean; start: number; end: number } | null {
  const parsed = parseNumberAt(text, index);
  if (parsed === null) return null;
  let end = parsed.end;
  for (const suffix of YUAN_SUFFIXES) {
    if (text.startsWith(suffix, end)) {
      end += suffix.length;
      break;
    }
  }
  return { fen: Math.round(parsed.value * 100), atLeast: parsed.atLeast, start: parsed.start, end };
}

/** Parses a money phrase ("一万八", "¥12,800", "6.8万", "29999元") into integer fen, or null. */
export function parseChineseAmount(phrase: string): number | null {
  const trimmed = phrase.trim();
  const amount = parseAmountAt(trimmed, 0);
  return amount !== null && amount.end === trimmed.length ? amount.fen : null;
}
