import { isAsciiDigit, isCjk, isWordChar, Rewrite } from './normalize-units';
import { evasionAt, numeralAt, rewriteWords, startsEvasion } from './normalize-words';
import { SIMPLIFIED_OF } from './traditional';

/**
 * The text the engine matches, and the way back to the text it was given.
 *
 * Hosts and sellers write around filters: 國家級 for 国家级, 国*家*级, ＶＸ, 薇信, 全网第1. Normalising
 * first lets one rule phrase cover every spelling, and checks read simplified characters and half-width
 * digits. ASCII case and spaces inside phrases are left to the automaton, which folds them while
 * matching: the normalised text keeps case, because a check reads it (5G is no weight in grams).
 */
export interface NormalizedText {
  /** The normalised text; `raw` itself when nothing needed changing. */
  text: string;
  /** False when `text` is the raw text and offsets need no mapping. */
  changed: boolean;
  /** Offset in the raw text where the character at normalised offset `start` begins. */
  originalStart(start: number): number;
  /** Offset in the raw text just after the character before normalised offset `end`. */
  originalEnd(end: number): number;
  /** Whether the raw text behind normalised [start, end) reads otherwise, ASCII case aside (薇信 for 微信). */
  rewritten(start: number, end: number): boolean;
}

/** Characters dropped wherever they are: invisible, and only ever there to split a word. */
const ZERO_WIDTH = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad];
/**
 * Spaces and symbols dropped between two CJK characters or letters (国 家 级, 国*家*级, 加 V). Clause
 * punctuation (，。! …) is not among them: it carries meaning the engine reads. Nor is + (B+C).
 */
const SEPARATORS = ' \t\u00a0\u3000*＊_＿-－—·•・/／\\＼#＃@＠^&=＝\'"`′″“”‘’★☆♥❤♡◆◇○●□■※';

