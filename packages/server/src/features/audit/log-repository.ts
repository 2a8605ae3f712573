import { createHash } from 'node:crypto';
import type { CanonicalAuditEntry } from '@jadelive/shared/audit/canonical';
import type { AuditCheckpoint } from '@jadelive/shared/audit/checkpoint';
import type { HashedNode } from '@jadelive/shared/audit/frontier';
import { nodeHash, type PerfectNode } from '@jadelive/shared/audit/merkle';
import { type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database';
import type { AuditCheckpoints, DB } from '../../db/schema.generated';

export type Tx = Transaction<DB>;

/** SHA-256 from node:crypto: the same function as the shared default, several times faster. */
export const nodeSha256 = (data: Uint8Array): Uint8Array => createHash('sha256').update(data).digest();

export interface LogHead {
  treeSize: number;
  lastXactId: string;
  lastEventId: number;
}

/** An entry as hashed, with the transaction that wrote it (its place in the sequencing order). */
export interface SequencedEntry extends CanonicalAuditEntry {
  xactId: string;
}

export async function readHead(db: Database, options: { forUpdate?: boolean } = {}): Promise<LogHead> {
  let query = db
    .selectFrom('auditLogHead')
    .select(['treeSize', sql<string>`last_xact_id::text`.as('lastXactId'), 'lastEventId']);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirstOrThrow();
}

export async function updateHead(trx: Tx, head: LogHead): Promise<void> {
  await trx
    .updateTable('auditLogHead')
    .set({
      treeSize: head.treeSize,
      lastXactId: sql<string>`${head.lastXactId}::xid8`,
      lastEventId: head.lastEventId,
      updatedAt: sql`now()`,
    })
    .execute();
}

/** The columns of `CanonicalAuditEntry`, with the stored instant written out to the microsecond. */
function entryColumns(db: Database) {
  return db
    .selectFrom('auditEvents')
    .select([
      'id',
      sql<string>`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('occurredAt'),
      'action',
      'actorUserId',
      'actorTokenId',
      'organizationId',
      'targetType',
      'targetId',
      'ip',
      'requestId',
      sql<Record<string, unknown>>`details`.as('details'),
      sql<string>`xact_id::text`.as('xactId'),
    ]);
}

/**
 * Entries after `after` in (xact_id, id) order, written by transactions below `horizon`: the next
 * ones to number. (xact_id, id) order is the log's order; see the sequencer for why it is safe.
 */
export async function entriesToSequence(
  db: Database,
  after: { xactId: string; eventId: number },
  horizon: string | null,
  limit: number,
): Promise<SequencedEntry[]> {
  let query = entryColumns(db)
    .where(sql<boolean>`(xact_id, id) > (${after.xactId}::xid8, ${after.eventId}::bigint)`)
    // Qualified: the select list names its text copy `xact_id` too, and ORDER BY would take that.
    .orderBy(sql`audit_events.xact_id`)
    .orderBy('id')
    .limit(limit);
  if (horizon !== null) query = query.where(sql<boolean>`xact_id < ${horizon}::xid8`);
  return query.execute();
}

/** Entries up to and including `through` in log order, after `after`: the verifier's view. */
export async function entriesInLogOrder(
  db: Database,
  after: { xactId: string; eventId: number },
  through: { xactId: string; eventId: number },
  limit: number,
): Promise<SequencedEntry[]> {
  return entryColumns(db)
    .where(sql<boolean>`(xact_id, id) > (${after.xactId}::xid8, ${after.eventId}::bigint)`)
    .where(sql<boolean>`(xact_id, id) <= (${through.xactId}::xid8, ${through.eventId}::bigint)`)
    .orderBy(sql`audit_events.xact_id`)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function findCanonicalEntry(db: Database, eventId: number): Promise<SequencedEntry | undefined> {
  return entryColumns(db).where('id', '=', eventId).executeTakeFirst();
}

export interface StoredLeaf {
  leafIndex: number;
  auditEventId: number;
  leafHash: Buffer;
}

export async function insertLeaves(trx: Tx, leaves: StoredLeaf[]): Promise<void> {
  if (leaves.length === 0) return;
  await sql`
    insert into audit_log_leaves (leaf_index, audit_event_id, leaf_hash)
    select * from unnest(
      ${leaves.map((leaf) => leaf.leafIndex)}::bigint[],
      ${leaves.map((leaf) => leaf.auditEventId)}::bigint[],
      ${leaves.map((leaf) => leaf.leafHash)}::bytea[]
    )`.execute(trx);
}

export async function insertNodes(trx: Tx, nodes: HashedNode[]): Promise<void> {
  if (nodes.length === 0) return;
  await sql`
    insert into audit_log_nodes (level, node_index, hash)
    select * from unnest(
      ${nodes.map((node) => node.level)}::smallint[],
      ${nodes.map((node) => node.index)}::bigint[],
      ${nodes.map((node) => Buffer.from(node.hash))}::bytea[]
    )`.execute(trx);
}

export async function leavesFrom(db: Database, fromIndex: number, limit: number): Promise<StoredLeaf[]> {
  return db
    .selectFrom('auditLogLeaves')
    .select(['leafIndex', 'auditEventId', 'leafHash'])
    .where('leafIndex', '>=', fromIndex)
    .orderBy('leafIndex')
    .limit(limit)
    .execute();
}

export async function findLeafOfEvent(db: Database, eventId: number): Promise<StoredLeaf | undefined> {
  return db
    .selectFrom('auditLogLeaves')
    .select(['leafIndex', 'auditEventId', 'leafHash'])
    .where('auditEventId', '=', eventId)
    .executeTakeFirst();
}

export async function eventExists(db: Database, eventId: number): Promise<boolean> {
  const row = await db.selectFrom('auditEvents').select('id').where('id', '=', eventId).executeTakeFirst();
  return row !== undefined;
}

export const nodeKey = (node: PerfectNode) => `${node.level}:${node.index}`;

/**
 * Complete subtrees below this level are not stored: one of at most 8 leaves is recomputed when
 * a proof needs it, which keeps the log at about one extra row per 16 entries instead of one per entry.
 */
export const LOWEST_STORED_LEVEL = 4;

/** Stored subtree hashes (levels ≥ LOWEST_STORED_LEVEL only), keyed `level:index`; missing ones are absent. */
export async function storedNodes(db: Database, nodes: PerfectNode[]): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  const wanted = nodes.filter((node) => node.level >= LOWEST_STORED_LEVEL);
  if (wanted.length === 0) return found;
  const { rows } = await sql<{ level: number; nodeIndex: number; hash: Buffer }>`
    select n.level, n.node_index, n.hash
    from unnest(${wanted.map((node) => node.level)}::smallint[], ${wanted.map((node) => node.index)}::bigint[])
      as wanted(level, node_index)
    join audit_log_nodes n using (level, node_index)`.execute(db);
  for (const row of rows) found.set(nodeKey({ level: row.level, index: row.nodeIndex }), row.hash);
  return found;
}

/** The hashes of complete subtrees, in order: stored ones read, lower ones computed from their leaves. Throws when one is missing. */
export async function nodeHashes(db: Database, nodes: PerfectNode[]): Promise<Buffer[]> {
  const leafIndexes = new Set<number>();
  for (const node of nodes) {
    if (node.level >= LOWEST_STORED_LEVEL) continue;
    const width = 2 ** node.level;
    for (let i = node.index * width; i < (node.index + 1) * width; i++) leafIndexes.add(i);
  }
  const leaves = new Map<number, Buffer>();
  if (leafIndexes.size > 0) {
    const rows = await db
      .selectFrom('auditLogLeaves')
      .select(['leafIndex', 'leafHash'])
      .where('leafIndex', 'in', [...leafIndexes])
      .execute();
    for (const row of rows) leaves.set(row.leafIndex, row.leafHash);
  }
  const stored = await storedNodes(db, nodes);
  return nodes.map((node) => {
    const hash =
      node.level >= LOWEST_STORED_LEVEL ? stored.get(nodeKey(node)) : subtreeOfLeaves(node, leaves);
    if (!hash) throw new Error(`audit log node ${nodeKey(node)} is missing`);
    return hash;
  });
}

function subtreeOfLeaves(node: PerfectNode, leaves: Map<number, Buffer>): Buffer | undefined {
  const width = 2 ** node.level;
  let level: Buffer[] = [];
  for (let i = node.index * width; i < (node.index + 1) * width; i++) {
    const leaf = leaves.get(i);
    if (!leaf) return undefined;
    level.push(leaf);
  }
  while (level.length > 1) {
    level = level.flatMap((left, i) =>
      i % 2 === 0 ? [Buffer.from(nodeHash(left, level[i + 1] as Buffer, nodeSha256))] : [],
    );
  }
  return level[0];
}

function toCheckpoint(row: Selectable<AuditCheckpoints>): AuditCheckpoint {
  return {
    treeSize: row.treeSize,
    rootHash: row.rootHash.toString('hex'),
    issuedAt: new Date(row.issuedAt).toISOString(),
    keyId: row.keyId,
    signature: row.signature.toString('base64'),
  };
}

export async function latestCheckpoint(db: Database): Promise<AuditCheckpoint | undefined> {
  const row = await db
    .selectFrom('auditCheckpoints')
    .selectAll()
    .orderBy('treeSize', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toCheckpoint(row);
}

export async function findCheckpoint(db: Database, treeSize: number): Promise<AuditCheckpoint | undefined> {
  const row = await db
    .selectFrom('auditCheckpoints')
    .selectAll()
    .where('treeSize', '=', treeSize)
    .executeTakeFirst();
  return row && toCheckpoint(row);
}

export async function checkpointsAfter(
  db: Database,
  treeSize: number,
  limit: number,
): Promise<AuditCheckpoint[]> {
  const rows = await db
    .selectFrom('auditCheckpoints')
    .selectAll()
    .where('treeSize', '>', treeSize)
    .orderBy('treeSize')
    .limit(limit)
    .execute();
  return rows.map(toCheckpoint);
}

export async function insertCheckpoint(trx: Tx, checkpoint: AuditCheckpoint): Promise<void> {
  await trx
    .insertInto('auditCheckpoints')
    .values({
      treeSize: checkpoint.treeSize,
      rootHash: Buffer.from(checkpoint.rootHash, 'hex'),
      issuedAt: new Date(checkpoint.issuedAt),
      keyId: checkpoint.keyId,
      signature: Buffer.from(checkpoint.signature, 'base64'),
    })
    .execute();
}

export async function registerSigningKey(db: Database, keyId: string, publicKey: Buffer): Promise<void> {
  await db
    .insertInto('auditSigningKeys')
    .values({ keyId, publicKey })
    .onConflict((oc) => oc.column('keyId').doNothing())
    .execute();
}

export async function listSigningKeys(db: Database) {
  return db.selectFrom('auditSigningKeys').selectAll().orderBy('firstUsedAt').execute();
}
