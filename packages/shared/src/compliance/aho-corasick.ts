/**
 * A dense Aho-Corasick automaton over UTF-16 code units.
 *
 * Live captions are short and the phrase list is a few hundred entries, so the automaton is compiled into a
 * full DFA (no failure-link walking at scan time): one table lookup per character, and outputs are
 * precomputed along failure links. Characters that occur in no phrase map to class 0, whose column sends
 * every state back to the root, which keeps the table to a few hundred columns even though the alphabet
 * is all of Chinese. Matches go into typed buffers a caller can reuse, so a scan allocates nothing per
 * match.
 *
 * Matching is normalised: ASCII letters fold to lower case, full-width ASCII folds to half-width and
 * spaces are transparent (a host's "A 货" is the phrase "A货"). Offsets always point into the raw text.
 */

/** Class value of characters that are skipped without changing state. */
const TRANSPARENT = 0xffff;
/** Class value of clause punctuation: resets the automaton and may mark a clause boundary. */
const PUNCTUATION = 0xfffe;

const TRANSPARENT_CHARS = [0x20, 0x09, 0xa0, 0x3000];

/** Clause punctuation, recorded during the pass so later context checks need no rescanning. */
const BOUNDARY_CHARS = '，。！？；!?;\n\r…~～、|.,';
const boundaryOf = new Uint8Array(0x10000);
for (const ch of BOUNDARY_CHARS) boundaryOf[ch.charCodeAt(0)] = 1;

/** '.' and ',' end a clause except inside numbers (36.8, 12,800). */
function isBoundary(text: string, i: number, code: number): boolean {
  if (code !== 0x2e && code !== 0x2c) return true;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  return !(before >= 0x30 && before <= 0x39 && after >= 0x30 && after <= 0x39);
}

/** Folds one code unit the way patterns and text are compared. */
export function foldCodeUnit(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  if (code >= 0x41 && code <= 0x5a) code += 0x20;
  return code;
}

/** Normalises a phrase for the automaton: folded and without transparent characters. */
export function normalizePhrase(phrase: string): string {
  let out = '';
  for (let i = 0; i < phrase.length; i++) {
    const code = phrase.charCodeAt(i);
    if (TRANSPARENT_CHARS.includes(code)) continue;
    out += String.fromCharCode(foldCodeUnit(code));
  }
  return out;
}

/** Matches in text order of their end offset; parallel arrays avoid one object per match. */
export interface MatchList {
  count: number;
  /** Buffers may be longer than `count`; entries past it are unused. */
  patternIds: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /**
   * Offsets of clause boundaries (，。！？ …) outside any phrase, ascending; found in the same pass.
   * A typed buffer like the matches: a plain array emptied for reuse drops its storage and regrows.
   */
  boundaries: Int32Array;
  boundaryCount: number;
}

export interface Automaton {
  readonly patternCount: number;
  readonly stateCount: number;
  /** Normalised pattern strings, index = pattern id. */
  readonly patterns: readonly string[];
  /**
   * Every occurrence of every pattern. With `reuse`, the matches are written into that list (its buffers
   * grown as needed) and it is returned: the previous contents are gone.
   */
  findAll(text: string, reuse?: MatchList): MatchList;
}

/** An empty list with room for `capacity` matches before its buffers grow. */
export function emptyMatchList(capacity = 64): MatchList {
  return {
    count: 0,
    patternIds: new Int32Array(capacity),
    starts: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    boundaries: new Int32Array(capacity),
    boundaryCount: 0,
  };
}

function grow(buffer: Int32Array, capacity: number): Int32Array {
  const larger = new Int32Array(capacity);
  larger.set(buffer);
  return larger;
}

/**
 * Builds the automaton. Duplicate phrases (after normalisation) share one pattern id; the returned
 * `idOf` maps each normalised phrase to that id so callers can attach their own payloads.
 */
