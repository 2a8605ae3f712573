import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase as createDatabaseOnServer, dropDatabase } from '@jadelive/server/db/admin';
import { createDatabase } from '@jadelive/server/db/database';
import { findCanonicalEntry, type SequencedEntry } from '@jadelive/server/features/audit/log-repository';
import { auditLeafHash } from '@jadelive/shared/audit/canonical';
import { sql } from 'kysely';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  behindTheApplicationsBack,
  newSigningKeyPem,
  startTestAuditLog,
  testAuditLogConfig,
  waitForSignedSize,
  writeAuditEntries,
} from '../support/audit-log';
import { createTestDatabase, type TestDatabase } from '../support/database';

// What someone holding the database's superuser password (not the signing key) could do, each on
// a fresh log of 12 entries signed at 5 and at 12, and what `pnpm -s audit:verify` says about it.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'packages/server/src/cli/audit-verify.ts');

let database: TestDatabase | null = null;
afterEach(async () => {
  await database?.drop();
  database = null;
});

async function signedLog() {
  const fresh = await createTestDatabase();
  database = fresh;
  const db = fresh.db;
  const key = newSigningKeyPem();
  const config = await testAuditLogConfig(key);
  // Sequenced only once all are written, so the checkpoints are exactly those of 5 and 12.
  const signAll = async (size: number) => {
    const auditLog = await startTestAuditLog(db, config);
    await waitForSignedSize(db, size);
    await auditLog.nextStep(); // its checkpoint file is written too
    await auditLog.stop();
  };
  await writeAuditEntries(db, 5, 'first');
  await signAll(5);
  await writeAuditEntries(db, 7, 'then');
  await signAll(12);
  const eventAt = async (leafIndex: number) => {
    const row = await db
      .selectFrom('auditLogLeaves')
      .innerJoin('auditEvents', 'auditEvents.id', 'auditLogLeaves.auditEventId')
      .select(['auditEvents.id', sql<string>`audit_events.xact_id::text`.as('xactId')])
      .where('leafIndex', '=', leafIndex)
      .executeTakeFirstOrThrow();
    return row;
  };
  return { db, eventAt, verify: () => runVerify(fresh.url, key, config.checkpointDir) };
}

function runVerify(databaseUrl: string, key: string, checkpointDir: string) {
  return new Promise<{ code: number | null; report: any; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        AUDIT_SIGNING_KEY: key,
        AUDIT_CHECKPOINT_DIR: checkpointDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ code, report: JSON.parse(last), stdout });
      } catch {
        reject(new Error(`audit:verify printed no JSON (exit ${code}):\n${stdout}\n${stderr}`));
      }
    });
  });
}