const PLAIN = 0;
/** Replaced by SIMPLIFIED_OF / half-width whatever its neighbours. */
const FOLDED = 1;
const SEPARATOR = 2;
const DROPPED = 3;
const kindOf = new Uint8Array(0x10000);
const foldedOf = new Uint16Array(0x10000);
for (let code = 0; code < 0x10000; code++) {
  let folded = SIMPLIFIED_OF[code]!;
  // Full-width digits and letters only: full-width punctuation (，！？：) is what the engine reads.
  const isWideDigit = code >= 0xff10 && code <= 0xff19;
  const isWideLetter = (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
  if (isWideDigit || isWideLetter) folded = code - 0xfee0;
  foldedOf[code] = folded;
  if (folded !== code) kindOf[code] = FOLDED;
}
for (const ch of SEPARATORS) kindOf[ch.charCodeAt(0)] = SEPARATOR;
for (const code of ZERO_WIDTH) kindOf[code] = DROPPED;

function separatorRunEnd(raw: string, start: number): number {
  let end = start;
  while (end < raw.length && kindOf[raw.charCodeAt(end)]! >= SEPARATOR) end++;
  return end;
}

/** Whether the spaces and symbols in [start, end) sit between two CJK characters or letters. */
function dropsSeparatorRun(raw: string, start: number, end: number): boolean {
  const before = start > 0 ? foldedOf[raw.charCodeAt(start - 1)]! : 0;
  const after = end < raw.length ? foldedOf[raw.charCodeAt(end)]! : 0;
  if (!isWordChar(before) || !isWordChar(after)) return false;
  if (isCjk(before) || isCjk(after)) return true;
  for (let i = start; i < end; i++) {
    const code = raw.charCodeAt(i);
    if (code === 0x20 || code === 0x3000 || code === 0x09 || code === 0xa0) return false;
  }
  return true;
}

/**
 * Pass 1, character by character: traditional → simplified, full-width digits and letters → half-width,
 * zero-width characters dropped, spaces and symbols between CJK characters or letters dropped (between
 * two letters only when no space is among them, so English keeps its words).
 */
function foldCharacters(raw: string): Rewrite | null {
  let out: Rewrite | null = null;
  // Start of the stretch passed unchanged since the last change.
  let unchangedFrom = 0;
  const length = raw.length;
  for (let i = 0; i < length; i++) {
    const code = raw.charCodeAt(i);
    const kind = kindOf[code]!;
    if (kind === PLAIN) continue;
    if (kind === FOLDED) {
      out ??= new Rewrite(length);
      out.copy(raw, unchangedFrom, i);
      out.push(foldedOf[code]!, i, i + 1);
      unchangedFrom = i + 1;
      continue;
    }
    const runEnd = separatorRunEnd(raw, i);
    const dropRun = dropsSeparatorRun(raw, i, runEnd);
    for (let j = i; j < runEnd; j++) {
      if (!dropRun && kindOf[raw.charCodeAt(j)] !== DROPPED) continue;
      out ??= new Rewrite(length);
      out.copy(raw, unchangedFrom, j);
      unchangedFrom = j + 1;
    }
    i = runEnd - 1;
  }
  out?.copy(raw, unchangedFrom, length);
  return out;
}

/** Maps a pass's spans through the pass before it. */
function compose(outer: Rewrite, inner: Rewrite): void {
  for (let j = 0; j < outer.length; j++) {
    const start = outer.starts[j]!;
    const end = outer.ends[j]!;
    outer.starts[j] = inner.starts[start]!;
    outer.ends[j] = inner.ends[end - 1]!;
  }
}

/** Code units that may change or make a neighbour change; every other one is read once and passed. */
const needsLook = new Uint8Array(0x10000);
for (let code = 0; code < 0x10000; code++) {
  if (kindOf[code] !== PLAIN || isAsciiDigit(code) || startsEvasion[code] === 1) needsLook[code] = 1;
}

/**
 * Whether either pass would change `raw`: the common case of text that needs nothing costs one table
 * load per character instead of two passes. Up to the first change pass 1 is the identity, so pass 2's
 * tests can read `raw` directly.
 */
function needsNormalizing(raw: string): boolean {
  const length = raw.length;
  for (let i = 0; i < length; i++) {
    // The tight inner loop is the whole cost for text that needs nothing: keep it to one load.
    while (i < length && needsLook[raw.charCodeAt(i)] === 0) i++;
    if (i === length) break;
    const code = raw.charCodeAt(i);
    const kind = kindOf[code];
    if (kind === FOLDED || kind === DROPPED) return true;
    if (kind === SEPARATOR && dropsSeparatorRun(raw, i, separatorRunEnd(raw, i))) return true;
    if (isAsciiDigit(code)) {
      if (numeralAt(raw, i) >= 0) return true;
      // Only a lone digit becomes a numeral: the rest of a figure (29999, 36.8) needs no look.
      while (i + 1 < length && isAsciiDigit(raw.charCodeAt(i + 1))) i++;
    } else if (startsEvasion[code] === 1 && evasionAt(raw, i) !== null) return true;
  }
  return false;
}

const sameOffset = (offset: number) => offset;
const UNCHANGED = (raw: string): NormalizedText => ({
  text: raw,
  changed: false,
  originalStart: sameOffset,
  originalEnd: sameOffset,
  rewritten: () => false,
});

/**
 * Normalises `raw` for matching (see {@link NormalizedText}) and keeps, for every normalised character,
 * the span of raw text it stands for, so flags found in the normalised text point into `raw`: a span's
 * start maps to where its first character began, its end to where its last character ended.
 */
export function normalizeText(raw: string): NormalizedText {
  if (!needsNormalizing(raw)) return UNCHANGED(raw);
  const folded = foldCharacters(raw);
  const foldedText = folded === null ? raw : folded.text();
  const rewritten = rewriteWords(foldedText);
  if (folded === null && rewritten === null) return UNCHANGED(raw);
  let spans: Rewrite;
  if (rewritten === null) spans = folded!;
  else {
    if (folded !== null) compose(rewritten, folded);
    spans = rewritten;
  }
  const text = rewritten === null ? foldedText : rewritten.text();
  const originalStart = (start: number) => (start < spans.length ? spans.starts[start]! : raw.length);
  const originalEnd = (end: number) => (end > 0 ? spans.ends[end - 1]! : 0);
  return {
    text,
    changed: true,
    originalStart,
    originalEnd,
    rewritten: (start, end) =>
      raw.slice(originalStart(start), originalEnd(end)).toLowerCase() !==
      text.slice(start, end).toLowerCase(),
  };
}
