import { z } from 'zod';

/**
 * Evidence packages (电子数据取证): one ZIP per extraction from a case, with `manifest.json`
 * naming every other file of the ZIP with its SHA-256, a printable 电子数据提取笔录, and the
 * audit log's inclusion proofs for the records it rests on (市场监督管理行政执法电子数据取证暂行规定).
 */
export const EVIDENCE_FORMAT = 'jadelive-evidence-package/v1';
export const EVIDENCE_MANIFEST_FILE = 'manifest.json';
export const EVIDENCE_RECORD_FILE = '提取笔录.html';

const isoDateTime = z.iso.datetime({ offset: true });
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash as 64 lower-case hex digits');
const named = z.object({ id: z.uuid(), name: z.string() });

/** A stored package as the case page lists it. */
export const evidencePackageSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  fileName: z.string(),
  /** SHA-256 of the ZIP's bytes, as recorded in the audit log. */
  sha256: sha256Hex,
  byteSize: z.number().int().positive(),
  /** Files in the ZIP, manifest.json included. */
  fileCount: z.number().int().positive(),
  extractedAt: isoDateTime,
  extractedBy: named,
  /** The signed audit checkpoint the package's proofs verify against. */
  checkpointTreeSize: z.number().int().positive(),
});
export type EvidencePackage = z.infer<typeof evidencePackageSchema>;

export const evidencePackagesSchema = z.object({ packages: z.array(evidencePackageSchema) });

export const EVIDENCE_FILE_KINDS = [
  'record',
  'case',
  'flag_context',
  'listing_snapshot',
  'certificate',
  'orders',
  'observation',
  'screenshot',
  'complaint',
  'complaint_photo',
  'audit_entry',
  'audit_checkpoint',
  'audit_key',
  'audit_readme',
] as const;
export const evidenceFileKindSchema = z.enum(EVIDENCE_FILE_KINDS);
export type EvidenceFileKind = z.infer<typeof evidenceFileKindSchema>;

/** One file of the package as the manifest lists it. */
export const evidenceFileSchema = z.object({
  path: z.string(),
  kind: evidenceFileKindSchema,
  sha256: sha256Hex,
  bytes: z.number().int().nonnegative(),
  /** What the file holds, in Chinese (the language of the record). */
  description: z.string(),
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

/** Where the extracted data was found: a live room, a listing page, an address an officer saw. */
export const evidenceSourceSchema = z.object({
  kind: z.enum(['live_session', 'listing', 'observed_url']),
  id: z.uuid().nullable(),
  title: z.string().nullable(),
  /** The live room's name on the media server (live sessions only). */
  room: z.string().nullable(),
  url: z.string(),
});
export type EvidenceSource = z.infer<typeof evidenceSourceSchema>;

/** `manifest.json`: every other file of the ZIP with its hash, and who extracted what, when, where from. */
export const evidenceManifestSchema = z.object({
  format: z.literal(EVIDENCE_FORMAT),
  packageId: z.uuid(),
  case: z.object({
    id: z.uuid(),
    number: z.string().nullable(),
    title: z.string(),
    step: z.string(),
    regulator: named.extend({ district: z.string().nullable() }),
    party: named.extend({ district: z.string().nullable() }),
  }),
  extraction: z.object({
    /** UTC, `Date.prototype.toISOString`. */
    atUtc: z.iso.datetime(),
    /** The same instant on the Beijing clock, with its +08:00 offset. */
    atBeijing: isoDateTime,
    officer: named.extend({ organization: named }),
    method: z.string(),
    requestId: z.string(),
  }),
  server: z.object({
    publicUrl: z.string(),
    hostName: z.string(),
    software: z.object({ name: z.string(), version: z.string(), runtime: z.string() }),
  }),
  sources: z.array(evidenceSourceSchema),
  recordings: z.object({
    status: z.literal('none_available'),
    note: z.string(),
  }),
  audit: z.object({
    checkpoint: z.object({ treeSize: z.number().int(), rootHash: sha256Hex, keyId: z.string() }),
    entries: z.number().int().nonnegative(),
  }),
  /** What the package cannot show and why (a listing field not reconstructable, caption lines not kept …). */
  notes: z.array(z.string()),
  files: z.array(evidenceFileSchema),
});
export type EvidenceManifest = z.infer<typeof evidenceManifestSchema>;
