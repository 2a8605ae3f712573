import { describe, expect, it } from 'vitest';
import { parseChineseAmount, parseChineseNumber, parseNumberAt, parseNumberBefore } from './chinese-number';

describe('Chinese numbers', () => {
  it.each([
    ['29999', 29999],
    ['38.5', 38.5],
    ['12,800', 12800],
    ['两万', 20000],
    ['一万二', 12000],
    ['一万八', 18000],
    ['一千八', 1800],
    ['三千二', 3200],
    ['一千零八', 1008],
    ['十八', 18],
    ['五十七', 57],
    ['二零二四', 2024],
    ['6.8万', 68000],
    ['1.2万', 12000],
    ['1万2', 12000],
    ['10w', 100000],
    ['3k', 3000],
  ])('reads %s as %d', (phrase, value) => {
    expect(parseChineseNumber(phrase)).toBe(value);
  });

  it('keeps the lower bound of vague amounts', () => {
    for (const [phrase, value] of [
      ['两万多', 20000],
      ['三千多', 3000],
      ['五十多', 50],
      ['3000+', 3000],
      ['上万', 10000],
      ['破万', 10000],
      ['几千', 2000],
    ] as const) {
      const parsed = parseNumberAt(phrase, 0);
      expect(parsed, phrase).not.toBeNull();
      expect(parsed!.value, phrase).toBe(value);
      expect(parsed!.atLeast, phrase).toBe(true);
    }
  });

  it('parses money into fen', () => {
    expect(parseChineseAmount('一万八')).toBe(1_800_000);
    expect(parseChineseAmount('6.8万')).toBe(6_800_000);
    expect(parseChineseAmount('29999元')).toBe(2_999_900);
    expect(parseChineseAmount('¥12,800')).toBe(1_280_000);
    expect(parseChineseAmount('1.2万元')).toBe(1_200_000);
    expect(parseChineseAmount('三千多块钱')).toBe(300_000);
    expect(parseChineseAmount('很贵')).toBeNull();
  });

  it('finds the number that ends right before a unit', () => {
    const text = '这只镯子约36.8克';
    const parsed = parseNumberBefore(text, text.indexOf('克'));
    expect(parsed?.value).toBe(36.8);
    expect(parsed?.decimals).toBe(1);
    expect(text.slice(parsed!.start, parsed!.end)).toBe('36.8');
    expect(parseNumberBefore('克重', 0)).toBeNull();
  });

  it('does not read words as numbers', () => {
    expect(parseNumberAt('一下', 0)?.end).toBe(1);
    expect(parseNumberAt('千万别', 0)).toBeNull();
    expect(parseNumberAt('价格', 0)).toBeNull();
  });
});
