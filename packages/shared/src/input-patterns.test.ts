import { describe, expect, it } from 'vitest';
import { registerCertificateBodySchema } from './certificates';
import { INPUT_PATTERNS, wholeValue } from './input-patterns';

describe('input patterns', () => {
  it.each(Object.entries(INPUT_PATTERNS))(
    '%s compiles as browsers compile a pattern attribute (v flag)',
    (_name, pattern) => {
      expect(() => new RegExp(pattern, 'v')).not.toThrow();
      expect(() => new RegExp(`^(?:${pattern})$`, 'v')).not.toThrow();
    },
  );

  it('the unescaped dash the console used is what the v flag refuses', () => {
    const unescaped: string = '[A-Za-z0-9-]+';
    expect(() => new RegExp(unescaped, 'v')).toThrow(SyntaxError);
    expect(() => new RegExp(unescaped, 'u')).not.toThrow();
  });

  it('a certificate number takes letters, digits and dashes, nothing else', () => {
    const number = wholeValue(INPUT_PATTERNS.certificateNumber);
    expect(number.test('GTC-2024-00817')).toBe(true);
    expect(number.test('证书 123')).toBe(false);
    expect(number.test('AB 12')).toBe(false);
    const body = {
      number: '证书 123',
      identification: '翡翠（A货）手镯',
      issuedOn: '2026-01-05',
      externalLabName: '国检中心',
    };
    expect(registerCertificateBodySchema.safeParse(body).success).toBe(false);
    expect(registerCertificateBodySchema.safeParse({ ...body, number: 'NGTC-123' }).success).toBe(true);
  });

  it('a uuid pattern takes a uuid and refuses other text', () => {
    const uuid = wholeValue(INPUT_PATTERNS.uuid);
    expect(uuid.test('0b9f1e8c-3d4a-4f6b-9c2d-7e8f9a0b1c2d')).toBe(true);
    expect(uuid.test('not-a-uuid')).toBe(false);
  });
});
