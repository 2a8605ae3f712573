import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningLivekitCluster, startLivekitCluster } from '@jadelive/server/livekit-dev/cluster';
import { AccessToken, RoomServiceClient, TrackType } from 'livekit-server-sdk';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { LIVEKIT_HOOK_TIMEOUT } from '../support/livekit';

// Two real livekit-server nodes sharing the machine's Redis (a database of their own), as in
// production: the host publishes Chromium's fake camera through node A, a viewer connects to
// node B and must decode the video. The room lives on one node; whoever connected to the other
// is relayed to it through Redis.

const CLIENT_UMD = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../packages/web/node_modules/livekit-client/dist/livekit-client.umd.js',
);

// Page-side code as a string: this package is type-checked without the DOM library.
const PAGE = `<!doctype html><meta charset="utf-8"><title>two nodes</title>
<script src="/livekit-client.umd.js"></script>
<script>
  const { Room, RoomEvent, Track } = LivekitClient;
  window.publish = async (url, token) => {
    const room = new Room();
    await room.connect(url, token);
    await room.localParticipant.setCameraEnabled(true);
    window.room = room;
  };
  window.watch = (url, token) => {
    const room = new Room();
    const started = performance.now();
    window.firstFrame = new Promise((resolve) => {
      room.on(RoomEvent.TrackSubscribed, (track) => {
        if (track.kind !== Track.Kind.Video) return;
        const video = track.attach();
        video.muted = true;
        document.body.appendChild(video);
        const check = async () => {
          const stats = await track.receiver.getStats();
          let framesDecoded = 0;
          stats.forEach((s) => { if (s.type === 'inbound-rtp') framesDecoded = s.framesDecoded ?? 0; });
          if (video.videoWidth > 0 && framesDecoded > 0) {
            resolve({ ms: performance.now() - started, width: video.videoWidth, height: video.videoHeight, framesDecoded });
          } else setTimeout(check, 50);
        };
        check();
      });
    });
    window.room = room;
    return room.connect(url, token);
  };
</script>`;

let cluster: RunningLivekitCluster;
let pages: Server;
let pageUrl: string;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  const log = (message: string) => process.stderr.write(`[livekit] ${message}\n`);
  cluster = await startLivekitCluster({ nodes: 2, logger: { info: log, warn: log } });
  const client = await readFile(CLIENT_UMD);
  pages = createServer((request, response) => {
    if (request.url === '/livekit-client.umd.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(client);
    } else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
}, LIVEKIT_HOOK_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => pages?.close(resolve));
  await cluster?.stop();
});

async function token(identity: string, room: string, canPublish: boolean) {
  const [node] = cluster.nodes;
  if (!node) throw new Error('no node');
  const grant = new AccessToken(node.apiKey, node.apiSecret, { identity, ttl: '10m' });
  grant.addGrant({ room, roomJoin: true, canPublish, canSubscribe: true, canPublishData: false });
  return grant.toJwt();
}

async function openPage(): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pageUrl);
  return page;
}

describe('two LiveKit nodes sharing Redis', () => {
  it('a host publishing through node A is watched by a viewer connected to node B', async () => {
    const [nodeA, nodeB] = cluster.nodes;
    if (!nodeA || !nodeB) throw new Error('two nodes expected');
    expect(nodeA.url).not.toBe(nodeB.url);
    const roomName = `two-nodes-${Date.now().toString(36)}`;
    const serviceA = new RoomServiceClient(nodeA.httpUrl, nodeA.apiKey, nodeA.apiSecret);
    const serviceB = new RoomServiceClient(nodeB.httpUrl, nodeB.apiKey, nodeB.apiSecret);
    await serviceA.createRoom({ name: roomName, emptyTimeout: 60 });
    // Both nodes know the room: its state is in the shared Redis.
    expect((await serviceB.listRooms([roomName])).map((room) => room.name)).toEqual([roomName]);

    const host = await openPage();
    await host.evaluate(
      `publish(${JSON.stringify(nodeA.url)}, ${JSON.stringify(await token('host:a', roomName, true))})`,
    );
    const viewer = await openPage();
    await viewer.evaluate(
      `watch(${JSON.stringify(nodeB.url)}, ${JSON.stringify(await token('viewer:b', roomName, false))})`,
    );
    const frame = (await viewer.evaluate('window.firstFrame')) as {
      ms: number;
      width: number;
      height: number;
      framesDecoded: number;
    };
    expect(frame.width).toBeGreaterThan(0);
    expect(frame.framesDecoded).toBeGreaterThan(0);
    process.stderr.write(
      `[two nodes] viewer on node B: connect → first decoded frame ${Math.round(frame.ms)} ms (${frame.width}×${frame.height})\n`,
    );

    // Node B's API sees the host's camera track, published through node A, and the viewer.
    const participants = await serviceB.listParticipants(roomName);
    const publisher = participants.find((p) => p.identity === 'host:a');
    expect(publisher?.tracks.map((track) => track.type)).toContain(TrackType.VIDEO);
    expect(participants.map((p) => p.identity).sort()).toEqual(['host:a', 'viewer:b']);
    await serviceA.deleteRoom(roomName);
  });
});
