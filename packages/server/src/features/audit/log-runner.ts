import path from 'node:path';
import type { Logger } from 'pino';
import type { Database } from '../../db/database';
import type { Env } from '../../env';
import { mirrorCheckpoints, writeCheckpointFile } from './checkpoint-files';
import { registerSigningKey } from './log-repository';
import { createSequencer, SEQUENCE_BATCH, type SequencerStep } from './sequencer';
import { type CheckpointSigner, loadCheckpointSigner } from './signing';

export interface AuditLogConfig {
  /** `AUDIT_SIGNING_KEY`: PKCS#8 PEM or base64 Ed25519 seed; without it, the key in `signingKeyFile`. */
  signingKey: string | undefined;
  signingKeyFile: string;
  checkpointDir: string;
  checkpointEveryMs: number;
  sequenceEveryMs: number;
}

/**
 * The audit log's settings. Its files live beside the embedded PostgreSQL's data directory
 * (`.data/audit/…` by default, next to `.data/postgres`), so a development restart keeps its key.
 */
export function auditLogConfigFromEnv(env: Env): AuditLogConfig {
  const dataDir = path.dirname(path.resolve(env.EMBEDDED_PG_DIR));
  return {
    signingKey: env.AUDIT_SIGNING_KEY,
    signingKeyFile: env.AUDIT_SIGNING_KEY_FILE ?? path.join(dataDir, 'audit', 'signing-key.pem'),
    checkpointDir: env.AUDIT_CHECKPOINT_DIR ?? path.join(dataDir, 'audit', 'checkpoints'),
    checkpointEveryMs: env.AUDIT_CHECKPOINT_EVERY_MS,
    sequenceEveryMs: env.AUDIT_SEQUENCE_EVERY_MS,
  };
}

export interface RunningAuditLog {
  signer: CheckpointSigner;
  /** Resolves with the next step's outcome (for tests and benches that wait for numbering). */
  nextStep(): Promise<SequencerStep>;
  stop(): Promise<void>;
}

/**
 * Starts this instance's sequencer candidate: a loop that runs a sequencer step every
 * `sequenceEveryMs` (at once again while batches come back full) and copies new checkpoints into
 * the checkpoint directory. Every instance runs one; the advisory lock makes one of them the
 * sequencer at a time. `stop` ends the loop after the step under way.
 */
export async function startAuditLog(
  deps: { db: Database; logger: Pick<Logger, 'info' | 'warn' | 'error'> },
  config: AuditLogConfig,
): Promise<RunningAuditLog> {
  const { signer, source } = await loadCheckpointSigner({
    configuredKey: config.signingKey,
    keyFile: config.signingKeyFile,
  });
  if (source !== 'configured') {
    deps.logger.warn(
      { keyFile: config.signingKeyFile, keyId: signer.keyId },
      source === 'generated'
        ? 'audit log: generated a checkpoint signing key; set AUDIT_SIGNING_KEY in production'
        : 'audit log: checkpoints are signed with the key file; set AUDIT_SIGNING_KEY in production',
    );
  }
  await registerSigningKey(deps.db, signer.keyId, signer.publicKey);
  const sequencer = createSequencer(deps.db, deps.logger, {
    signer,
    checkpointEveryMs: config.checkpointEveryMs,
  });

  let stopped = false;
  let wake: (() => void) | null = null;
  let waiters: ((step: SequencerStep) => void)[] = [];
  let mirroredThrough = 0;
  let lastMirrorAt = 0;

  async function runOnce(): Promise<SequencerStep | null> {
    try {
      const step = await sequencer.step();
      if (step.checkpoint) await writeCheckpointFile(config.checkpointDir, step.checkpoint);
      if (Date.now() - lastMirrorAt >= config.checkpointEveryMs) {
        lastMirrorAt = Date.now();
        mirroredThrough = await mirrorCheckpoints(deps.db, config.checkpointDir, mirroredThrough);
      }
      return step;
    } catch (error) {
      deps.logger.warn({ err: error }, 'audit log sequencing failed');
      return null;
    }
  }

  const loop = (async () => {
    while (!stopped) {
      const step = await runOnce();
      if (step) {
        for (const resolve of waiters) resolve(step);
        waiters = [];
      }
      if (stopped || (step && step.sequenced === SEQUENCE_BATCH)) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, config.sequenceEveryMs);
        timer.unref();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();

  return {
    signer,
    nextStep: () => new Promise<SequencerStep>((resolve) => waiters.push(resolve)),
    async stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}
