/**
 * `pnpm -s audit:verify`: recomputes the audit log's Merkle tree from `audit_events` and checks it
 * against every signed checkpoint, in the database and in AUDIT_CHECKPOINT_DIR. The last line of
 * output is JSON: `{"ok":true,"entries":N,...}` and exit 0 when intact; `{"ok":false,
 * "firstBadIndex":i,"problems":[...]}` and exit 1 when an entry was changed, deleted, inserted or
 * reordered behind the application's back (or a checkpoint does not hold); exit 2 when it could
 * not check at all. Uses DATABASE_URL, else the embedded PostgreSQL, like the other commands.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import pino from 'pino';
import { openDatabase } from '../db/open';
import { loadEnv } from '../env';
import { auditLogConfigFromEnv } from '../features/audit/log-runner';
import { parseSigningKey, signerFromKey } from '../features/audit/signing';
import { verifyAuditLog } from '../features/audit/verify-log';

async function configuredKey(config: ReturnType<typeof auditLogConfigFromEnv>) {
  const text =
    config.signingKey ??
    (existsSync(config.signingKeyFile) ? await readFile(config.signingKeyFile, 'utf8') : null);
  if (!text) return undefined;
  const { keyId, publicKey } = signerFromKey(parseSigningKey(text));
  return { keyId, publicKey };
}

async function main(): Promise<number> {
  const env = loadEnv();
  // Logs go to stderr: stdout is the report.
  const logger = pino({ level: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL }, pino.destination(2));
  const config = auditLogConfigFromEnv(env);
  // A checker only reads: pointed at the wrong database it must say so, not create our schema there.
  const database = await openDatabase(env, logger, { migrate: false });
  try {
    const started = performance.now();
    const report = await verifyAuditLog(database.db, {
      checkpointDir: config.checkpointDir,
      expectedKey: await configuredKey(config),
    });
    process.stdout.write(`${JSON.stringify({ ...report, ms: Math.round(performance.now() - started) })}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ ok: false, error: (error as Error).message })}\n`);
    process.exitCode = 2;
  },
);
