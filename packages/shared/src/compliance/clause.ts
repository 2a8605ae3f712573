/**
 * Clauses. Exceptions (寓意, 店里 …) and negators only reach within the clause of a trigger: "不要错过，
 * 最后一件" must not read 不要 as negating 最后一件. Boundaries themselves are found by the automaton pass.
 */

/** Longest distance we look for a clause edge; host speech is often unpunctuated. */
export const MAX_CLAUSE_REACH = 48;

/** A clause ending in ？ or 吗/呢 is a question, often a viewer's, repeated by the host. */
export function isQuestion(text: string, clauseEnd: number): boolean {
  const terminator = text[clauseEnd];
  if (terminator === '？' || terminator === '?') return true;
  let i = clauseEnd - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u3000')) i--;
  return text[i] === '吗' || text[i] === '呢';
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '\n', '\r']);
/** A sentence is looked for within this reach of a trigger. */
const MAX_SENTENCE_REACH = 96;

/** Bounds of the sentence around [start, end), for disclosures that sit in a neighbouring clause. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  const lowest = Math.max(0, start - MAX_SENTENCE_REACH);
  while (from > lowest && !SENTENCE_END.has(text[from - 1]!)) from--;
  let to = end;
  const highest = Math.min(text.length, end + MAX_SENTENCE_REACH);
  while (to < highest && !SENTENCE_END.has(text[to]!)) to++;
  return { start: from, end: to };
}
