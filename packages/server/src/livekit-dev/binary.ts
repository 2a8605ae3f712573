import { spawn, spawnSync } from 'node:child_process';
import { constants, existsSync } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * The LiveKit server release we build and test against. v1.13.11 cannot be built from the module
 * proxy (a `replace`d dependency is not published there); v1.13.5 builds with a plain `go install`.
 */
export const LIVEKIT_VERSION = 'v1.13.5';
const GO_PACKAGE = 'github.com/livekit/livekit-server/cmd/server';
/** A lock older than this belongs to a build that died without cleaning up. */
const STALE_LOCK_MS = 60 * 60_000;
const BUILD_TIMEOUT_MS = 40 * 60_000;

export interface BinaryLogger {
  info(message: string): void;
  warn(message: string): void;
}

const quiet: BinaryLogger = { info: () => {}, warn: () => {} };

export function cacheDir(version = LIVEKIT_VERSION): string {
  const root = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(root, 'jadelive', `livekit-${version}`);
}

const cachedBinaryPath = (version: string) => path.join(cacheDir(version), 'server');
const lockPath = (version: string) => `${cacheDir(version)}.lock`;

/** `livekit-server` on PATH, if any. */
function onPath(): string | null {
  const result = spawnSync('sh', ['-c', 'command -v livekit-server'], { encoding: 'utf8' });
  const found = result.status === 0 ? result.stdout.trim() : '';
  return found || null;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** A binary that can run right now without building: an explicit path (`LIVEKIT_SERVER_BIN`), PATH, or the cache. */
export async function findLivekitBinary(
  version = LIVEKIT_VERSION,
  explicit?: string,
): Promise<string | null> {
  if (explicit && (await isExecutable(explicit))) return explicit;
  const fromPath = onPath();
  if (fromPath) return fromPath;
  const cached = cachedBinaryPath(version);
  return (await isExecutable(cached)) ? cached : null;
}

/**
 * Finds the LiveKit server binary or builds it with the machine's Go toolchain into the cache.
 * Concurrent callers (two test runs, the API and a test) share one build through a lock file:
 * whoever holds it builds, the others wait for the binary to appear.
 */
export async function findOrBuildLivekitBinary(
  options: { version?: string; logger?: BinaryLogger; signal?: AbortSignal } = {},
): Promise<string> {
  const version = options.version ?? LIVEKIT_VERSION;
  const logger = options.logger ?? quiet;
  const found = await findLivekitBinary(version);
  if (found) return found;
  await mkdir(path.dirname(cacheDir(version)), { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const cached = cachedBinaryPath(version);
    if (await isExecutable(cached)) return cached;
    if (await tryLock(version)) {
      try {
        if (await isExecutable(cached)) return cached;
        await build(version, logger, options.signal);
        return cached;
      } finally {
        await rm(lockPath(version), { force: true });
      }
    }
    options.signal?.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  throw new Error(`timed out waiting for the LiveKit ${version} build (lock ${lockPath(version)})`);
}

async function tryLock(version: string): Promise<boolean> {
  const file = lockPath(version);
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(`${process.pid}\n${new Date().toISOString()}\n`);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (await isStaleLock(file)) {
    await rm(file, { force: true });
    return tryLock(version);
  }
  return false;
}

async function isStaleLock(file: string): Promise<boolean> {
  try {
    const [pidLine] = (await readFile(file, 'utf8')).split('\n');
    const pid = Number(pidLine);
    const age = Date.now() - (await stat(file)).mtimeMs;
    return age > STALE_LOCK_MS || !Number.isInteger(pid) || !isAlive(pid);
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `go install` into a scratch GOBIN, then an atomic rename: nobody ever runs a half-written file. */
async function build(version: string, logger: BinaryLogger, signal?: AbortSignal): Promise<void> {
  const target = cacheDir(version);
  const scratch = `${target}.build-${process.pid}`;
  // Holding the lock, any other scratch directory is left over from a build that was killed.
  const parent = path.dirname(target);
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(`${path.basename(target)}.build-`)) {
      await rm(path.join(parent, entry), { recursive: true, force: true });
    }
  }
  await mkdir(scratch, { recursive: true });
  logger.info(`building LiveKit server ${version} with Go into ${target} (takes minutes on first run)`);
  const started = Date.now();
  try {
    const exitCode = await new Promise<number>((resolve, reject) => {
      const child = spawn('go', ['install', `${GO_PACKAGE}@${version}`], {
        env: { ...process.env, GOBIN: scratch },
        signal,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.once('error', (error) =>
        reject(
          signal?.aborted
            ? new Error('LiveKit build cancelled')
            : new Error(`cannot run the Go toolchain (is \`go\` on PATH?): ${error.message}`),
        ),
      );
      child.once('exit', (code) => resolve(code ?? 1));
    });
    if (exitCode !== 0 || !existsSync(path.join(scratch, 'server'))) {
      throw new Error(`go install ${GO_PACKAGE}@${version} failed (exit ${exitCode})`);
    }
    await mkdir(target, { recursive: true });
    await rename(path.join(scratch, 'server'), cachedBinaryPath(version));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  logger.info(`built LiveKit server ${version} in ${Math.round((Date.now() - started) / 1000)} s`);
}
