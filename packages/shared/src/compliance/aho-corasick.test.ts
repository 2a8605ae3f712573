import { describe, expect, it } from 'vitest';
import { buildAutomaton } from './aho-corasick';

/** Every occurrence of every phrase, found the slow way, as sorted "id@start-end" strings. */
function naiveMatches(text: string, phrases: readonly string[]): string[] {
  const found: string[] = [];
  phrases.forEach((phrase, id) => {
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      found.push(`${id}@${at}-${at + phrase.length}`);
    }
  });
  return found.sort();
}

function automatonMatches(text: string, phrases: readonly string[]): string[] {
  const automaton = buildAutomaton(phrases);
  const matches = automaton.findAll(text);
  const found: string[] = [];
  for (let k = 0; k < matches.count; k++) {
    const id = phrases.indexOf(automaton.patterns[matches.patternIds[k]!]!);
    expect(id).toBeGreaterThanOrEqual(0);
    found.push(`${id}@${matches.starts[k]}-${matches.ends[k]}`);
  }
  return found.sort();
}

describe('Aho-Corasick automaton', () => {
  it('finds overlapping and nested phrases exactly like a naive search', () => {
    // Lower case and no spaces: normalisation is covered by its own test below.
    const phrases = ['he', 'she', 'his', 'hers', '最好', '最好的', '好的', '天然a货', 'a货', '货'];
    const text = 'ushers，这是最好的天然a货，she said，his，hers，货货';
    expect(automatonMatches(text, phrases)).toEqual(naiveMatches(text, phrases));
  });

  it('agrees with a naive search on random text over a small alphabet', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const alphabet = ['a', 'b', '翠', '玉'];
    const word = (length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 50; round++) {
      const phrases = [...new Set(Array.from({ length: 8 }, () => word(1 + Math.floor(random() * 4))))];
      const text = word(300);
      expect(automatonMatches(text, phrases)).toEqual(naiveMatches(text, phrases));
    }
  });

  it('ignores ASCII case, full-width forms and spaces, with offsets into the raw text', () => {
    const automaton = buildAutomaton(['a货', '加vx']);
    const text = '这是 Ａ 货，加 VX';
    const matches = automaton.findAll(text);
    expect(matches.count).toBe(2);
    expect(text.slice(matches.starts[0], matches.ends[0])).toBe('Ａ 货');
    expect(text.slice(matches.starts[1], matches.ends[1])).toBe('加 VX');
  });

  it('records clause boundaries but not decimal points', () => {
    const matches = buildAutomaton(['克']).findAll('重36.8克，很压手。');
    expect([...matches.boundaries.subarray(0, matches.boundaryCount)]).toEqual([6, 10]);
  });

  it('rejects phrases containing clause punctuation', () => {
    expect(() => buildAutomaton(['新疆、西藏'])).toThrow(/punctuation/);
  });
});
