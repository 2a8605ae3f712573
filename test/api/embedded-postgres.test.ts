import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@jadelive/server/db/embedded';
import { resolvePostgresBinaries } from '@jadelive/server/db/postgres-runner';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A private checkout: the binaries and the data both sit below a 0700 directory, as in a clone
// under /root. As root the server must still start, and no directory outside the data directory
// may change owner or mode on the way (the old code added search bits up to /root).
describe(`the embedded PostgreSQL in a private checkout (running as ${userInfo().username})`, () => {
  let privateDir: string;
  let binaries: { initdb: string; postgres: string };

  beforeAll(async () => {
    privateDir = await mkdtemp(path.join(tmpdir(), 'jadelive-private-checkout-'));
    await chmod(privateDir, 0o700);
    const installed = await resolvePostgresBinaries();
    const nativeDir = path.dirname(path.dirname(installed.postgres));
    execFileSync('cp', ['-a', nativeDir, path.join(privateDir, 'native')]);
    const inCopy = (binary: string) => path.join(privateDir, 'native', path.relative(nativeDir, binary));
    binaries = { initdb: inCopy(installed.initdb), postgres: inCopy(installed.postgres) };
  }, 60_000);

  afterAll(async () => {
    await rm(privateDir, { recursive: true, force: true });
  });

  it('starts, keeps its data across a restart, and changes no permission outside its data', async () => {
    const dataDir = path.join(privateDir, '.data', 'postgres');
    const before = await modesUpTo(privateDir);

    const first = await startEmbeddedPostgres({ dataDir, binaries });
    try {
      await query(first.url, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$still here$$)');
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres({ dataDir, binaries });
    try {
      const rows = await query(second.url, 'SELECT note FROM kept');
      expect(rows).toEqual([{ note: 'still here' }]);
    } finally {
      await second.stop();
    }

    expect(await modesUpTo(privateDir)).toEqual(before);
    expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
  }, 120_000);

  it('says why when its server cannot start', async () => {
    const dataDir = path.join(privateDir, 'broken');
    const broken = { initdb: binaries.initdb, postgres: path.join(privateDir, 'no-such-postgres') };
    await expect(startEmbeddedPostgres({ dataDir, binaries: broken })).rejects.toThrow(/before it was ready/);
  }, 60_000);
});

/** Owner and mode of the directory and each of its ancestors. */
async function modesUpTo(dir: string) {
  const modes: Record<string, string> = {};
  for (let current = dir; ; current = path.dirname(current)) {
    const found = await stat(current);
    modes[current] = `${found.uid}:${found.gid}:${(found.mode & 0o7777).toString(8)}`;
    if (path.dirname(current) === current) return modes;
  }
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(sql);
    return Array.isArray(result) ? result.at(-1)?.rows : result.rows;
  } finally {
    await client.end();
  }
}
