/**
 * Patterns of form inputs, written once for the browser's `pattern` attribute and the server's zod
 * schemas. Browsers compile a `pattern` with the `v` (unicodeSets) flag, where `-` and other
 * syntax characters inside a class must be escaped: `[A-Za-z0-9-]` is an invalid expression there
 * (the browser then ignores the pattern and accepts anything).
 */
export const INPUT_PATTERNS = {
  /** Certificate numbers: letters, digits and dashes. */
  certificateNumber: '[A-Za-z0-9\\-]+',
  /** A UUID as typed or pasted (hex and dashes, 36 characters). */
  uuid: '[0-9a-fA-F\\-]{36}',
} as const;

export type InputPattern = keyof typeof INPUT_PATTERNS;

/** The whole-value match a browser applies to a `pattern` attribute, for zod's `.regex`. */
export function wholeValue(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'v');
}