export function buildAutomaton(phrases: readonly string[]): Automaton & { idOf(phrase: string): number } {
  const patterns: string[] = [];
  const idByPattern = new Map<string, number>();
  for (const phrase of phrases) {
    const normalized = normalizePhrase(phrase);
    for (const ch of normalized) {
      // Punctuation resets the automaton and marks clauses, so it cannot be part of a phrase.
      if (boundaryOf[ch.charCodeAt(0)] === 1)
        throw new Error(`phrase contains clause punctuation: ${phrase}`);
    }
    if (normalized.length === 0 || idByPattern.has(normalized)) continue;
    idByPattern.set(normalized, patterns.length);
    patterns.push(normalized);
  }

  // Alphabet: every code unit used by a pattern gets a class ≥ 1.
  const classOfFolded = new Map<number, number>();
  for (const pattern of patterns) {
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      if (!classOfFolded.has(code)) classOfFolded.set(code, classOfFolded.size + 1);
    }
  }
  const alphabetSize = classOfFolded.size + 1;
  const classOf = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const cls = classOfFolded.get(foldCodeUnit(code));
    if (cls !== undefined) classOf[code] = cls;
  }
  for (const code of TRANSPARENT_CHARS) classOf[code] = TRANSPARENT;
  for (let code = 0; code < 0x10000; code++) if (boundaryOf[code] === 1) classOf[code] = PUNCTUATION;

  // Trie with sparse children while building.
  const children: Map<number, number>[] = [new Map()];
  const ownOutputs: number[][] = [[]];
  patterns.forEach((pattern, id) => {
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const cls = classOfFolded.get(pattern.charCodeAt(i))!;
      const edges = children[state]!;
      let next = edges.get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        ownOutputs.push([]);
        edges.set(cls, next);
      }
      state = next;
    }
    ownOutputs[state]!.push(id);
  });

  const stateCount = children.length;
  const fail = new Int32Array(stateCount);
  const outputs: number[][] = new Array(stateCount);
  outputs[0] = [];

  // The full DFA: one row of `alphabetSize` next-states per state, failure links folded in at build time,
  // so scanning is one load per character and never walks failure links. Uint16 halves the table (2.5 MB
  // for ~1,800 states × ~700 classes) and keeps more hot rows in cache; rule sets stay far below 65,536
  // states, the Int32 fallback is only there so a huge custom rule set still works.
  const delta =
    stateCount <= 0x10000
      ? new Uint16Array(stateCount * alphabetSize)
      : new Int32Array(stateCount * alphabetSize);

  // Breadth-first, so a state's failure target (always shallower) has its final row before it is copied.
  const queue: number[] = [];
  for (const [cls, next] of children[0]!) {
    delta[cls] = next;
    queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const row = state * alphabetSize;
    const failRow = fail[state]! * alphabetSize;
    outputs[state] = [...ownOutputs[state]!, ...outputs[fail[state]!]!];
    // Missing edges behave like the failure state's; real children then override.
    delta.copyWithin(row, failRow, failRow + alphabetSize);
    for (const [cls, next] of children[state]!) {
      fail[next] = delta[failRow + cls]!;
      delta[row + cls] = next;
      queue.push(next);
    }
  }

  const outOffsets = new Int32Array(stateCount + 1);
  let total = 0;
  for (let s = 0; s < stateCount; s++) {
    outOffsets[s] = total;
    total += outputs[s]!.length;
  }
  outOffsets[stateCount] = total;
  const outPatterns = new Int32Array(total);
  for (let s = 0; s < stateCount; s++) outPatterns.set(outputs[s]!, outOffsets[s]!);
  const patternLengths = Int32Array.from(patterns, (p) => p.length);

  function findAll(text: string, reuse?: MatchList): MatchList {
    // A caller that scans often passes its previous list back, so a scan allocates nothing per match and
    // long texts do not churn through megabytes of fresh buffers each time.
    const list: MatchList = reuse ?? emptyMatchList(Math.max(64, text.length >> 4));
    let { patternIds, starts, ends } = list;
    let capacity = patternIds.length;
    let count = 0;
    let boundaries = list.boundaries;
    let boundaryCount = 0;
    let state = 0;
    // Index of the most recent transparent character: start offsets only need a walk back when one
    // lies inside the match.
    let lastTransparent = -1;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      const cls = classOf[code]!;
      if (cls >= PUNCTUATION) {
        // Rare: spaces are skipped, punctuation resets the automaton and may end a clause.
        if (cls === TRANSPARENT) {
          lastTransparent = i;
        } else {
          state = 0;
          if (isBoundary(text, i, code)) {
            if (boundaryCount === boundaries.length) boundaries = grow(boundaries, boundaries.length * 2);
            boundaries[boundaryCount++] = i;
          }
        }
        continue;
      }
      // A character in no phrase (class 0) sends every state back to the root, which has no
      // outputs: skip the table, whose rows are too large to stay in cache for every character.
      if (cls === 0) {
        state = 0;
        continue;
      }
      state = delta[state * alphabetSize + cls]!;
      let k = outOffsets[state]!;
      const to = outOffsets[state + 1]!;
      for (; k < to; k++) {
        if (count === capacity) {
          capacity *= 2;
          patternIds = grow(patternIds, capacity);
          starts = grow(starts, capacity);
          ends = grow(ends, capacity);
        }
        const id = outPatterns[k]!;
        const patternLength = patternLengths[id]!;
        let start = i + 1 - patternLength;
        if (lastTransparent >= start) start = walkBack(text, i, patternLength);
        patternIds[count] = id;
        starts[count] = start;
        ends[count] = i + 1;
        count++;
      }
    }
    list.count = count;
    list.boundaries = boundaries;
    list.boundaryCount = boundaryCount;
    list.patternIds = patternIds;
    list.starts = starts;
    list.ends = ends;
    return list;
  }

  function walkBack(text: string, last: number, length: number): number {
    let remaining = length;
    let i = last;
    for (; i >= 0; i--) {
      if (classOf[text.charCodeAt(i)] === TRANSPARENT) continue;
      remaining--;
      if (remaining === 0) break;
    }
    return i;
  }

  return {
    patternCount: patterns.length,
    stateCount,
    patterns,
    findAll,
    idOf: (phrase) => idByPattern.get(normalizePhrase(phrase)) ?? -1,
  };
}
