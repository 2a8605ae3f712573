import { auditLeafHash } from '@jadelive/shared/audit/canonical';
import { type AuditCheckpoint, checkpointBody } from '@jadelive/shared/audit/checkpoint';
import { frontierNodes, type HashedNode, MerkleFrontier } from '@jadelive/shared/audit/frontier';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/database';
import { sequencingHorizon } from './horizon';
import {
  entriesToSequence,
  insertCheckpoint,
  insertLeaves,
  insertNodes,
  LOWEST_STORED_LEVEL,
  latestCheckpoint,
  nodeHashes,
  nodeSha256,
  readHead,
  type StoredLeaf,
  type Tx,
  updateHead,
} from './log-repository';
import type { CheckpointSigner } from './signing';

/** One key for the whole cluster: one sequencer at a time, whichever instance takes it. */
const SEQUENCER_LOCK_KEY = 0x6a6c_616c; // 'jlal'
export const SEQUENCE_BATCH = 2_000;

export interface SequencerStep {
  /** False when another instance held the lock: this step did nothing. */
  leader: boolean;
  sequenced: number;
  treeSize: number;
  checkpoint: AuditCheckpoint | null;
}

/**
 * The audit log's sequencer. Each step, in one transaction under a transaction-level advisory
 * lock (so any number of API instances may run steps; one does the work, and a crashed instance
 * holds nothing), numbers the next committed entries, stores their leaves and the complete
 * subtrees they finish, and signs a checkpoint when entries arrived and the last one is
 * `checkpointEveryMs` old.
 *
 * Order and gaps: ids come from a sequence, so they have gaps (rolled-back inserts) and commit out
 * of order (id 10 may commit after id 11). Numbering by id would either wait forever on a gap or
 * skip the late id for good. Instead each entry carries the id of the transaction that wrote it
 * (`xact_id`, a column default), and a step takes only entries of transactions below the horizon —
 * the oldest transaction still running in this database (`sequencingHorizon`), read before the
 * entries are. Every such transaction has ended (committed or rolled back) and any later one gets a
 * larger id, so the set
 * below the horizon never grows again: numbering it in (xact_id, id) order after the last numbered
 * entry is final, gap-free and skips nothing. A long-running writing transaction only delays the
 * numbering of what came after it. Transaction ids must not go back: restore a logical dump only
 * into a cluster whose transaction counter is past the log's last xact_id (pg_upgrade and physical
 * backups keep it).
 */
export function createSequencer(
  db: Database,
  logger: Pick<Logger, 'error'>,
  options: { signer: CheckpointSigner; checkpointEveryMs: number },
) {
  // The right edge of the tree as this instance last left it; reloaded whenever another wrote since.
  let cached: MerkleFrontier | null = null;
  // The largest committed checkpoint this instance has seen: checkpoints only grow, so an idle step
  // (a tree no larger) skips reading the latest one.
  let signedThrough = 0;

  async function loadFrontier(trx: Tx, size: number): Promise<MerkleFrontier> {
    if (cached?.size === size) return cached.clone();
    const wanted = frontierNodes(size);
    const hashes = await nodeHashes(trx, wanted);
    const nodes = wanted.map((node, i) => ({ ...node, hash: hashes[i] as Buffer }));
    return MerkleFrontier.fromNodes(size, nodes, nodeSha256);
  }

  async function step(now: Date = new Date()): Promise<SequencerStep> {
    let frontier: MerkleFrontier | null = null;
    const result = await db.transaction().execute(async (trx): Promise<SequencerStep> => {
      const { rows } = await sql<{ locked: boolean }>`
        select pg_try_advisory_xact_lock(${SEQUENCER_LOCK_KEY}) as locked`.execute(trx);
      if (!rows[0]?.locked) return { leader: false, sequenced: 0, treeSize: -1, checkpoint: null };
      const head = await readHead(trx, { forUpdate: true });
      // Read before the entries: whatever ended below it is visible to the next statement.
      const { horizon, next } = await sequencingHorizon(trx);
      if (BigInt(next) <= BigInt(head.lastXactId)) {
        logger.error(
          { next, last: head.lastXactId },
          'audit log: transaction ids went back; nothing is sequenced',
        );
        return { leader: true, sequenced: 0, treeSize: head.treeSize, checkpoint: null };
      }
      const entries = await entriesToSequence(
        trx,
        { xactId: head.lastXactId, eventId: head.lastEventId },
        horizon,
        SEQUENCE_BATCH,
      );
      const tree = await loadFrontier(trx, head.treeSize);
      const leaves: StoredLeaf[] = [];
      const nodes: HashedNode[] = [];
      for (const entry of entries) {
        const leafHash = Buffer.from(auditLeafHash(entry, nodeSha256));
        leaves.push({ leafIndex: tree.size, auditEventId: entry.id, leafHash });
        tree.append(leafHash, (node) => {
          if (node.level >= LOWEST_STORED_LEVEL) nodes.push(node);
        });
      }
      const last = entries.at(-1);
      if (last) {
        await insertLeaves(trx, leaves);
        await insertNodes(trx, nodes);
        await updateHead(trx, { treeSize: tree.size, lastXactId: last.xactId, lastEventId: last.id });
      }
      frontier = tree;
      const checkpoint = await checkpointIfDue(trx, tree, now);
      return { leader: true, sequenced: entries.length, treeSize: tree.size, checkpoint };
    });
    if (frontier) cached = frontier;
    if (result.checkpoint) signedThrough = result.checkpoint.treeSize;
    return result;
  }

  async function checkpointIfDue(trx: Tx, tree: MerkleFrontier, now: Date): Promise<AuditCheckpoint | null> {
    if (tree.size <= signedThrough) return null;
    const previous = await latestCheckpoint(trx);
    signedThrough = Math.max(signedThrough, previous?.treeSize ?? 0);
    if (tree.size <= signedThrough) return null;
    if (previous && now.getTime() - Date.parse(previous.issuedAt) < options.checkpointEveryMs) return null;
    const unsigned = {
      treeSize: tree.size,
      rootHash: Buffer.from(tree.root()).toString('hex'),
      issuedAt: now.toISOString(),
      keyId: options.signer.keyId,
    };
    const checkpoint = {
      ...unsigned,
      signature: options.signer.sign(checkpointBody(unsigned)).toString('base64'),
    };
    await insertCheckpoint(trx, checkpoint);
    return checkpoint;
  }

  return { step };
}

export type Sequencer = ReturnType<typeof createSequencer>;
