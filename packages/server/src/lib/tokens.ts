import { createHash, randomBytes } from 'node:crypto';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are stored only as their SHA-256: a database leak does not leak working tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
