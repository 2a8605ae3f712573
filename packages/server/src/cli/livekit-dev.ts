// Local LiveKit for development and tests.
//   tsx src/cli/livekit-dev.ts build              find or build the server binary, print its path
//   tsx src/cli/livekit-dev.ts run [--webhook URL] run one on free loopback ports until Ctrl-C
//   tsx src/cli/livekit-dev.ts run --nodes 2 [--redis 127.0.0.1:6379]
//                                                  a cluster of nodes sharing Redis (a database of its own)
import { parseArgs } from 'node:util';
import { findOrBuildLivekitBinary, LIVEKIT_VERSION } from '../livekit-dev/binary';
import { DEFAULT_REDIS_ADDRESS, startLivekitCluster } from '../livekit-dev/cluster';
import { startLivekitDev } from '../livekit-dev/run';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    webhook: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    nodes: { type: 'string', default: '1' },
    redis: { type: 'string', default: DEFAULT_REDIS_ADDRESS },
  },
});
const command = positionals[0] ?? 'run';
const logger = {
  info: (message: string) => process.stderr.write(`${message}\n`),
  warn: (message: string) => process.stderr.write(`warning: ${message}\n`),
};

if (command === 'build') {
  process.stdout.write(`${await findOrBuildLivekitBinary({ logger })}\n`);
} else if (command === 'run' && Number(values.nodes) > 1) {
  const cluster = await startLivekitCluster({
    nodes: Number(values.nodes),
    redisAddress: values.redis,
    webhookUrl: values.webhook,
    logger,
    verbose: values.verbose,
  });
  const [first] = cluster.nodes;
  process.stdout.write(
    [
      `LiveKit ${LIVEKIT_VERSION}: ${cluster.nodes.length} nodes sharing Redis ${cluster.redis.address} db ${cluster.redis.db}`,
      ...cluster.nodes.map((node, i) => `  node ${i + 1}: ${node.url} (pid ${node.pid})`),
      `  LIVEKIT_URL=${first?.url}  LIVEKIT_API_KEY=${first?.apiKey}  LIVEKIT_API_SECRET=${first?.apiSecret}`,
      '',
    ].join('\n'),
  );
  const stop = () => void cluster.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else if (command === 'run') {
  const livekit = await startLivekitDev({ webhookUrl: values.webhook, logger, verbose: values.verbose });
  process.stdout.write(
    [
      `LiveKit ${LIVEKIT_VERSION} running (pid ${livekit.pid}); point the API at it with:`,
      `  LIVEKIT_URL=${livekit.url}`,
      `  LIVEKIT_API_KEY=${livekit.apiKey}`,
      `  LIVEKIT_API_SECRET=${livekit.apiSecret}`,
      values.webhook
        ? `  webhooks → ${values.webhook}`
        : '  (no webhooks: pass --webhook http://127.0.0.1:3000/api/live/webhooks)',
      '',
    ].join('\n'),
  );
  const stop = () => void livekit.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  process.stderr.write(`unknown command ${command}: use build or run\n`);
  process.exitCode = 2;
}
