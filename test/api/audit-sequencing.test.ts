import { findLeafOfEvent } from '@jadelive/server/features/audit/log-repository';
import { inclusionProofForEntry } from '@jadelive/server/features/audit/proofs';
import { recordAudit } from '@jadelive/server/features/audit/repository';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newSigningKeyPem,
  startTestAuditLog,
  testAuditEntry,
  testAuditLogConfig,
  writeAuditEntries,
} from '../support/audit-log';
import { createTestDatabase, type TestDatabase } from '../support/database';

// Which entries the sequencer numbers when, with transactions still open here and elsewhere.
let database: TestDatabase;
let auditLog: Awaited<ReturnType<typeof startTestAuditLog>>;
let config: Awaited<ReturnType<typeof testAuditLogConfig>>;

beforeAll(async () => {
  database = await createTestDatabase();
  config = await testAuditLogConfig(newSigningKeyPem());
  auditLog = await startTestAuditLog(database.db, config);
});
afterAll(async () => {
  await auditLog.stop();
  await database.drop();
});

describe('audit log: sequencing order', () => {
  it('an entry committed late under a lower id is numbered, not skipped; rolled-back ids leave no gap', async () => {
    const db = database.db;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written = () => {};
    const lateWritten = new Promise<void>((resolve) => {
      written = resolve;
    });
    const late = db.transaction().execute(async (trx) => {
      await recordAudit(trx, testAuditEntry('late'));
      written();
      await held;
    });
    await lateWritten;
    await db
      .transaction()
      .execute(async (trx) => {
        await recordAudit(trx, testAuditEntry('rolled-back'));
        throw new Error('rolled back on purpose');
      })
      .catch(() => {});
    const [afterId] = await writeAuditEntries(db, 1, 'after-late');
    await auditLog.nextStep();
    await auditLog.nextStep();
    // The later entry waits for the transaction that began before it, however long it runs.
    expect(await findLeafOfEvent(db, afterId as number)).toBeUndefined();

    release();
    await late;
    const lateEntry = await db
      .selectFrom('auditEvents')
      .select('id')
      .where('targetId', '=', 'late')
      .executeTakeFirstOrThrow();
    expect(lateEntry.id).toBeLessThan(afterId as number);
    const proof = await inclusionProofForEntry(db, afterId as number, { waitMs: 10_000 });
    const lateLeaf = await findLeafOfEvent(db, lateEntry.id);
    expect(lateLeaf?.leafIndex).toBe(proof.leafIndex - 1);
    const indexes = await db.selectFrom('auditLogLeaves').select('leafIndex').orderBy('leafIndex').execute();
    expect(indexes.map((row) => row.leafIndex)).toEqual([...indexes.keys()]);
  });

  it('a long transaction in another database on the same server does not hold the log back', async () => {
    const other = await createTestDatabase();
    try {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let begun = () => {};
      const hasXid = new Promise<void>((resolve) => {
        begun = resolve;
      });
      const long = other.db.transaction().execute(async (trx) => {
        await sql`select pg_current_xact_id()`.execute(trx);
        begun();
        await held;
      });
      await hasXid;
      const [id] = await writeAuditEntries(database.db, 1, 'beside-long');
      const proof = await inclusionProofForEntry(database.db, id as number, { waitMs: 5_000 });
      expect(proof.entry.id).toBe(id);
      release();
      await long;
    } finally {
      await other.drop();
    }
  });

  it('an entry not yet signed is refused with CONFLICT unless the caller waits', async () => {
    await auditLog.stop();
    const [id] = await writeAuditEntries(database.db, 1, 'unsigned');
    await expect(inclusionProofForEntry(database.db, id as number)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    auditLog = await startTestAuditLog(database.db, config);
    const proof = await inclusionProofForEntry(database.db, id as number, { waitMs: 10_000 });
    expect(proof.entry.id).toBe(id);
  });
});
