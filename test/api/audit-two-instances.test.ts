import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Database } from '@jadelive/server/db/database';
import { checkpointsAfter, readHead } from '@jadelive/server/features/audit/log-repository';
import { consistencyProof } from '@jadelive/server/features/audit/proofs';
import { recordAudit } from '@jadelive/server/features/audit/repository';
import { verifyAuditLog } from '@jadelive/server/features/audit/verify-log';
import { verifyConsistency } from '@jadelive/shared/audit/merkle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import {
  newSigningKeyPem,
  startTestAuditLog,
  testAuditEntry,
  testAuditLogConfig,
} from '../support/audit-log';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createBuyer, TEST_PASSWORD } from '../support/fixtures';

// Two API instances' worth of state on one database: their own pools, HTTP servers, sequencer
// candidates and checkpoint directories, sharing only PostgreSQL (and the signing key, as a deployment would).
let database: TestDatabase;
const instances: {
  db: Database;
  baseUrl: string;
  close(): Promise<void>;
  auditLog: Awaited<ReturnType<typeof startTestAuditLog>>;
  checkpointDir: string;
}[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const key = newSigningKeyPem();
  for (let i = 0; i < 2; i++) {
    const db = database.connect(6);
    const { app } = createTestApp(db);
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const config = await testAuditLogConfig(key);
    instances.push({
      db,
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      auditLog: await startTestAuditLog(db, config),
      checkpointDir: config.checkpointDir,
    });
  }
});
afterAll(async () => {
  for (const instance of instances) {
    await instance.auditLog.stop();
    await instance.close();
  }
  await database.drop();
});

/** `count` entries from `workers` concurrent writers on one instance; every fifth transaction rolls back. */
async function writeConcurrently(db: Database, label: string, count: number, workers: number) {
  let next = 0;
  let committed = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      await db
        .transaction()
        .execute(async (trx) => {
          await recordAudit(trx, testAuditEntry(`${label}-${i}`));
          if (i % 5 === 4) throw new Error('rolled back on purpose');
        })
        .then(
          () => committed++,
          () => {},
        );
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return committed;
}

describe('audit log with two API instances', () => {
  it('entries written concurrently through both end in one gap-free, consistent, signed tree', async () => {
    const buyers = await Promise.all(Array.from({ length: 4 }, () => createBuyer(database.db)));
    const countEntries = async () => {
      const { total } = await database.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll<string>().as('total'))
        .executeTakeFirstOrThrow();
      return Number(total);
    };
    const signedThrough = async (size: number) =>
      expect
        .poll(async () => (await checkpointsAfter(database.db, size - 1, 1)).length, { timeout: 20_000 })
        .toBe(1);
    // Two waves, each signed before the next, so the tree has checkpoints to hold against each other.
    for (const wave of [1, 2]) {
      const [committed] = await Promise.all([
        Promise.all(instances.map((instance, i) => writeConcurrently(instance.db, `w${wave}i${i}`, 150, 4))),
        // Sign-ins through HTTP on alternating instances write their entries the application's way.
        Promise.all(
          buyers.map((buyer, i) =>
            fetch(`${instances[(i + wave) % 2]?.baseUrl}/api/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email: buyer.email, password: TEST_PASSWORD }),
            }).then((response) => expect(response.status).toBe(200)),
          ),
        ),
      ]);
      expect(committed).toEqual([120, 120]);
      await signedThrough(await countEntries());
    }
    const entries = await countEntries();
    expect(entries).toBeGreaterThanOrEqual(488);

    const leaves = await database.db
      .selectFrom('auditLogLeaves')
      .select(['leafIndex', 'auditEventId'])
      .orderBy('leafIndex')
      .execute();
    expect(leaves.map((leaf) => leaf.leafIndex)).toEqual([...Array(entries).keys()]);
    const events = await database.db.selectFrom('auditEvents').select('id').orderBy('id').execute();
    expect(leaves.map((leaf) => leaf.auditEventId).sort((a, b) => a - b)).toEqual(
      events.map((event) => event.id),
    );
    expect((await readHead(database.db)).treeSize).toBe(entries);

    // Every checkpoint either instance signed extends the one before it.
    const checkpoints = await checkpointsAfter(database.db, 0, 10_000);
    expect(checkpoints.length).toBeGreaterThan(1);
    for (const [older, newer] of checkpoints.slice(1).map((newer, i) => [checkpoints[i], newer] as const)) {
      if (!older) continue;
      const { proof } = await consistencyProof(database.db, older.treeSize, newer.treeSize);
      const bytes = (hex: string) => Buffer.from(hex, 'hex');
      expect(
        verifyConsistency({
          oldSize: older.treeSize,
          newSize: newer.treeSize,
          oldRoot: bytes(older.rootHash),
          newRoot: bytes(newer.rootHash),
          proof: proof.map(bytes),
        }),
      ).toBe(true);
    }
    // Each instance's directory holds every checkpoint (its own and the other's), and all verify.
    for (const instance of instances) {
      const verify = () => verifyAuditLog(database.db, { checkpointDir: instance.checkpointDir });
      await expect
        .poll(async () => (await verify()).checkpointFiles, { timeout: 10_000 })
        .toBe(checkpoints.length);
      expect(await verify()).toMatchObject({
        ok: true,
        entries,
        checkpoints: checkpoints.length,
        problems: [],
      });
    }
  });
});
