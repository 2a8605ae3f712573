import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, isValidCreditCode } from './credit-code';

describe('统一社会信用代码', () => {
  it('accepts real registered codes (from public business registrations)', () => {
    expect(isValidCreditCode('9144030071526726XG')).toBe(true);
    expect(isValidCreditCode('914403001922038216')).toBe(true);
    expect(isValidCreditCode(' 9144030071526726xg ')).toBe(true);
  });

  it('rejects a wrong check character, a bad length and forbidden letters', () => {
    expect(isValidCreditCode('9144030071526726XH')).toBe(false);
    expect(isValidCreditCode('9144030071526726X')).toBe(false);
    expect(isValidCreditCode('9144030071526726IG')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });

  it('every generated code validates and every single-character change is caught', () => {
    const body = '91500103MA5U3X8P2';
    const check = creditCodeCheckCharacter(body);
    expect(check).not.toBeNull();
    const code = `${body}${check}`;
    expect(isValidCreditCode(code)).toBe(true);
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 17; i++) {
      const other = alphabet[(alphabet.indexOf(code[i] ?? '0') + 1) % 31];
      const mutated = `${code.slice(0, i)}${other}${code.slice(i + 1)}`;
      expect(isValidCreditCode(mutated), mutated).toBe(false);
    }
  });
});
