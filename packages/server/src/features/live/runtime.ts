import type { Logger } from 'pino';
import type { AppDeps } from '../../deps';
import { type Env, shouldRunLivekitDev } from '../../env';
import { findLivekitBinary, findOrBuildLivekitBinary } from '../../livekit-dev/binary';
import { type RunningLivekit, startLivekitDev } from '../../livekit-dev/run';
import { createLiveKitGateway } from './livekit-sdk-gateway';
import { startReconciler } from './reconcile';

/**
 * With the host-away grace (HOST_AWAY_GRACE_SECONDS, 30 s) a host gone without a webhook leaves
 * the public list within a minute.
 */
const RECONCILE_EVERY_MS = 30_000;

export interface LiveVideoRuntime {
  stop(): Promise<void>;
}

/**
 * Connects live video once the HTTP port is known (the local server's webhooks point at it):
 * the configured LiveKit (`LIVEKIT_URL`), or a local development server. Never holds up start:
 * when the local binary still has to be built, the build runs in the background and live video
 * stays unavailable (`deps.livekit` null, `GET /api/live/status` says so) until it is ready.
 */
export async function startLiveVideo(
  env: Env,
  deps: AppDeps,
  apiPort: number,
  logger: Logger,
): Promise<LiveVideoRuntime> {
  let stopped = false;
  const building = new AbortController();
  let pendingBuild: Promise<unknown> = Promise.resolve();
  let local: RunningLivekit | null = null;
  let reconciler: { stop(): Promise<void> } | null = null;

  const connect = (credentials: { url: string; apiKey: string; apiSecret: string }) => {
    deps.livekit = createLiveKitGateway(credentials);
    reconciler = startReconciler(deps, RECONCILE_EVERY_MS);
  };

  const startLocal = async (binary: string) => {
    const webhookHost = ['0.0.0.0', '::', '', 'localhost'].includes(env.HOST) ? '127.0.0.1' : env.HOST;
    local = await startLivekitDev({
      binary,
      webhookUrl: `http://${webhookHost}:${apiPort}/api/live/webhooks`,
    });
    if (stopped) return local.stop();
    connect(local);
    logger.info({ url: local.url }, 'local LiveKit server running; live video available');
  };

  if (env.LIVEKIT_URL) {
    if (!env.LIVEKIT_API_KEY || !env.LIVEKIT_API_SECRET) {
      throw new Error('LIVEKIT_URL is set but LIVEKIT_API_KEY or LIVEKIT_API_SECRET is missing');
    }
    connect({ url: env.LIVEKIT_URL, apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET });
    logger.info({ url: env.LIVEKIT_URL }, 'live video through the configured LiveKit');
  } else if (shouldRunLivekitDev(env)) {
    const binary = await findLivekitBinary(undefined, env.LIVEKIT_SERVER_BIN);
    if (binary) {
      await startLocal(binary).catch((error: unknown) =>
        logger.warn({ err: error }, 'local LiveKit server did not start; live video unavailable'),
      );
    } else {
      logger.warn(
        'LiveKit server not built yet: building it in the background; live video unavailable until then',
      );
      const log = { info: (m: string) => logger.info(m), warn: (m: string) => logger.warn(m) };
      pendingBuild = findOrBuildLivekitBinary({ logger: log, signal: building.signal })
        .then((built) => (stopped ? undefined : startLocal(built)))
        .catch((error: unknown) => {
          if (!stopped) logger.warn({ err: error }, 'LiveKit build failed; live video unavailable');
        });
    }
  } else {
    logger.warn('no LiveKit configured (LIVEKIT_URL); live video unavailable');
  }

  return {
    async stop() {
      stopped = true;
      building.abort();
      // Let a cancelled build clean up its lock and scratch directory before the process exits.
      await pendingBuild;
      await (reconciler as { stop(): Promise<void> } | null)?.stop();
      deps.livekit = null;
      await (local as RunningLivekit | null)?.stop();
    },
  };
}
