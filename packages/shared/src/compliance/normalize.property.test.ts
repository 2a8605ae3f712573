import { describe, expect, it } from 'vitest';
import { scan } from './engine';
import { SIMPLIFIED_OF } from './traditional';
import type { ComplianceContext } from './types';

/**
 * Property: disguising a sentence the way hosts do (spaces and symbols between characters, zero-width
 * characters anywhere, traditional characters, full-width letters and digits) changes neither which
 * rules flag it nor what they point at: each flag's slice of the disguised text, undisguised, is the
 * slice the plain sentence's flag points at.
 */

/** Sentences with known claims and no symbols of their own, so every inserted one is known. */
const SENTENCES = [
  '家人们，这是全网最好的帝王绿，顶级料子，错过就没有了！',
  '天然A货，绝对无处理，假一赔十！',
  '这块和田玉戴久了能降血压，还能安神助眠。',
  '大师开过光的貔貅，招财辟邪，戴上马上转运。',
  '翡翠只涨不跌，现在买明年翻倍，稳赚不赔。',
  '原价一万八，今天只要三千八，家人们冲！',
  '正宗缅甸老坑料，矿区直供，源头直发。',
  '最后一件了，卖完就下架，手慢无！',
  '这款已经卖了两万多单，好评如潮。',
  '老板破产了急用钱，我背着老板偷偷给你们上。',
  '赌石就是一刀穷一刀富，切涨了就是你的。',
  '想要更便宜的加我微信，私下转账再给你优惠。',
  '这是正宗马来玉，颜色特别正，比翡翠还漂亮。',
  '国家级大师亲手雕的观音，工艺天花板。',
  '这只镯子绝对是极品，水头足得不得了。',
];

/** Treated jadeite with few pieces and sales, so contradiction checks have something to contradict. */
const CONTEXT: ComplianceContext = {
  certificate: { identification: '翡翠（处理）手镯', weightGrams: 36.8 },
  listing: { priceFen: 128_800, stock: 8, soldCount: 3, lowestDealPriceFen7d: 128_800 },
};

const SEPARATORS = [' ', '*', '·', '-', '_', '/', '#', '\u3000', '★'];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\ufeff'];

/** One traditional form per simplified character that has one, from the table the engine uses. */
const TRADITIONAL_OF = new Map<string, string>();
for (let code = 0x3400; code <= 0x9fff; code++) {
  const simplified = SIMPLIFIED_OF[code]!;
  if (simplified !== code && !TRADITIONAL_OF.has(String.fromCharCode(simplified))) {
    TRADITIONAL_OF.set(String.fromCharCode(simplified), String.fromCharCode(code));
  }
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && /[\u3400-\u9fff]/.test(ch);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** The sentence with random disguises; separators only go between two CJK characters. */
function disguise(random: () => number, sentence: string): string {
  let out = '';
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i]!;
    const roll = random();
    if (roll < 0.35 && TRADITIONAL_OF.has(ch)) out += TRADITIONAL_OF.get(ch);
    else if (roll < 0.45 && /[A-Za-z0-9]/.test(ch)) out += String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
    else out += ch;
    if (isCjk(ch) && isCjk(sentence[i + 1]) && random() < 0.3) {
      const count = 1 + Math.floor(random() * 2);
      for (let k = 0; k < count; k++) out += pick(random, SEPARATORS);
    }
    if (random() < 0.05) out += pick(random, ZERO_WIDTH);
  }
  return out;
}

/** Undoes the disguises: drops what was inserted, writes characters simplified and half-width. */
function undisguise(text: string): string {
  let out = '';
  for (const ch of text) {
    if (SEPARATORS.includes(ch) || ZERO_WIDTH.includes(ch)) continue;
    let code = SIMPLIFIED_OF[ch.charCodeAt(0)]!;
    if (code >= 0xff10 && code <= 0xff5a) code -= 0xfee0;
    out += String.fromCharCode(code);
  }
  return out;
}

function described(text: string, undo: (slice: string) => string) {
  return scan(text, CONTEXT).map((flag) => ({
    rule: flag.ruleId,
    severity: flag.severity,
    words: undo(text.slice(flag.start, flag.end)),
  }));
}

describe('normalisation, property check: flags of disguised text point at the claim', () => {
  it('flags the same rules at the same words through random disguises (seed 1406)', () => {
    const random = seeded(1406);
    let flagsCompared = 0;
    let disguisedCharacters = 0;
    for (let round = 0; round < 400; round++) {
      const sentence = pick(random, SENTENCES);
      const text = disguise(random, sentence);
      const expected = described(sentence, (slice) => slice);
      expect(expected.length, sentence).toBeGreaterThan(0);
      expect(described(text, undisguise), text).toEqual(expected);
      // Every flag's raw slice starts and ends on a claim character, never on an inserted one.
      for (const flag of scan(text, CONTEXT)) {
        const first = text[flag.start]!;
        const last = text[flag.end - 1]!;
        expect(SEPARATORS.includes(first) || ZERO_WIDTH.includes(first), text).toBe(false);
        expect(SEPARATORS.includes(last) || ZERO_WIDTH.includes(last), text).toBe(false);
      }
      flagsCompared += expected.length;
      if (undisguise(text) === sentence && text !== sentence) disguisedCharacters++;
    }
    // The generator must actually disguise, or the comparison proves nothing.
    expect(flagsCompared).toBeGreaterThan(800);
    expect(disguisedCharacters).toBeGreaterThan(300);
  });
});
