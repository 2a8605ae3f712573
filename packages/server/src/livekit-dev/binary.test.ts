import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheDir, findOrBuildLivekitBinary } from './binary';

// A made-up version, so nothing here ever finds or builds a real LiveKit.
const VERSION = 'v0.0.0-locktest';
let cacheRoot: string;
const savedEnv = { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, PATH: process.env.PATH };

beforeEach(async () => {
  cacheRoot = await mkdtemp(path.join(tmpdir(), 'jadelive-lkcache-'));
  process.env.XDG_CACHE_HOME = cacheRoot;
});
afterEach(async () => {
  process.env.XDG_CACHE_HOME = savedEnv.XDG_CACHE_HOME;
  process.env.PATH = savedEnv.PATH;
  await rm(cacheRoot, { recursive: true, force: true });
});

describe('finding or building the LiveKit binary', () => {
  it('waits for a build another live process holds the lock for, and uses its binary', async () => {
    const dir = cacheDir(VERSION);
    await mkdir(path.dirname(dir), { recursive: true });
    await writeFile(`${dir}.lock`, `${process.pid}\n`);
    // The other builder finishes a moment later.
    setTimeout(async () => {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'server'), '#!/bin/sh\n');
      await chmod(path.join(dir, 'server'), 0o755);
    }, 500);
    const started = Date.now();
    expect(await findOrBuildLivekitBinary({ version: VERSION })).toBe(path.join(dir, 'server'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });

  it('takes over the lock of a builder that died, and fails loudly when it cannot build', async () => {
    const dir = cacheDir(VERSION);
    await mkdir(path.dirname(dir), { recursive: true });
    await writeFile(`${dir}.lock`, '2147483646\n');
    process.env.PATH = '/nonexistent';
    await expect(findOrBuildLivekitBinary({ version: VERSION })).rejects.toThrow(/Go toolchain/);
    // Neither the lock nor a scratch directory is left behind.
    expect(await readdir(path.dirname(dir))).toEqual([]);
  });
});
