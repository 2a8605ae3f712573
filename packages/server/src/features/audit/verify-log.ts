import { auditLeafHash } from '@jadelive/shared/audit/canonical';
import { type HashedNode, MerkleFrontier } from '@jadelive/shared/audit/frontier';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import {
  entriesInLogOrder,
  eventExists,
  findLeafOfEvent,
  LOWEST_STORED_LEVEL,
  leavesFrom,
  nodeKey,
  nodeSha256,
  readHead,
  type SequencedEntry,
  type StoredLeaf,
  storedNodes,
} from './log-repository';
import { type AuditProblem, collectCheckpoints, type ExpectedRoot } from './verify-checkpoints';

export interface AuditVerifyReport {
  ok: boolean;
  /** Entries in the log (the sequenced ones) as recomputed from `audit_events`. */
  entries: number;
  rootHash: string;
  checkpoints: number;
  checkpointFiles: number;
  /** Entries written but not numbered yet (they are checked once they are). */
  pending: number;
  firstBadIndex: number | null;
  /** The first problems found (at most 20), lowest index first. */
  problems: AuditProblem[];
}

const PAGE = 5_000;
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Pages through `fetch` (given the last item seen, or null) until it answers a short page. */
async function* paged<T>(fetch: (last: T | null) => Promise<T[]>): AsyncGenerator<T> {
  let last: T | null = null;
  for (;;) {
    const page = await fetch(last);
    yield* page;
    if (page.length < PAGE) return;
    last = page.at(-1) as T;
  }
}

/**
 * Recomputes the log from `audit_events` and holds it against everything that was signed, in one
 * read-only snapshot: every sequenced entry, in log order ((xact_id, id) up to the sequencer's
 * last), is hashed and compared with its stored leaf (the first difference names the bad index:
 * changed, deleted, inserted or reordered); the tree of those entries must reach the root of every
 * signed checkpoint, in the database and in `checkpointDir`; the stored complete subtrees must be
 * those of the stored leaves. When the stored leaves were rewritten too, a checkpoint's root still
 * fails, and the bad index is the size of the last checkpoint that held.
 */
export async function verifyAuditLog(
  db: Database,
  options: { checkpointDir: string | null; expectedKey?: { keyId: string; publicKey: Buffer } },
): Promise<AuditVerifyReport> {
  const problems: AuditProblem[] = [];
  const report = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const head = await readHead(trx);
      const checkpoints = await collectCheckpoints(trx, options);
      problems.push(...checkpoints.problems);
      const through = { xactId: head.lastXactId, eventId: head.lastEventId };
      const entries = paged<SequencedEntry>((last) =>
        entriesInLogOrder(
          trx,
          last ? { xactId: last.xactId, eventId: last.id } : { xactId: '0', eventId: 0 },
          through,
          PAGE,
        ),
      );
      const leaves = paged<StoredLeaf>((last) => leavesFrom(trx, last ? last.leafIndex + 1 : 0, PAGE));
      const fromEntries = MerkleFrontier.empty(nodeSha256);
      const fromLeaves = MerkleFrontier.empty(nodeSha256);
      const roots = checkpoints.roots;
      let nextRoot = 0;
      let rootsHeld = 0;
      let leafProblem = false;
      let nodeProblem = false;
      let produced: HashedNode[] = [];

      const checkNodes = async () => {
        if (nodeProblem || produced.length === 0) return;
        const stored = await storedNodes(trx, produced);
        const bad = produced.find((node) => !stored.get(nodeKey(node))?.equals(node.hash));
        produced = [];
        if (!bad) return;
        nodeProblem = true;
        problems.push({
          kind: 'node_mismatch',
          index: bad.index * 2 ** bad.level,
          detail: `stored node ${nodeKey(bad)} is not the hash of its stored leaves`,
        });
      };

      for (let index = 0; ; index++) {
        const [entryStep, leafStep] = await Promise.all([entries.next(), leaves.next()]);
        const entry = entryStep.done ? undefined : entryStep.value;
        const leaf = leafStep.done ? undefined : leafStep.value;
        if (!entry && !leaf) break;
        if (entry) {
          const hash = auditLeafHash(entry, nodeSha256);
          fromEntries.append(hash);
          if (leaf && !leafProblem) {
            leafProblem = await compareLeaf(trx, index, entry, hash, leaf, problems);
          }
        }
        if (leaf) {
          fromLeaves.append(leaf.leafHash, (node) => {
            if (node.level >= LOWEST_STORED_LEVEL) produced.push(node);
          });
        }
        if (!leafProblem && (!entry || !leaf)) {
          leafProblem = true;
          problems.push(
            leaf
              ? {
                  kind: 'entry_deleted',
                  index,
                  eventId: leaf.auditEventId,
                  detail: `leaf ${index}'s entry ${leaf.auditEventId} is gone`,
                }
              : {
                  kind: 'entry_inserted',
                  index,
                  eventId: entry?.id,
                  detail: `entry ${entry?.id} is in the log's order but has no leaf`,
                },
          );
        }
        if (produced.length >= PAGE) await checkNodes();
        for (
          ;
          nextRoot < roots.length && (roots[nextRoot] as ExpectedRoot).treeSize === fromEntries.size;
          nextRoot++
        ) {
          const expected = roots[nextRoot] as ExpectedRoot;
          if (hex(fromEntries.root()) === expected.rootHash) {
            if (rootsHeld === nextRoot) rootsHeld++;
          } else if (!problems.some((problem) => problem.kind === 'checkpoint_root_mismatch')) {
            const lastGood = rootsHeld > 0 ? (roots[rootsHeld - 1] as ExpectedRoot).treeSize : 0;
            problems.push({
              kind: 'checkpoint_root_mismatch',
              index: lastGood,
              treeSize: expected.treeSize,
              detail: `the entries' tree of ${expected.treeSize} does not reach the signed root (${expected.source}); the change is in leaves ${lastGood}..${expected.treeSize - 1}`,
            });
          }
        }
      }
      await checkNodes();
      if (fromLeaves.size !== head.treeSize) {
        problems.push({
          kind: 'head_mismatch',
          index: Math.min(fromLeaves.size, head.treeSize),
          detail: `the sequencer's head says ${head.treeSize} leaves; ${fromLeaves.size} are stored`,
        });
      }
      const beyond = roots.slice(nextRoot).filter((root) => root.treeSize > fromEntries.size);
      return { beyond, entries: fromEntries.size, rootHash: hex(fromEntries.root()), checkpoints };
    });

  // A checkpoint file may be newer than the snapshot; only one beyond the live log is a problem.
  const live = await readHead(db);
  const beyond = report.beyond.find((root) => root.treeSize > live.treeSize);
  if (beyond) {
    problems.push({
      kind: 'log_shorter_than_checkpoint',
      index: report.entries,
      treeSize: beyond.treeSize,
      detail: `a checkpoint (${beyond.source}) signs a tree of ${beyond.treeSize}; the log has ${live.treeSize}`,
    });
  }
  const pending = await sql<{ count: string }>`
    select count(*) as count from audit_events
    where (xact_id, id) > (${live.lastXactId}::xid8, ${live.lastEventId}::bigint)`.execute(db);
  const { firstBadIndex, ordered } = rankProblems(problems);
  return {
    ok: problems.length === 0,
    entries: report.entries,
    rootHash: report.rootHash,
    checkpoints: report.checkpoints.inDatabase,
    checkpointFiles: report.checkpoints.files,
    pending: Number(pending.rows[0]?.count ?? 0),
    firstBadIndex,
    problems: ordered.slice(0, 20),
  };
}

