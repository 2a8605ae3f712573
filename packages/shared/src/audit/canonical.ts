import { utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { type HashFunction, leafHash } from './merkle';

/**
 * One audit entry exactly as it is hashed into the log: every stored column of `audit_events`
 * (the sequencing column `xact_id` aside, which only orders entries and is covered by the leaf
 * index). `occurredAt` is the stored instant in UTC with all six fractional digits PostgreSQL keeps.
 */
export const canonicalAuditEntrySchema = z.strictObject({
  id: z.number().int().positive(),
  occurredAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  action: z.string(),
  actorUserId: z.string().nullable(),
  actorTokenId: z.string().nullable(),
  organizationId: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type CanonicalAuditEntry = z.infer<typeof canonicalAuditEntrySchema>;

/**
 * Deterministic JSON in the manner of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, strings and numbers as ECMAScript's JSON.stringify writes them. Throws on values JSON
 * cannot hold (undefined, functions, non-finite numbers).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('JSON has no non-finite numbers');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`JSON cannot hold a ${typeof value}`);
}

/**
 * The bytes of an audit entry that its leaf hash covers: the UTF-8 of `canonicalJson` over exactly
 * the fields of `CanonicalAuditEntry` (extra properties are left out, none may be missing).
 */
export function auditEntryBytes(entry: CanonicalAuditEntry): Uint8Array {
  const fields: CanonicalAuditEntry = {
    id: entry.id,
    occurredAt: entry.occurredAt,
    action: entry.action,
    actorUserId: entry.actorUserId,
    actorTokenId: entry.actorTokenId,
    organizationId: entry.organizationId,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ip: entry.ip,
    requestId: entry.requestId,
    details: entry.details,
  };
  return utf8ToBytes(canonicalJson(fields));
}

/** The entry's leaf hash in the log: SHA-256(0x00 ‖ auditEntryBytes(entry)). */
export function auditLeafHash(entry: CanonicalAuditEntry, hash?: HashFunction): Uint8Array {
  return leafHash(auditEntryBytes(entry), hash);
}
