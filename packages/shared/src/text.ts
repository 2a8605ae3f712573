import { z } from 'zod';

const withoutNul = (value: string) => !value.includes('\u0000');

/** Free text of a form, trimmed, `min`–`max` characters, without NUL (PostgreSQL text cannot hold it). */
export const boundedText = (min: number, max: number) =>
  z.string().trim().min(min).max(max).refine(withoutNul, 'must not contain NUL characters');
