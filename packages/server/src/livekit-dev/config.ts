export interface LivekitDevConfig {
  /** HTTP + WebSocket signalling port. */
  port: number;
  /** ICE over TCP (fallback) and the single muxed ICE/UDP port. */
  tcpPort: number;
  udpPort: number;
  apiKey: string;
  apiSecret: string;
  /** Where LiveKit posts webhooks (signed with `apiKey`); none when empty. */
  webhookUrls: string[];
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /**
   * Redis shared by the nodes of a cluster (`host:port` and database index): nodes register there
   * and relay signalling to the node that holds a room. A single node needs none.
   */
  redis?: { address: string; db: number };
}

// JSON strings are valid YAML scalars, so quoting through JSON.stringify needs no YAML library.
const q = (value: string) => JSON.stringify(value);

/**
 * The YAML config for a single-node development/test server that never leaves loopback:
 * bound to 127.0.0.1, advertising 127.0.0.1 as its only ICE candidate (a set `node_ip` also turns
 * off STUN lookups), and rooms
 * only created through the API (`auto_create: false`) so a token alone cannot open a room.
 */
export function livekitConfigYaml(config: LivekitDevConfig): string {
  if (config.apiSecret.length < 32) throw new Error('LiveKit API secrets must be at least 32 characters');
  const lines = [
    `port: ${config.port}`,
    'bind_addresses:',
    `  - ${q('127.0.0.1')}`,
    'rtc:',
    `  node_ip: ${q('127.0.0.1')}`,
    '  use_external_ip: false',
    `  tcp_port: ${config.tcpPort}`,
    `  udp_port: ${config.udpPort}`,
    // Loopback is excluded from ICE by default; here it is the only network there is.
    '  enable_loopback_candidate: true',
    '  ips:',
    '    includes:',
    `      - ${q('127.0.0.0/8')}`,
    'room:',
    '  auto_create: false',
    'keys:',
    `  ${q(config.apiKey)}: ${q(config.apiSecret)}`,
    'logging:',
    `  level: ${q(config.logLevel ?? 'warn')}`,
  ];
  if (config.redis) {
    lines.push('redis:', `  address: ${q(config.redis.address)}`, `  db: ${config.redis.db}`);
  }
  if (config.webhookUrls.length > 0) {
    lines.push('webhook:', `  api_key: ${q(config.apiKey)}`, '  urls:');
    for (const url of config.webhookUrls) lines.push(`    - ${q(url)}`);
  }
  return `${lines.join('\n')}\n`;
}
