import { auditLeafHash, type CanonicalAuditEntry } from '@jadelive/shared/audit/canonical';
import {
  type AuditCheckpoint,
  type AuditConsistencyProof,
  type AuditEntryProof,
  type AuditInclusionProof,
  checkpointBody,
} from '@jadelive/shared/audit/checkpoint';
import {
  consistencyRanges,
  foldRange,
  inclusionRanges,
  type LeafRange,
  perfectNodes,
  verifyInclusion,
} from '@jadelive/shared/audit/merkle';
import type { Database } from '../../db/database';
import { ApiError, notFound } from '../../http/errors';
import {
  findCanonicalEntry,
  findLeafOfEvent,
  latestCheckpoint,
  nodeHashes,
  nodeSha256,
  readHead,
} from './log-repository';
import { verifySignature } from './signing';

export { verifyInclusion };

const badRequest = (message: string) => new ApiError('BAD_REQUEST', message);

/** The hashes of `ranges` (each a node of the RFC 6962 tree) from their complete subtrees, in one go. */
async function rangeHashes(db: Database, ranges: LeafRange[]): Promise<string[]> {
  const pieces = ranges.map(perfectNodes);
  const hashes = await nodeHashes(db, pieces.flat());
  let at = 0;
  return pieces.map((nodes) => {
    const own = hashes.slice(at, at + nodes.length);
    at += nodes.length;
    return Buffer.from(foldRange(own, nodeSha256)).toString('hex');
  });
}

async function requireTreeOf(db: Database, size: number): Promise<void> {
  const { treeSize } = await readHead(db);
  if (size > treeSize) throw notFound(`a tree of ${size} entries (the log has ${treeSize})`);
}

/** Where a proof's size comes from when the caller names none: the latest signed checkpoint. */
export async function latestSignedSize(db: Database): Promise<number> {
  const latest = await latestCheckpoint(db);
  if (!latest) throw notFound('a signed checkpoint');
  return latest.treeSize;
}

/** The audit path of leaf `leafIndex` in the tree of `treeSize` (hashes only; reveals no entry). */
export async function inclusionProof(
  db: Database,
  leafIndex: number,
  treeSize: number,
): Promise<AuditInclusionProof> {
  if (leafIndex >= treeSize)
    throw badRequest(`leaf index ${leafIndex} must be below the tree size ${treeSize}`);
  await requireTreeOf(db, treeSize);
  const [leafHash, ...auditPath] = await rangeHashes(db, [
    { start: leafIndex, end: leafIndex + 1 },
    ...inclusionRanges(leafIndex, treeSize),
  ]);
  return { leafIndex, treeSize, leafHash: leafHash as string, auditPath };
}

/** The proof that the tree of `toSize` extends the tree of `fromSize`. */
export async function consistencyProof(
  db: Database,
  fromSize: number,
  toSize: number,
): Promise<AuditConsistencyProof> {
  if (fromSize < 1) throw badRequest('fromSize must be at least 1 (an empty tree is consistent with any)');
  if (fromSize > toSize) throw badRequest(`fromSize ${fromSize} must not exceed toSize ${toSize}`);
  await requireTreeOf(db, toSize);
  return { fromSize, toSize, proof: await rangeHashes(db, consistencyRanges(fromSize, toSize)) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * For evidence packages: audit entry `entryId` as hashed, its leaf, and its inclusion proof against
 * the latest signed checkpoint. An entry is sequenced within a moment of its commit and signed
 * within AUDIT_CHECKPOINT_EVERY_MS; with `waitMs`, this waits up to that long for it, and then
 * (or at once without) refuses with CONFLICT naming the entry. Throws (a 500, logged) when the
 * stored entry no longer hashes to its leaf: the log was altered behind the application's back.
 */
export async function inclusionProofForEntry(
  db: Database,
  entryId: number,
  options: { waitMs?: number } = {},
): Promise<AuditEntryProof> {
  const found = await findCanonicalEntry(db, entryId);
  if (!found) throw notFound('audit entry');
  const { xactId: _sequencing, ...entry } = found;
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (;;) {
    const [leaf, checkpoint] = await Promise.all([findLeafOfEvent(db, entryId), latestCheckpoint(db)]);
    if (leaf && checkpoint && leaf.leafIndex < checkpoint.treeSize) {
      const recomputed = Buffer.from(auditLeafHash(entry, nodeSha256));
      if (!recomputed.equals(leaf.leafHash)) {
        throw new Error(
          `audit entry ${entryId} no longer matches leaf ${leaf.leafIndex}: the log was altered`,
        );
      }
      const proof = await inclusionProof(db, leaf.leafIndex, checkpoint.treeSize);
      return { ...proof, entry, checkpoint };
    }
    if (Date.now() >= deadline) {
      throw new ApiError(
        'CONFLICT',
        `audit entry ${entryId} is not in a signed checkpoint yet; checkpoints follow within seconds`,
      );
    }
    await sleep(Math.min(100, Math.max(1, deadline - Date.now())));
  }
}

/**
 * Checks an entry proof the way an outside party would: the entry hashes to the leaf, the path
 * leads from the leaf to the checkpoint's root, and the checkpoint is signed by `publicKey` (raw
 * 32 bytes). Answers what failed, or null when all holds.
 */
export function checkEntryProof(
  proof: Pick<AuditEntryProof, 'leafIndex' | 'leafHash' | 'auditPath'> & {
    entry: CanonicalAuditEntry;
    checkpoint: AuditCheckpoint;
  },
  publicKey: Buffer,
): 'leaf' | 'path' | 'signature' | null {
  const { checkpoint } = proof;
  const leafHash = auditLeafHash(proof.entry, nodeSha256);
  if (Buffer.from(leafHash).toString('hex') !== proof.leafHash) return 'leaf';
  const included = verifyInclusion(
    {
      leafIndex: proof.leafIndex,
      treeSize: checkpoint.treeSize,
      leafHash,
      auditPath: proof.auditPath.map((hash) => Buffer.from(hash, 'hex')),
      root: Buffer.from(checkpoint.rootHash, 'hex'),
    },
    nodeSha256,
  );
  if (!included) return 'path';
  const signed = verifySignature(
    publicKey,
    checkpointBody(checkpoint),
    Buffer.from(checkpoint.signature, 'base64'),
  );
  return signed ? null : 'signature';
}
