import { randomBytes } from 'node:crypto';
import { findOrBuildLivekitBinary } from './binary';
import { claimRedisDb } from './redis-db';
import { type RunningLivekit, type StartLivekitOptions, startLivekitDev } from './run';

export interface RunningLivekitCluster {
  /** The nodes, each on its own signalling and RTC ports; any of them admits any room's participants. */
  nodes: RunningLivekit[];
  redis: { address: string; db: number };
  stop(): Promise<void>;
}

export const DEFAULT_REDIS_ADDRESS = '127.0.0.1:6379';

/**
 * Several livekit-server nodes on loopback sharing one Redis, as in production: they share keys,
 * register in Redis, a room lives on one node and a participant who connects to another node is
 * relayed to it. The Redis database is claimed for this cluster alone (see `redis-db.ts`).
 */
export async function startLivekitCluster(
  options: Omit<StartLivekitOptions, 'apiSecret' | 'redis'> & { nodes: number; redisAddress?: string },
): Promise<RunningLivekitCluster> {
  const { nodes: count, redisAddress = DEFAULT_REDIS_ADDRESS, ...nodeOptions } = options;
  const binary = nodeOptions.binary ?? (await findOrBuildLivekitBinary({ logger: nodeOptions.logger }));
  const claimed = await claimRedisDb(redisAddress);
  const redis = { address: claimed.address, db: claimed.db };
  const apiSecret = randomBytes(32).toString('base64url');
  const nodes: RunningLivekit[] = [];
  const stop = async () => {
    for (const node of nodes.reverse()) await node.stop();
    await claimed.release();
  };
  try {
    for (let i = 0; i < count; i++) {
      nodes.push(await startLivekitDev({ ...nodeOptions, binary, apiSecret, redis }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodes, redis, stop };
}