/**
 * A failed checkpoint only bounds the change to a range (from the last checkpoint that held);
 * a problem found at a leaf inside that range is the precise answer, so it comes first.
 */
function rankProblems(problems: AuditProblem[]) {
  const byIndex = (a: AuditProblem, b: AuditProblem) => (a.index ?? Infinity) - (b.index ?? Infinity);
  const precise = problems.filter((problem) => problem.kind !== 'checkpoint_root_mismatch').sort(byIndex);
  const ranges = problems.filter((problem) => problem.kind === 'checkpoint_root_mismatch');
  const first = precise[0]?.index;
  const unexplained = ranges.find((range) => first === undefined || first >= (range.treeSize ?? 0));
  if (unexplained) return { firstBadIndex: unexplained.index ?? 0, ordered: [...ranges, ...precise] };
  return { firstBadIndex: first ?? null, ordered: [...precise, ...ranges] };
}

/** Compares entry `index` in log order with leaf `index`; records what differs and answers whether anything did. */
async function compareLeaf(
  db: Database,
  index: number,
  entry: SequencedEntry,
  hash: Uint8Array,
  leaf: StoredLeaf,
  problems: AuditProblem[],
): Promise<boolean> {
  if (leaf.leafIndex !== index) {
    problems.push({
      kind: 'leaf_missing',
      index,
      detail: `leaf ${index} is missing (next stored: ${leaf.leafIndex})`,
    });
  } else if (entry.id !== leaf.auditEventId) {
    const kind = !(await eventExists(db, leaf.auditEventId))
      ? 'entry_deleted'
      : !(await findLeafOfEvent(db, entry.id))
        ? 'entry_inserted'
        : 'entries_reordered';
    problems.push({
      kind,
      index,
      eventId: entry.id,
      detail: `leaf ${index} is entry ${leaf.auditEventId}; in the log's order entry ${entry.id} stands there`,
    });
  } else if (!leaf.leafHash.equals(hash)) {
    problems.push({
      kind: 'entry_changed',
      index,
      eventId: entry.id,
      detail: `entry ${entry.id} no longer hashes to leaf ${index}`,
    });
  } else {
    return false;
  }
  return true;
}
