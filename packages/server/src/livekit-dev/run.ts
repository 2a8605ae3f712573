import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BinaryLogger, findOrBuildLivekitBinary } from './binary';
import { livekitConfigYaml } from './config';
import { distinctFreeTcpPorts, freeUdpPort } from './ports';

export interface RunningLivekit {
  /** WebSocket URL clients connect to (`ws://127.0.0.1:<port>`). */
  url: string;
  /** The same server over HTTP, for the server API (Twirp). */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The current process (it changes on `restart`). */
  pid: number;
  stop(): Promise<void>;
  /**
   * Kills the server at once (SIGKILL: a crash, rooms and participants lost) and starts it again
   * on the same ports with the same keys, as a supervisor would; resolves when it answers again.
   */
  restart(): Promise<void>;
}

export interface StartLivekitOptions {
  /** Where LiveKit posts its webhooks, e.g. `http://127.0.0.1:3000/api/live/webhooks`. */
  webhookUrl?: string;
  /** A binary to run; found or built (see `binary.ts`) when left out. */
  binary?: string;
  logger?: BinaryLogger;
  /** Pass LiveKit's own log lines through to this process's stderr. */
  verbose?: boolean;
  /** The API secret (the nodes of one cluster share it); a fresh random one when left out. */
  apiSecret?: string;
  /** Redis shared with other nodes (see `cluster.ts`); a lone node when left out. */
  redis?: { address: string; db: number };
}

const API_KEY = 'devkey';
const READY_TIMEOUT_MS = 20_000;
/** Live servers and their config directories (which hold the secret). */
const running = new Map<ChildProcess, string>();

// A test run or `pnpm start` that dies must not leave LiveKit servers holding ports.
process.once('exit', () => {
  for (const [child, dir] of running) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Starts a single-node LiveKit server on free loopback ports with a fresh random secret, waits
 * until it answers, and returns how to reach it. Ports are picked by the OS and can be taken by
 * someone else before LiveKit binds them, so a failed start is retried on new ports.
 */
export async function startLivekitDev(options: StartLivekitOptions = {}): Promise<RunningLivekit> {
  const binary = options.binary ?? (await findOrBuildLivekitBinary({ logger: options.logger }));
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(binary, options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(binary: string, options: StartLivekitOptions): Promise<RunningLivekit> {
  const [port, tcpPort] = (await distinctFreeTcpPorts(2)) as [number, number];
  const udpPort = await freeUdpPort();
  const apiSecret = options.apiSecret ?? randomBytes(32).toString('base64url');
  const dir = await mkdtemp(path.join(tmpdir(), 'jadelive-livekit-'));
  const configFile = path.join(dir, 'livekit.yaml');
  await writeFile(
    configFile,
    livekitConfigYaml({
      port,
      tcpPort,
      udpPort,
      apiKey: API_KEY,
      apiSecret,
      webhookUrls: options.webhookUrl ? [options.webhookUrl] : [],
      redis: options.redis,
    }),
    { mode: 0o600 },
  );
  let stderr = '';
  const launch = () => {
    const child = spawn(binary, ['--config', configFile], {
      stdio: ['ignore', options.verbose ? 'inherit' : 'ignore', options.verbose ? 'inherit' : 'pipe'],
    });
    running.set(child, dir);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, exited };
  };
  let current = launch();
  const kill = async (signal: NodeJS.Signals) => {
    const { child, exited } = current;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const killLater = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killLater);
    }
    running.delete(child);
  };
  const stop = async () => {
    await kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  };
  const httpUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(httpUrl, current.exited);
  } catch (error) {
    await stop();
    throw new Error(`LiveKit did not start: ${(error as Error).message}\n${stderr}`);
  }
  const started: RunningLivekit = {
    url: `ws://127.0.0.1:${port}`,
    httpUrl,
    apiKey: API_KEY,
    apiSecret,
    pid: current.child.pid ?? 0,
    stop,
    async restart() {
      await kill('SIGKILL');
      current = launch();
      started.pid = current.child.pid ?? 0;
      try {
        await waitUntilReady(httpUrl, current.exited);
      } catch (error) {
        throw new Error(`LiveKit did not come back: ${(error as Error).message}\n${stderr}`);
      }
    },
  };
  return started;
}

async function waitUntilReady(httpUrl: string, exited: Promise<number | null>): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone) throw new Error('the process exited');
    try {
      const response = await fetch(httpUrl, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer on ${httpUrl} within ${READY_TIMEOUT_MS} ms`);
}
