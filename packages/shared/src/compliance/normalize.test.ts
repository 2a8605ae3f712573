import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from './chinese-number';
import { scan } from './engine';
import { EVASION_SPELLINGS } from './evasions';
import { normalizeText } from './normalize';
import { SIMPLIFIED_OF } from './traditional';

/** The raw slice each normalised character stands for, to see the offset map at work. */
function sources(raw: string): string[] {
  const normalized = normalizeText(raw);
  return Array.from(normalized.text, (_, j) =>
    raw.slice(normalized.originalStart(j), normalized.originalEnd(j + 1)),
  );
}

/** Each flag as category and the raw words it points at. */
function flagged(raw: string): string[] {
  return scan(raw).map((flag) => `${flag.category}:${raw.slice(flag.start, flag.end)}`);
}

describe('normalizeText', () => {
  it('returns text that needs nothing as it is, with offsets unmapped', () => {
    const raw = '证书上写的是翡翠（A货）手镯，总质量36.8克。Now showing a bangle, 57 mm.';
    const normalized = normalizeText(raw);
    expect(normalized.changed).toBe(false);
    expect(normalized.text).toBe(raw);
    expect(normalized.originalStart(3)).toBe(3);
    expect(normalized.originalEnd(7)).toBe(7);
  });

  it('writes traditional characters (Taiwan and Hong Kong forms too) as simplified ones', () => {
    expect(normalizeText('這是全網最好的帝王綠，戴久了能降血壓').text).toBe(
      '这是全网最好的帝王绿，戴久了能降血压',
    );
    expect(normalizeText('臺灣裡著').text).toBe('台湾里着');
    expect(sources('國家級')).toEqual(['國', '家', '級']);
  });

  it('leaves simplified characters alone, even those a regional variant table lists (么 is not 幺)', () => {
    expect(normalizeText('开出来是什么就是什么').text).toBe('开出来是什么就是什么');
    for (let code = 0; code < 0x10000; code++) {
      const simplified = SIMPLIFIED_OF[code]!;
      expect(SIMPLIFIED_OF[simplified], String.fromCharCode(code)).toBe(simplified);
    }
  });

  it('tells where the raw text was rewritten, ASCII case aside', () => {
    const normalized = normalizeText('加薇信，加微信，加VX');
    expect(normalized.text).toBe('加微信，加微信，加微信');
    expect(normalized.rewritten(1, 3)).toBe(true);
    expect(normalized.rewritten(5, 7)).toBe(false);
    expect(normalized.rewritten(9, 11)).toBe(true);
    expect(normalizeText('加微信').rewritten(1, 3)).toBe(false);
  });

  it('writes full-width digits and letters half-width, and leaves full-width punctuation alone', () => {
    expect(normalizeText('Ａ货３６．８克，ｇｉａ！').text).toBe('A货36．8克，gia！');
  });

  it('keeps ASCII case: the automaton folds it while matching, and checks read it (5G)', () => {
    expect(normalizeText('A货 5G').text).toBe('A货 5G');
    expect(flagged('天然a货')).toEqual(flagged('天然A货'));
  });

  it('drops spaces, symbols and zero-width characters between CJK characters or letters', () => {
    expect(normalizeText('国 家 级').text).toBe('国家级');
    expect(normalizeText('国*家*级').text).toBe('国家级');
    expect(normalizeText('国·家—级').text).toBe('国家级');
    expect(normalizeText('加 V').text).toBe('加V');
    expect(normalizeText('V-X').text).toBe('微信');
    expect(normalizeText('加\u200b微\u200d信').text).toBe('加微信');
    expect(sources('国 * 家')).toEqual(['国', '家']);
  });

  it('keeps spaces between English words, symbols beside punctuation and digits, and B+C', () => {
    expect(normalizeText('inner diameter').text).toBe('inner diameter');
    expect(normalizeText('好，* 的').text).toBe('好，* 的');
    expect(normalizeText('36 * 8').text).toBe('36 * 8');
    expect(normalizeText('B+C货').text).toBe('B+C货');
  });

  it.each(EVASION_SPELLINGS)('writes the evasion $spelling as $plain ($source)', ({ spelling, plain }) => {
    expect(normalizeText(`加${spelling}聊`).text).toBe(`加${plain}聊`);
    expect(normalizeText(`加${spelling.toUpperCase()}聊`).text).toBe(`加${plain}聊`);
  });

  it('reads ASCII evasions only as whole words, and maps a shorter plain name to the whole spelling', () => {
    expect(normalizeText('vxi wxyz qqq').text).toBe('vxi wxyz qqq');
    expect(normalizeText('ＶＸ').text).toBe('微信');
    expect(sources('加weixin')).toEqual(['加', 'weixin', 'weixin']);
    expect(sources('加薇信')).toEqual(['加', '薇', '信']);
  });

  it('writes a digit standing alone between CJK characters as the numeral the rules use', () => {
    expect(normalizeText('全网第1，仅此1件，翻1倍，0处理').text).toBe('全网第一，仅此一件，翻一倍，零处理');
    expect(normalizeText('只要1万2，').text).toBe('只要一万二，');
    for (let digit = 0; digit <= 9; digit++) {
      const numeral = normalizeText(`第${digit}名`).text[1]!;
      expect(parseChineseNumber(numeral)).toBe(digit);
    }
  });

  it('leaves digits that are part of a figure, a unit or a code', () => {
    for (const raw of [
      '36.8克',
      '3．8克',
      '29999元',
      '3000+单',
      '50%',
      '¥5',
      '5G',
      '18K金',
      'A1款',
      '5:30开播',
      '3-5天',
      '价3,800',
      '价3，800',
    ]) {
      expect(normalizeText(raw).text).toBe(raw);
    }
  });

  it('maps offsets back through both passes: separators dropped, then an evasion rewritten', () => {
    const raw = '有事加 V 信';
    expect(normalizeText(raw).text).toBe('有事加微信');
    expect(sources(raw)).toEqual(['有', '事', '加', 'V', '信']);
  });
});

describe('scan over normalised text', () => {
  it.each([
    ['這是全網最好的帝王綠', 'absolute_term:全網最'],
    ['国 家 级大师亲手雕的', 'absolute_term:国 家 级'],
    ['国*家*级大师亲手雕的', 'absolute_term:国*家*级'],
    ['有事加 V 信', 'off_platform:加 V'],
    ['想要加ＶＸ私聊', 'off_platform:加Ｖ'],
    ['加\u200b微\u200b信', 'off_platform:加\u200b微'],
    ['全网第1的好货', 'absolute_term:全网第1'],
    ['戴久了能降血壓', 'medical_claim:降血壓'],
  ])('flags %s at the original words', (raw, expected) => {
    expect(flagged(raw)).toContain(expected);
  });

  it('flags an evasion of 微信 standing alone, as the rule listing 薇信 and v信 meant, but not a plain 微信', () => {
    for (const { spelling, plain } of EVASION_SPELLINGS.filter((evasion) => evasion.plain === '微信')) {
      expect(flagged(`我${spelling}多少`), spelling).toEqual([`off_platform:${spelling}`]);
      expect(flagged(`我${plain}多少`)).toEqual([]);
    }
    expect(flagged('可以用微信支付')).toEqual([]);
  });

  it('finds what the plain spelling finds, for every evasion spelling', () => {
    for (const { spelling, plain } of EVASION_SPELLINGS) {
      const categories = (text: string) => scan(text).map((flag) => flag.category);
      expect(categories(`私聊加${spelling}号`), spelling).toEqual(categories(`私聊加${plain}号`));
    }
  });
});
