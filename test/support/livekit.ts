import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { Socket } from 'node:net';
import type { LiveKitGateway } from '@jadelive/server/features/live/livekit-gateway';
import { type RunningLivekit, startLivekitDev } from '@jadelive/server/livekit-dev/run';
import { AccessToken } from 'livekit-server-sdk';

/** A cold build of LiveKit takes 4 to 16 minutes on 2 busy cores: hooks that start one wait this long. */
export const LIVEKIT_HOOK_TIMEOUT = 40 * 60_000;

/**
 * A real LiveKit server on free loopback ports for one test file. Finds or builds the binary;
 * when that fails the test fails with the reason (never skips).
 */
export function startTestLivekit(webhookUrl?: string): Promise<RunningLivekit> {
  const log = (message: string) => process.stderr.write(`[livekit] ${message}\n`);
  return startLivekitDev({ webhookUrl, logger: { info: log, warn: log } });
}

export interface SignalConnection {
  close(): void;
}

/**
 * Joins a room's signalling channel with a token, as a browser's first step, without WebRTC:
 * enough for LiveKit to admit the participant and apply the token's permissions. A minimal
 * WebSocket handshake (Node 20 has no WebSocket client); incoming frames are ignored.
 */
export function joinSignal(livekitUrl: string, token: string): Promise<SignalConnection> {
  const { hostname, port } = new URL(livekitUrl.replace(/^ws/, 'http'));
  const key = randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const req = request({
      host: hostname,
      port: Number(port),
      path: `/rtc?access_token=${encodeURIComponent(token)}&protocol=15&sdk=js&auto_subscribe=1`,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Key': key,
        'Sec-WebSocket-Version': '13',
      },
    });
    req.once('upgrade', (response, socket: Socket) => {
      const expected = createHash('sha1')
        .update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
        .digest('base64');
      if (response.headers['sec-websocket-accept'] !== expected) {
        socket.destroy();
        reject(new Error('bad WebSocket handshake'));
        return;
      }
      socket.on('data', () => {});
      socket.on('error', () => {});
      resolve({ close: () => socket.destroy() });
    });
    req.once('response', (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => reject(new Error(`LiveKit refused the join: ${response.statusCode} ${body}`)));
    });
    req.once('error', reject);
    req.end();
  });
}

/**
 * Signs a webhook body exactly as LiveKit does: a JWT issued by the API key whose `sha256` claim is
 * the base64 SHA-256 of the body, valid for `ttl` (LiveKit: 5 minutes).
 */
export async function signWebhook(
  apiKey: string,
  apiSecret: string,
  body: string,
  ttl: string | number = '5m',
): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, { ttl });
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

/** A webhook body in LiveKit's JSON (protojson) shape. */
export function webhookBody(event: {
  id?: string;
  event: string;
  roomName: string;
  createdAt?: Date;
  participant?: { sid: string; identity: string; hidden?: boolean; joinedAt?: Date };
  track?: { sid: string; source: 'CAMERA' | 'MICROPHONE' };
}): string {
  const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));
  const createdAt = event.createdAt ?? new Date();
  return JSON.stringify({
    event: event.event,
    room: { sid: `RM_${event.roomName.slice(-8)}`, name: event.roomName },
    participant: event.participant && {
      sid: event.participant.sid,
      identity: event.participant.identity,
      state: 'ACTIVE',
      joinedAt: seconds(event.participant.joinedAt ?? createdAt),
      permission: { canSubscribe: true, hidden: event.participant.hidden ?? false },
    },
    track: event.track && { sid: event.track.sid, type: 'VIDEO', source: event.track.source },
    id: event.id ?? `EV_${randomBytes(6).toString('hex')}`,
    createdAt: seconds(createdAt),
  });
}

/** The participant as LiveKit lists it, once it has been admitted (fails after a few seconds). */
export async function waitForParticipant(gateway: LiveKitGateway, room: string, identity: string) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = (await gateway.listParticipants(room)).find((p) => p.identity === identity);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`${identity} never appeared in ${room}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
