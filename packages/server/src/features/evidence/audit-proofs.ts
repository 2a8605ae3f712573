import type { AuditCheckpoint, AuditEntryProof } from '@jadelive/shared/audit/checkpoint';
import type { Database } from '../../db/database';
import { ApiError, because } from '../../http/errors';
import { listSigningKeys } from '../audit/log-repository';
import { inclusionProof, inclusionProofForEntry } from '../audit/proofs';
import { publicKeyPem } from '../audit/signing';

/**
 * How long a package waits for its newest entries (the case's last step, written a moment ago) to
 * be sequenced and covered by a signed checkpoint: checkpoints follow every few seconds.
 */
const PROOF_WAIT_MS = 10_000;

export interface EntryProofs {
  checkpoint: AuditCheckpoint;
  publicKey: { keyId: string; raw: Buffer; pem: string };
  proofs: AuditEntryProof[];
}

/**
 * Inclusion proofs of `entryIds`, all against one signed checkpoint (the newest any of them
 * needed), with the key that signed it. Each entry is checked to still hash to its leaf on the
 * way. Entries not yet in a signed checkpoint after `waitMs`: 409 `audit_not_signed_yet`.
 */
export async function proveEntries(
  db: Database,
  entryIds: readonly number[],
  waitMs = PROOF_WAIT_MS,
): Promise<EntryProofs> {
  const deadline = Date.now() + waitMs;
  const first: AuditEntryProof[] = [];
  for (const entryId of entryIds) {
    try {
      first.push(await inclusionProofForEntry(db, entryId, { waitMs: Math.max(0, deadline - Date.now()) }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        throw new ApiError(
          'CONFLICT',
          `audit entry ${entryId} is not in a signed checkpoint yet; try again in a few seconds`,
          because('audit_not_signed_yet', { retryAfterSeconds: Math.ceil(waitMs / 1000) }),
        );
      }
      throw error;
    }
  }
  const newest = first.reduce<AuditCheckpoint | undefined>(
    (best, proof) => (!best || proof.checkpoint.treeSize > best.treeSize ? proof.checkpoint : best),
    undefined,
  );
  if (!newest) throw new Error('an evidence package always rests on the case’s own audit entries');
  const proofs = await Promise.all(
    first.map(async (proof) =>
      proof.checkpoint.treeSize === newest.treeSize
        ? proof
        : {
            ...proof,
            ...(await inclusionProof(db, proof.leafIndex, newest.treeSize)),
            checkpoint: newest,
          },
    ),
  );
  const key = (await listSigningKeys(db)).find((row) => row.keyId === newest.keyId);
  if (!key) throw new Error(`signing key ${newest.keyId} of checkpoint ${newest.treeSize} is not registered`);
  return {
    checkpoint: newest,
    publicKey: { keyId: key.keyId, raw: key.publicKey, pem: publicKeyPem(key.publicKey) },
    proofs,
  };
}

/** `audit/verify.md`: how anyone outside the platform checks the proofs in the package. */
export function verifyInstructions(checkpoint: AuditCheckpoint, entryCount: number): string {
  return `# 如何验证审计记录 / How to verify the audit entries

本证据包的 \`audit/\` 目录保存了与本案有关的 ${entryCount} 条审计日志记录，每条都附有默克尔树（RFC 6962）包含证明，
以及它们共同对应的已签名检查点（树大小 ${checkpoint.treeSize}）和签名公钥。验证不需要访问平台。

This package's \`audit/\` folder holds ${entryCount} audit-log entries the evidence rests on, each with its
RFC 6962 inclusion proof, the signed checkpoint they all verify against (tree size ${checkpoint.treeSize})
and the Ed25519 public key that signed it. No access to the platform is needed.

## Files

- \`audit/checkpoint.json\`: \`treeSize\`, \`rootHash\` (hex), \`issuedAt\`, \`keyId\`, \`signature\` (base64).
- \`audit/public-key.pem\` and \`audit/public-key.json\`: the signing key (SubjectPublicKeyInfo PEM; raw 32 bytes base64).
- \`audit/entries/<id>.json\`: \`entry\` (the audit record exactly as hashed), \`leafIndex\`, \`treeSize\`,
  \`leafHash\` (hex) and \`auditPath\` (sibling hashes from the leaf upwards, hex).

## Steps

1. **Signature.** The signed text is five lines, each ending in \`\\n\`:
   \`\`\`
   jadelive-audit-log/v1
   size <treeSize>
   root <rootHash>
   time <issuedAt>
   key <keyId>
   \`\`\`
   Check the Ed25519 signature over its UTF-8 bytes, e.g. with OpenSSL:
   \`openssl pkeyutl -verify -pubin -inkey audit/public-key.pem -rawin -in body.txt -sigfile sig.bin\`
   (\`sig.bin\` = base64-decoded \`signature\`). Compare the key with one obtained independently
   (\`GET /api/audit-log/keys\`, or the checkpoint files the platform publishes).
2. **Leaf.** Serialise \`entry\` as canonical JSON (RFC 8785 style: keys sorted, no whitespace) and compute
   \`SHA-256(0x00 ‖ bytes)\`; it must equal \`leafHash\`.
3. **Path.** Fold \`auditPath\` from the leaf to the root as in RFC 6962 §2.1.1 (inner nodes are
   \`SHA-256(0x01 ‖ left ‖ right)\`); the result must equal the checkpoint's \`rootHash\`.

The platform's own code for steps 2 and 3 is browser-safe TypeScript in \`packages/shared/src/audit/\`
(\`auditLeafHash\` in \`canonical.ts\`, \`verifyInclusion\` in \`merkle.ts\`, \`checkpointBody\` in \`checkpoint.ts\`).

To show that the log was not rewritten later, ask the platform for a consistency proof from this
checkpoint to a newer one (\`GET /api/audit-log/proofs/consistency?fromSize=${checkpoint.treeSize}\`) and check it
against a checkpoint you obtained independently.

## The package itself

Each file's SHA-256 is in \`manifest.json\`. The SHA-256 of the whole ZIP was written to the audit log
(action \`case.evidence_packaged\`) in the same transaction that stored the package; its inclusion proof
is served by \`GET /api/audit-log/entries/<id>/proof\` once the next checkpoint is signed.
`;
}
