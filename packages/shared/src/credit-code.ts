// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z);
// the last is a check character over the first 17 (weights 3^i mod 31).
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if they use characters outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET[(31 - (sum % 31)) % 31] ?? null;
}

/**
 * Validates a 统一社会信用代码 including its check character (case and surrounding spaces ignored).
 *
 * @example isValidCreditCode('9144030071526726XG') // true
 */
export function isValidCreditCode(code: string): boolean {
  const normalized = code.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(normalized)) return false;
  return creditCodeCheckCharacter(normalized.slice(0, 17)) === normalized[17];
}
