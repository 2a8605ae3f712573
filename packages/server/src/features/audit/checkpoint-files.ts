import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type AuditCheckpoint, auditCheckpointSchema } from '@jadelive/shared/audit/checkpoint';
import type { Database } from '../../db/database';
import { checkpointsAfter } from './log-repository';

/**
 * Checkpoints copied out of the database, one JSON file each (the API's checkpoint shape), in a
 * folder per UTC day: `<dir>/2026-12-07/0000000000012345.json`. Whoever can rewrite the database
 * still cannot make these files agree with a rewritten history without the signing key.
 */
export function checkpointFilePath(dir: string, checkpoint: AuditCheckpoint): string {
  return path.join(
    dir,
    checkpoint.issuedAt.slice(0, 10),
    `${String(checkpoint.treeSize).padStart(16, '0')}.json`,
  );
}

/** Writes the file unless it is there; written aside and renamed, so a reader never sees half. */
export async function writeCheckpointFile(dir: string, checkpoint: AuditCheckpoint): Promise<boolean> {
  const file = checkpointFilePath(dir, checkpoint);
  if (existsSync(file)) return false;
  await mkdir(path.dirname(file), { recursive: true });
  const aside = `${file}.${process.pid}.tmp`;
  await writeFile(aside, `${JSON.stringify(checkpoint, null, 2)}\n`);
  await rename(aside, file);
  return true;
}

const MIRROR_BATCH = 500;

/**
 * Copies the checkpoints after `afterSize` (any instance's) into `dir`; answers the largest size
 * seen, where the next call goes on from.
 */
export async function mirrorCheckpoints(db: Database, dir: string, afterSize: number): Promise<number> {
  let last = afterSize;
  for (;;) {
    const batch = await checkpointsAfter(db, last, MIRROR_BATCH);
    for (const checkpoint of batch) await writeCheckpointFile(dir, checkpoint);
    last = batch.at(-1)?.treeSize ?? last;
    if (batch.length < MIRROR_BATCH) return last;
  }
}

export interface CheckpointFile {
  file: string;
  checkpoint: AuditCheckpoint | null;
  /** Why the file is not a checkpoint, when it is not. */
  error?: string;
}

/** Every `*.json` under `dir` (none when it does not exist), parsed; unreadable ones say why. */
export async function readCheckpointFiles(dir: string): Promise<CheckpointFile[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  return Promise.all(
    files.map(async (file): Promise<CheckpointFile> => {
      try {
        const parsed = auditCheckpointSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
        return parsed.success
          ? { file, checkpoint: parsed.data }
          : { file, checkpoint: null, error: parsed.error.issues[0]?.message ?? 'not a checkpoint' };
      } catch (error) {
        return { file, checkpoint: null, error: (error as Error).message };
      }
    }),
  );
}
