/**
 * A dense Aho-Corasick automaton over UTF-16 code units.
 *
 * Live captions are short and the phrase list is a few hundred entries, so the automaton is compiled into a
 * full DFA (no failure-link walking at scan time): one table lookup per character. Characters that occur
 * in no phrase map to class 0 and send the automaton back to the root, which keeps the table small even
 * though the alphabet is all of Chinese.
 *
 * Matching is normalised: ASCII letters fold to lower case, full-width ASCII folds to half-width and
 * spaces are transparent (a host's "A 货" is the phrase "A货"). Offsets always point into the raw text.
 */

/** Class value of characters that are skipped without changing state. */
const TRANSPARENT = 0xffff;

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
  /** Offsets of clause boundaries (，。！？ …) outside any phrase, ascending; found in the same pass. */
  boundaries: number[];
}

export interface Automaton {
  readonly patternCount: number;
  readonly stateCount: number;
  /** Normalised pattern strings, index = pattern id. */
  readonly patterns: readonly string[];
  findAll(text: string): MatchList;
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

  // Root transitions are dense (the automaton sits at the root most of the time); other edges live in an
  // open-addressing hash keyed by state × alphabet + class, small enough to stay in cache. A full DFA
  // table would be states × alphabet entries — megabytes for a Chinese alphabet, and slower for it.
  const rootNext = new Int32Array(alphabetSize);
  let edgeCount = 0;
  for (let s = 1; s < stateCount; s++) edgeCount += children[s]!.size;
  let tableSize = 16;
  while (tableSize < edgeCount * 3) tableSize <<= 1;
  const mask = tableSize - 1;
  const edgeKeys = new Int32Array(tableSize).fill(-1);
  const edgeTargets = new Int32Array(tableSize);
  const hashOf = (key: number) => Math.imul(key, 0x9e3779b1) >>> 0;
  const goto = (state: number, cls: number): number => {
    if (state === 0) return rootNext[cls]!;
    const key = state * alphabetSize + cls;
    for (let h = hashOf(key) & mask; edgeKeys[h] !== -1; h = (h + 1) & mask) {
      if (edgeKeys[h] === key) return edgeTargets[h]!;
    }
    return -1;
  };
  for (let s = 1; s < stateCount; s++) {
    for (const [cls, next] of children[s]!) {
      const key = s * alphabetSize + cls;
      let h = hashOf(key) & mask;
      while (edgeKeys[h] !== -1) h = (h + 1) & mask;
      edgeKeys[h] = key;
      edgeTargets[h] = next;
    }
  }

  // Breadth-first, so a state's failure target (always shallower) is final before it is used.
  const queue: number[] = [];
  for (const [cls, next] of children[0]!) {
    rootNext[cls] = next;
    queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    outputs[state] = [...ownOutputs[state]!, ...outputs[fail[state]!]!];
    for (const [cls, next] of children[state]!) {
      let f = fail[state]!;
      while (f !== 0 && goto(f, cls) < 0) f = fail[f]!;
      const target = goto(f, cls);
      fail[next] = target > 0 && target !== next ? target : 0;
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

  function findAll(text: string): MatchList {
    // Typed buffers grown by doubling: cheaper per match than three growing JS arrays.
    let capacity = Math.max(64, text.length >> 4);
    let patternIds = new Int32Array(capacity);
    let starts = new Int32Array(capacity);
    let ends = new Int32Array(capacity);
    let count = 0;
    const boundaries: number[] = [];
    let state = 0;
    // Index of the most recent transparent character: start offsets only need a walk back when one
    // lies inside the match.
    let lastTransparent = -1;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      const cls = classOf[code]!;
      if (cls === 0) {
        state = 0;
        if (boundaryOf[code] === 1 && isBoundary(text, i, code)) boundaries.push(i);
        continue;
      }
      if (cls === TRANSPARENT) {
        lastTransparent = i;
        continue;
      }
      // Inlined goto with failure links; at the root the dense row answers directly.
      let next = 0;
      for (;;) {
        if (state === 0) {
          next = rootNext[cls]!;
          break;
        }
        const key = state * alphabetSize + cls;
        let h = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
        let probe = edgeKeys[h]!;
        while (probe !== key && probe !== -1) {
          h = (h + 1) & mask;
          probe = edgeKeys[h]!;
        }
        if (probe === key) {
          next = edgeTargets[h]!;
          break;
        }
        state = fail[state]!;
      }
      state = next;
      const from = outOffsets[state]!;
      const to = outOffsets[state + 1]!;
      for (let k = from; k < to; k++) {
        if (count === capacity) {
          capacity *= 2;
          patternIds = grow(patternIds, capacity);
          starts = grow(starts, capacity);
          ends = grow(ends, capacity);
        }
        const id = outPatterns[k]!;
        let start = i + 1 - patternLengths[id]!;
        if (lastTransparent >= start) start = walkBack(text, i, patternLengths[id]!);
        patternIds[count] = id;
        starts[count] = start;
        ends[count] = i + 1;
        count++;
      }
    }
    return { count, patternIds, starts, ends, boundaries };
  }

  function grow(buffer: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
    const larger = new Int32Array(capacity);
    larger.set(buffer);
    return larger;
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
