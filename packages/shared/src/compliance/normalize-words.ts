import { NUMERAL_OF_DIGIT } from './chinese-number';
import { EVASION_SPELLINGS } from './evasions';
import { isAsciiAlnum, isAsciiDigit, isAsciiLetter, isCjk, lower, Rewrite } from './normalize-units';

/**
 * The normaliser's second pass, over the first pass's output (simplified, half-width, separators gone):
 * evasion spellings to their plain names, lone digits to numerals.
 */

interface Evasion {
  /** Lower-cased spelling. */
  spelling: string;
  plain: string;
}

/** Evasion spellings by their first (lower-cased) code unit. */
const evasionsByFirst = new Map<number, Evasion[]>();
/** Code units that may start an evasion, either case: one load per character instead of a map lookup. */
export const startsEvasion = new Uint8Array(0x10000);
for (const { spelling, plain } of EVASION_SPELLINGS) {
  if (plain.length > spelling.length) throw new Error(`evasion ${spelling} grows the text`);
  const lowered = spelling.toLowerCase();
  const list = evasionsByFirst.get(lowered.charCodeAt(0)) ?? [];
  list.push({ spelling: lowered, plain });
  evasionsByFirst.set(lowered.charCodeAt(0), list);
  startsEvasion[lowered.charCodeAt(0)] = 1;
  startsEvasion[lowered.toUpperCase().charCodeAt(0)] = 1;
}

/** The evasion spelled at `i`; ASCII ends must be word edges (no letter or digit beside them). */
export function evasionAt(text: string, i: number): Evasion | null {
  const candidates = evasionsByFirst.get(lower(text.charCodeAt(i)));
  if (candidates === undefined) return null;
  for (const evasion of candidates) {
    const { spelling } = evasion;
    const end = i + spelling.length;
    if (end > text.length) continue;
    let k = 0;
    while (k < spelling.length && lower(text.charCodeAt(i + k)) === spelling.charCodeAt(k)) k++;
    if (k < spelling.length) continue;
    if (isAsciiLetter(spelling.charCodeAt(0)) && isAsciiAlnum(text.charCodeAt(i - 1))) continue;
    if (isAsciiLetter(spelling.charCodeAt(spelling.length - 1)) && isAsciiAlnum(text.charCodeAt(end)))
      continue;
    return evasion;
  }
  return null;
}

/** Characters that make a digit part of a longer figure (36.8, 50%, 3+, ¥5, 5:30, 3-5, 1/2, 5G). */
const FIGURE_CHARS = new Set([...'.．%％+＋:：¥￥$/／-－~～×*#＃'].map((ch) => ch.charCodeAt(0)));

function isFigureEdge(code: number): boolean {
  return isAsciiAlnum(code) || FIGURE_CHARS.has(code);
}

/**
 * A single digit standing between CJK characters, as in 全网第1, 仅此1件, 翻1倍, 1刀穷: written as the
 * numeral the rules use. Longer figures (36.8克, 29999) stay digits; the checks parse both forms.
 */
export function numeralAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (!isAsciiDigit(code)) return -1;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  if (isFigureEdge(before) || isFigureEdge(after)) return -1;
  // 3,800 and 3，800 are one figure; 第1，… is not.
  if ((after === 0x2c || after === 0xff0c) && isAsciiDigit(text.charCodeAt(i + 2))) return -1;
  if (!isCjk(before) && !isCjk(after)) return -1;
  return NUMERAL_OF_DIGIT[code - 0x30]!.charCodeAt(0);
}

/** Pass 2, over pass 1's output: evasion spellings to their plain names, lone digits to numerals. */
export function rewriteWords(text: string): Rewrite | null {
  let out: Rewrite | null = null;
  // Start of the stretch passed unchanged since the last rewrite.
  let unchangedFrom = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const numeral = isAsciiDigit(code) ? numeralAt(text, i) : -1;
    const evasion = numeral < 0 && startsEvasion[code] === 1 ? evasionAt(text, i) : null;
    if (numeral < 0 && evasion === null) continue;
    out ??= new Rewrite(length);
    out.copy(text, unchangedFrom, i);
    if (evasion === null) {
      out.push(numeral, i, i + 1);
    } else {
      const { spelling, plain } = evasion;
      const end = i + spelling.length;
      // Same length: character for character; otherwise every character stands for the whole spelling.
      const sameLength = plain.length === spelling.length;
      for (let k = 0; k < plain.length; k++) {
        out.push(plain.charCodeAt(k), sameLength ? i + k : i, sameLength ? i + k + 1 : end);
      }
      i = end - 1;
    }
    unchangedFrom = i + 1;
  }
  out?.copy(text, unchangedFrom, length);
  return out;
}
