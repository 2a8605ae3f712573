import { z } from 'zod';
import { canonicalAuditEntrySchema } from './canonical';

/** First line of every checkpoint: which log, and the version of this format. */
export const AUDIT_LOG_ORIGIN = 'jadelive-audit-log/v1';

const hexHash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash as 64 lower-case hex digits');
const size = z.number().int().nonnegative();

/**
 * A signed tree head. The signature is Ed25519 over the UTF-8 bytes of `checkpointBody`; the key
 * is the one `GET /api/audit-log/keys` lists under `keyId`.
 */
export const auditCheckpointSchema = z.object({
  treeSize: size,
  rootHash: hexHash,
  /** When it was signed, UTC with milliseconds (`Date.prototype.toISOString`). */
  issuedAt: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** Base64 (standard alphabet, padded) of the 64-byte signature. */
  signature: z.string().min(1),
});
export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

/**
 * The exact text a checkpoint's signature covers, five lines each ending in `\n`:
 * ```
 * jadelive-audit-log/v1
 * size <treeSize in decimal>
 * root <rootHash in hex>
 * time <issuedAt>
 * key <keyId>
 * ```
 */
export function checkpointBody(checkpoint: Omit<AuditCheckpoint, 'signature'>): string {
  return [
    AUDIT_LOG_ORIGIN,
    `size ${checkpoint.treeSize}`,
    `root ${checkpoint.rootHash}`,
    `time ${checkpoint.issuedAt}`,
    `key ${checkpoint.keyId}`,
    '',
  ].join('\n');
}

export const auditSigningKeySchema = z.object({
  keyId: z.string(),
  algorithm: z.literal('Ed25519'),
  /** The raw 32-byte public key, base64. */
  publicKey: z.string(),
  /** The same key as SubjectPublicKeyInfo PEM, for tools like openssl. */
  publicKeyPem: z.string(),
  firstUsedAt: z.iso.datetime(),
});
export type AuditSigningKey = z.infer<typeof auditSigningKeySchema>;

export const auditInclusionProofSchema = z.object({
  leafIndex: size,
  treeSize: size,
  leafHash: hexHash,
  /** Sibling hashes from the leaf upwards (RFC 6962 §2.1.1). */
  auditPath: z.array(hexHash),
});
export type AuditInclusionProof = z.infer<typeof auditInclusionProofSchema>;

export const auditConsistencyProofSchema = z.object({
  fromSize: size,
  toSize: size,
  /** RFC 6962 §2.1.2, deepest node first. */
  proof: z.array(hexHash),
});
export type AuditConsistencyProof = z.infer<typeof auditConsistencyProofSchema>;

/**
 * Everything needed to show that an audit entry is in the log: the entry as hashed, its leaf, the
 * path to the root of a signed checkpoint, and that checkpoint.
 */
export const auditEntryProofSchema = auditInclusionProofSchema.extend({
  entry: canonicalAuditEntrySchema,
  checkpoint: auditCheckpointSchema,
});
export type AuditEntryProof = z.infer<typeof auditEntryProofSchema>;

/** A size or index in a query string or path: decimal digits only (no sign, exponent or empty value). */
export const decimalCount = () =>
  z
    .string()
    .regex(/^\d{1,16}$/, 'a whole number written in decimal digits')
    .transform(Number)
    .pipe(z.number().max(Number.MAX_SAFE_INTEGER));

export const auditInclusionQuerySchema = z.strictObject({
  leafIndex: decimalCount(),
  /** Defaults to the latest checkpoint's size. */
  treeSize: decimalCount().optional(),
});
export type AuditInclusionQuery = z.infer<typeof auditInclusionQuerySchema>;

export const auditConsistencyQuerySchema = z.strictObject({
  fromSize: decimalCount(),
  /** Defaults to the latest checkpoint's size. */
  toSize: decimalCount().optional(),
});
export type AuditConsistencyQuery = z.infer<typeof auditConsistencyQuerySchema>;