describe('pnpm -s audit:verify against a log altered directly in PostgreSQL', () => {
  it('intact: exit 0 and {"ok":true,"entries":12}', async () => {
    const log = await signedLog();
    const { code, report } = await log.verify();
    expect(report).toMatchObject({ ok: true, entries: 12, checkpoints: 2, checkpointFiles: 2, problems: [] });
    expect(code).toBe(0);
  });

  it('an entry changed: exit 1 naming its index', async () => {
    const log = await signedLog();
    const { id } = await log.eventAt(5);
    await behindTheApplicationsBack(log.db, (trx) =>
      trx
        .updateTable('auditEvents')
        .set({ details: JSON.stringify({ label: 'rewritten' }) })
        .where('id', '=', id)
        .execute(),
    );
    const { code, report } = await log.verify();
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, firstBadIndex: 5 });
    expect(report.problems[0]).toMatchObject({ kind: 'entry_changed', index: 5, eventId: id });
  });

  it('an entry deleted: exit 1 naming its index', async () => {
    const log = await signedLog();
    const { id } = await log.eventAt(7);
    await behindTheApplicationsBack(log.db, (trx) =>
      trx.deleteFrom('auditEvents').where('id', '=', id).execute(),
    );
    const { code, report } = await log.verify();
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, firstBadIndex: 7 });
    expect(report.problems[0]).toMatchObject({ kind: 'entry_deleted', index: 7 });
  });

  it('an entry inserted into the past: exit 1 naming the index it took', async () => {
    const log = await signedLog();
    const { xactId } = await log.eventAt(3);
    await behindTheApplicationsBack(log.db, (trx) =>
      sql`insert into audit_events (id, action, target_type, target_id, details, xact_id)
          overriding system value
          values (999999, 'token.issued', 'test', 'forged', '{}', ${xactId}::xid8)`.execute(trx),
    );
    const { code, report } = await log.verify();
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, firstBadIndex: 4 });
    expect(report.problems[0]).toMatchObject({ kind: 'entry_inserted', index: 4, eventId: 999999 });
  });

  it('entries reordered: exit 1 naming the first index out of place', async () => {
    const log = await signedLog();
    const [second, sixth] = [await log.eventAt(2), await log.eventAt(6)];
    await behindTheApplicationsBack(log.db, async (trx) => {
      await sql`update audit_events set xact_id = ${sixth.xactId}::xid8 where id = ${second.id}`.execute(trx);
      await sql`update audit_events set xact_id = ${second.xactId}::xid8 where id = ${sixth.id}`.execute(trx);
    });
    const { code, report } = await log.verify();
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, firstBadIndex: 2 });
    expect(report.problems[0]).toMatchObject({ kind: 'entries_reordered', index: 2 });
  });

  it('an entry changed and its stored leaf rewritten to match: the signed roots still catch it', async () => {
    const log = await signedLog();
    const { id } = await log.eventAt(8);
    await behindTheApplicationsBack(log.db, async (trx) => {
      await trx.updateTable('auditEvents').set({ targetId: 'someone else' }).where('id', '=', id).execute();
      const { xactId: _order, ...entry } = (await findCanonicalEntry(trx, id)) as SequencedEntry;
      await trx
        .updateTable('auditLogLeaves')
        .set({ leafHash: Buffer.from(auditLeafHash(entry)) })
        .where('leafIndex', '=', 8)
        .execute();
    });
    const { code, report } = await log.verify();
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    // The checkpoint of 12 no longer holds (the one of 5 does): the change is in leaves 5..11.
    expect(report.firstBadIndex).toBe(5);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'checkpoint_root_mismatch', index: 5, treeSize: 12 }),
    ]);
  });

  it('the last entries erased with every trace in the database: the checkpoint file still signs 12', async () => {
    const log = await signedLog();
    const tail = [await log.eventAt(10), await log.eventAt(11)];
    const newLast = await log.eventAt(9);
    await behindTheApplicationsBack(log.db, async (trx) => {
      const ids = tail.map((event) => event.id);
      await trx.deleteFrom('auditEvents').where('id', 'in', ids).execute();
      await trx.deleteFrom('auditLogLeaves').where('auditEventId', 'in', ids).execute();
      await trx.deleteFrom('auditCheckpoints').where('treeSize', '=', 12).execute();
      await sql`update audit_log_head set tree_size = 10, last_xact_id = ${newLast.xactId}::xid8,
                last_event_id = ${newLast.id}`.execute(trx);
    });
    const { code, report } = await log.verify();
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, entries: 10, firstBadIndex: 10 });
    expect(report.problems[0]).toMatchObject({ kind: 'log_shorter_than_checkpoint', treeSize: 12 });
  });

  it('a database without the log: exit 2, and it creates nothing there (the checker only reads)', async () => {
    const serverUrl = inject('databaseServerUrl');
    const name = `jadelive_empty_${Date.now().toString(36)}`;
    const url = await createDatabaseOnServer(serverUrl, name);
    try {
      const { code, report } = await runVerify(url, newSigningKeyPem(), '/nonexistent');
      expect(code).toBe(2);
      expect(report).toMatchObject({ ok: false });
      const empty = createDatabase(url, 1);
      const tables = await sql<{ count: string }>`
        select count(*) from pg_tables where schemaname = 'public'`.execute(empty);
      await empty.destroy();
      expect(Number(tables.rows[0]?.count)).toBe(0);
    } finally {
      await dropDatabase(serverUrl, name);
    }
  });
});
