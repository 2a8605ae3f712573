import { describe, expect, it } from 'vitest';
import { decimalToInteger, fenToYuan, formatFen, formatFenExact, formatWeight, yuanToFen } from './units';

describe('money and weights as integers', () => {
  it('reads 元 into fen without floating point', () => {
    expect(yuanToFen('12800')).toBe(1_280_000);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen(' 3.5 ')).toBe(350);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen('1e3')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });

  it('writes fen back as 元 for a form', () => {
    expect(fenToYuan(1999)).toBe('19.99');
    expect(fenToYuan(350)).toBe('3.5');
    expect(fenToYuan(1_280_000)).toBe('12800');
    expect(fenToYuan(5)).toBe('0.05');
  });

  it('formats prices in ¥ with thousands separators', () => {
    expect(formatFen(1_280_000)).toBe('¥12,800');
    expect(formatFen(1999)).toBe('¥19.99');
    expect(formatFen(350)).toBe('¥3.5');
  });

  it('formats amounts due with both decimals', () => {
    expect(formatFenExact(1_280_000)).toBe('¥12,800.00');
    expect(formatFenExact(1999)).toBe('¥19.99');
    expect(formatFenExact(350)).toBe('¥3.50');
    expect(formatFenExact(5)).toBe('¥0.05');
    expect(formatFenExact(-120)).toBe('-¥1.20');
  });

  it('reads grams to milligrams and carats to hundredths', () => {
    expect(decimalToInteger('52.3', 3)).toBe(52_300);
    expect(decimalToInteger('1.05', 2)).toBe(105);
    expect(formatWeight(52_300, null)).toBe('52.3 g');
    expect(formatWeight(null, 105)).toBe('1.05 ct');
    expect(formatWeight(null, 100)).toBe('1.00 ct');
    expect(formatWeight(null, null)).toBeNull();
  });
});
