/**
 * Clauses. Exceptions (寓意, 店里 …) and negators only reach within the clause of a trigger: "不要错过，
 * 最后一件" must not read 不要 as negating 最后一件. Boundaries themselves are found by the automaton pass.
 */

/** Longest distance we look for a clause edge; host speech is often unpunctuated. */
export const MAX_CLAUSE_REACH = 48;

/** A clause ending in ？ or 吗/呢 is a question, often a viewer's, repeated by the host. */
export function isQuestion(text: string, clauseEnd: number): boolean {
  // Char codes, not text[i]: indexing allocates a string per CJK character, and this runs per trigger.
  const terminator = text.charCodeAt(clauseEnd);
  if (terminator === 0xff1f /* ？ */ || terminator === 0x3f /* ? */) return true;
  let i = clauseEnd - 1;
  while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x3000)) i--;
  const last = text.charCodeAt(i);
  return last === 0x5417 /* 吗 */ || last === 0x5462 /* 呢 */;
}

const isSentenceEnd = new Uint8Array(0x10000);
for (const ch of '。！？!?\n\r') isSentenceEnd[ch.charCodeAt(0)] = 1;
/** A sentence is looked for within this reach of a trigger. */
const MAX_SENTENCE_REACH = 96;

/** Start of the sentence around a trigger starting at `start`, for disclosures in a neighbouring clause. */
export function sentenceStart(text: string, start: number): number {
  let from = start;
  const lowest = Math.max(0, start - MAX_SENTENCE_REACH);
  while (from > lowest && isSentenceEnd[text.charCodeAt(from - 1)] === 0) from--;
  return from;
}

/** End (exclusive) of the sentence around a trigger ending at `end`. */
export function sentenceEnd(text: string, end: number): number {
  let to = end;
  const highest = Math.min(text.length, end + MAX_SENTENCE_REACH);
  while (to < highest && isSentenceEnd[text.charCodeAt(to)] === 0) to++;
  return to;
}
