import { connect, type Socket } from 'node:net';

/**
 * LiveKit keeps its cluster state under fixed key names (`nodes`, `rooms`, `room_node_map`…) with no
 * prefix, so clusters that share one Redis are kept apart by database index. A cluster claims an
 * index in database 0 (`SET NX` with an expiry, so a crashed run frees it again), empties that
 * database of what a crashed run left (stale nodes would be picked for rooms), and releases it.
 */
const FIRST_DB = 1;
const LAST_DB = 15;
const CLAIM_SECONDS = 6 * 3600;

export interface ClaimedRedisDb {
  address: string;
  db: number;
  release(): Promise<void>;
}

export async function claimRedisDb(address: string): Promise<ClaimedRedisDb> {
  const redis = await openRedis(address);
  try {
    for (let db = FIRST_DB; db <= LAST_DB; db++) {
      const key = claimKey(db);
      const claimed = await redis.command('SET', key, String(process.pid), 'NX', 'EX', String(CLAIM_SECONDS));
      if (claimed !== 'OK') continue;
      await redis.command('SELECT', String(db));
      await redis.command('FLUSHDB');
      return {
        address,
        db,
        release: async () => {
          const again = await openRedis(address);
          try {
            await again.command('SELECT', String(db));
            await again.command('FLUSHDB');
            await again.command('SELECT', '0');
            await again.command('DEL', key);
          } finally {
            again.close();
          }
        },
      };
    }
  } finally {
    redis.close();
  }
  throw new Error(
    `every Redis database ${FIRST_DB}–${LAST_DB} on ${address} is claimed by another LiveKit cluster`,
  );
}

const claimKey = (db: number) => `jadelive:livekit-dev:db:${db}`;

interface RedisConnection {
  /** Sends one command and resolves with its reply's first line (`OK`, an integer, or null for nil). */
  command(...args: string[]): Promise<string | null>;
  close(): void;
}

/** Just enough of RESP for the commands above: one command at a time, simple one-line replies. */
function openRedis(address: string): Promise<RedisConnection> {
  const [host = '127.0.0.1', port = '6379'] = address.split(':');
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host, port: Number(port) });
    let buffer = '';
    let waiting: { resolve: (reply: string | null) => void; reject: (error: Error) => void } | null = null;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\r\n');
      if (end < 0 || !waiting) return;
      const line = buffer.slice(0, end);
      buffer = '';
      const pending = waiting;
      waiting = null;
      if (line.startsWith('-')) pending.reject(new Error(`Redis: ${line.slice(1)}`));
      else if (line === '$-1') pending.resolve(null);
      else pending.resolve(line.slice(1));
    });
    socket.once('error', (error) => {
      if (waiting) waiting.reject(error);
      else reject(error);
    });
    socket.once('connect', () =>
      resolve({
        command: (...args) =>
          new Promise((resolveReply, rejectReply) => {
            waiting = { resolve: resolveReply, reject: rejectReply };
            const parts = args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`);
            socket.write(`*${args.length}\r\n${parts.join('')}`);
          }),
        close: () => socket.destroy(),
      }),
    );
  });
}
