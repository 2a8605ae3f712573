import { type AuditCheckpoint, checkpointBody } from '@jadelive/shared/audit/checkpoint';
import type { Database } from '../../db/database';
import { readCheckpointFiles } from './checkpoint-files';
import { checkpointsAfter, listSigningKeys } from './log-repository';
import { verifySignature } from './signing';

export type AuditProblemKind =
  | 'entry_changed'
  | 'entry_deleted'
  | 'entry_inserted'
  | 'entries_reordered'
  | 'leaf_missing'
  | 'node_mismatch'
  | 'head_mismatch'
  | 'checkpoint_root_mismatch'
  | 'checkpoint_signature_invalid'
  | 'checkpoint_file_differs'
  | 'checkpoint_file_unreadable'
  | 'log_shorter_than_checkpoint'
  | 'signing_key_not_registered';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The first leaf index this problem puts in doubt, when it names one. */
  index?: number;
  treeSize?: number;
  eventId?: number;
  detail: string;
}

/** A signed root the recomputed tree must reach at `treeSize`, and where it was read. */
export interface ExpectedRoot {
  treeSize: number;
  rootHash: string;
  source: 'database' | string;
}

const PAGE = 5_000;

/**
 * Every checkpoint in the database and in `checkpointDir`, their signatures checked against the
 * registered keys: the roots the recomputed tree must match, and what is wrong with the rest. A
 * file and a database row of the same size must agree; a file without a row still counts (a row
 * deleted from the database is exactly what the files are for).
 */
export async function collectCheckpoints(
  db: Database,
  options: { checkpointDir: string | null; expectedKey?: { keyId: string; publicKey: Buffer } },
): Promise<{ roots: ExpectedRoot[]; problems: AuditProblem[]; inDatabase: number; files: number }> {
  const problems: AuditProblem[] = [];
  const keys = new Map((await listSigningKeys(db)).map((row) => [row.keyId, row.publicKey]));
  const expected = options.expectedKey;
  if (expected && !keys.get(expected.keyId)?.equals(expected.publicKey)) {
    problems.push({
      kind: 'signing_key_not_registered',
      detail: `the configured signing key ${expected.keyId} is not the registered key of that id`,
    });
  }
  const signedBy = (checkpoint: AuditCheckpoint) => {
    const publicKey = keys.get(checkpoint.keyId);
    const signature = Buffer.from(checkpoint.signature, 'base64');
    return publicKey !== undefined && verifySignature(publicKey, checkpointBody(checkpoint), signature);
  };

  const roots: ExpectedRoot[] = [];
  const fromDatabase = new Map<number, AuditCheckpoint>();
  for (let after = 0; ; ) {
    const page = await checkpointsAfter(db, after, PAGE);
    for (const checkpoint of page) {
      fromDatabase.set(checkpoint.treeSize, checkpoint);
      if (!signedBy(checkpoint)) {
        problems.push({
          kind: 'checkpoint_signature_invalid',
          treeSize: checkpoint.treeSize,
          detail: `the stored checkpoint of ${checkpoint.treeSize} is not signed by key ${checkpoint.keyId}`,
        });
      }
      roots.push({ treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, source: 'database' });
    }
    if (page.length < PAGE) break;
    after = page.at(-1)?.treeSize ?? after;
  }

  const files = options.checkpointDir ? await readCheckpointFiles(options.checkpointDir) : [];
  for (const { file, checkpoint, error } of files) {
    if (!checkpoint) {
      problems.push({ kind: 'checkpoint_file_unreadable', detail: `${file}: ${error}` });
      continue;
    }
    const stored = fromDatabase.get(checkpoint.treeSize);
    if (!signedBy(checkpoint)) {
      problems.push({
        kind: 'checkpoint_signature_invalid',
        treeSize: checkpoint.treeSize,
        detail: `${file} is not signed by key ${checkpoint.keyId}`,
      });
    } else if (stored && JSON.stringify(stored) !== JSON.stringify(checkpoint)) {
      problems.push({
        kind: 'checkpoint_file_differs',
        treeSize: checkpoint.treeSize,
        detail: `${file} and the stored checkpoint of ${checkpoint.treeSize} differ`,
      });
    }
    if (!stored || stored.rootHash !== checkpoint.rootHash) {
      roots.push({ treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, source: file });
    }
  }
  roots.sort((a, b) => a.treeSize - b.treeSize);
  return { roots, problems, inDatabase: fromDatabase.size, files: files.length };
}
