import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '@jadelive/server/db/database';
import { latestCheckpoint, readHead } from '@jadelive/server/features/audit/log-repository';
import { type AuditLogConfig, startAuditLog } from '@jadelive/server/features/audit/log-runner';
import { type AuditEntry, recordAudit } from '@jadelive/server/features/audit/repository';
import { sql } from 'kysely';
import pino from 'pino';

/** A fresh Ed25519 key as AUDIT_SIGNING_KEY takes it (PKCS#8 PEM). */
export function newSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** Audit-log settings for a test: its own directory, a given key, and short intervals. */
export async function testAuditLogConfig(signingKey: string, dir?: string): Promise<AuditLogConfig> {
  const root = dir ?? (await mkdtemp(path.join(tmpdir(), 'jadelive-audit-')));
  return {
    signingKey,
    signingKeyFile: path.join(root, 'signing-key.pem'),
    checkpointDir: path.join(root, 'checkpoints'),
    checkpointEveryMs: 100,
    sequenceEveryMs: 20,
  };
}

/** This instance's sequencer candidate, as `startServer` runs it; stop it in `afterAll`. */
export function startTestAuditLog(db: Database, config: AuditLogConfig) {
  return startAuditLog({ db, logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) }, config);
}

/** Waits until a signed checkpoint covers at least `size` entries; answers it. */
export async function waitForSignedSize(db: Database, size: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const checkpoint = await latestCheckpoint(db);
    if (checkpoint && checkpoint.treeSize >= size) return checkpoint;
    if (Date.now() > deadline) {
      const head = await readHead(db);
      throw new Error(`no checkpoint of ${size} entries within ${timeoutMs} ms (log: ${head.treeSize})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A test's audit entry (by the system, about a test target): what a state change would record. */
export function testAuditEntry(targetId: string, details: Record<string, unknown> = {}): AuditEntry {
  return {
    action: 'token.issued',
    actorUserId: null,
    organizationId: null,
    targetType: 'test',
    targetId,
    details,
  };
}

/** `count` audit entries, each committed in its own transaction; answers their ids in order. */
export async function writeAuditEntries(db: Database, count: number, label: string): Promise<number[]> {
  for (let i = 0; i < count; i++) {
    await db.transaction().execute((trx) => recordAudit(trx, testAuditEntry(`${label}-${i}`, { label, i })));
  }
  const rows = await db
    .selectFrom('auditEvents')
    .select('id')
    .where('targetId', 'like', `${label}-%`)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Runs `change` as a database superuser with every trigger off (`session_replication_role =
 * replica`): what someone with the database's keys, not the application's, could do.
 */
export async function behindTheApplicationsBack(db: Database, change: (trx: Database) => Promise<unknown>) {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await change(trx);
  });
}
