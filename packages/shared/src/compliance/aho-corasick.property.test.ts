import { describe, expect, it } from 'vitest';
import { buildAutomaton, foldCodeUnit, type MatchList, normalizePhrase } from './aho-corasick';
import { compileRuleSet } from './rule-set';
import { defaultRuleSet } from './rules';

/**
 * The optimised automaton (full DFA, reused typed buffers, transparent spaces, folded case) against the
 * simplest matcher that can be right: at every offset, try every phrase character by character. Text is
 * built from fragments of the real rule set's phrases, so nested, overlapping and near-miss triggers are
 * common rather than rare.
 */

const TRANSPARENT = new Set([' ', '\t', '\u00a0', '\u3000']);

/** Every (pattern id, start, end) the reference finds, as sorted "id@start-end" strings. */
function referenceMatches(text: string, patterns: readonly string[]): string[] {
  const found: string[] = [];
  for (let start = 0; start < text.length; start++) {
    // A match starts on a character that counts, never on a skipped space.
    if (TRANSPARENT.has(text[start]!)) continue;
    patterns.forEach((pattern, id) => {
      let i = start;
      let matched = 0;
      while (matched < pattern.length && i < text.length) {
        if (matched > 0 && TRANSPARENT.has(text[i]!)) {
          i++;
          continue;
        }
        if (foldCodeUnit(text.charCodeAt(i)) !== pattern.charCodeAt(matched)) break;
        matched++;
        i++;
      }
      if (matched === pattern.length) found.push(`${id}@${start}-${i}`);
    });
  }
  return found.sort();
}

function listed(matches: MatchList): string[] {
  const found: string[] = [];
  for (let k = 0; k < matches.count; k++) {
    found.push(`${matches.patternIds[k]}@${matches.starts[k]}-${matches.ends[k]}`);
  }
  return found.sort();
}

/** Deterministic generator (fixed seed): a failure reproduces exactly. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

/** Random text from pieces of phrases, whole phrases, filler, spaces, punctuation and mixed case. */
function fragmentText(random: () => number, phrases: readonly string[], pieces: number): string {
  const filler = ['的', '了', '家人们', '这个', '，', '。', '?', ' ', '\u3000', '36.8', 'A', 'Ａ', 'x'];
  let text = '';
  for (let p = 0; p < pieces; p++) {
    const roll = random();
    if (roll < 0.25) {
      text += filler[Math.floor(random() * filler.length)];
      continue;
    }
    const phrase = phrases[Math.floor(random() * phrases.length)]!;
    let from = 0;
    let to = phrase.length;
    // Half the time only a prefix, suffix or middle of a phrase: the near misses that exercise fail links.
    if (roll < 0.625) {
      from = Math.floor(random() * phrase.length);
      to = from + 1 + Math.floor(random() * (phrase.length - from));
    }
    for (let i = from; i < to; i++) {
      const ch = phrase[i]!;
      const variant = random();
      if (variant < 0.05) text += ' ';
      text += variant > 0.95 ? ch.toUpperCase() : ch;
    }
  }
  return text;
}

describe('Aho-Corasick automaton, property check against a reference matcher', () => {
  const phrases = compileRuleSet(defaultRuleSet).automaton.patterns;

  it('finds exactly the reference matches on random text from the default rule set (seed 20250601)', () => {
    const automaton = buildAutomaton(phrases);
    // Phrases are normalised already, so the automaton's ids are their indices.
    expect(automaton.patterns).toEqual(phrases);
    const random = seeded(20250601);
    let reused: MatchList | undefined;
    let total = 0;
    for (let round = 0; round < 60; round++) {
      const text = fragmentText(random, phrases, 5 + Math.floor(random() * 60));
      const expected = referenceMatches(text, phrases);
      // Fresh buffers and reused ones (shrinking and growing between rounds) must agree.
      expect(listed(automaton.findAll(text)), text).toEqual(expected);
      reused = automaton.findAll(text, reused);
      expect(listed(reused), text).toEqual(expected);
      total += expected.length;
    }
    // The generator must actually produce matches, or the comparison proves nothing.
    expect(total).toBeGreaterThan(1000);
  });

  it('agrees on small random phrase sets, where phrases nest and overlap heavily', () => {
    const random = seeded(7);
    const alphabet = ['最', '好', '的', 'a', '货', ' '];
    const word = (length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(random() * (alphabet.length - 1))]).join('');
    for (let round = 0; round < 120; round++) {
      const raw = Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
        word(1 + Math.floor(random() * 4)),
      );
      const automaton = buildAutomaton(raw);
      const text = Array.from(
        { length: 1 + Math.floor(random() * 120) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect(listed(automaton.findAll(text)), `${raw.join('|')} / ${text}`).toEqual(
        referenceMatches(text, automaton.patterns),
      );
    }
  });

  it('normalises phrases the way the reference compares them', () => {
    expect(normalizePhrase('Ａ 货')).toBe('a货');
  });
});
