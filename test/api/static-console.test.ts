import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectErrorShape, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/web');

let database: TestDatabase;
let app: TestApp;
let dist: string;
const SCRIPT = `console.log(${JSON.stringify('玉链直播 '.repeat(400))});`;
const INDEX = '<!doctype html><html><body><div id="root"></div></body></html>';

/** A small console build as Vite lays it out: hashed assets with their compressed copies. */
beforeAll(async () => {
  database = await createTestDatabase();
  dist = await mkdtemp(path.join(tmpdir(), 'jadelive-dist-'));
  await mkdir(path.join(dist, 'assets'));
  const asset = path.join(dist, 'assets', 'index-Ab12Cd34.js');
  await writeFile(asset, SCRIPT);
  await writeFile(`${asset}.br`, brotliCompressSync(SCRIPT));
  await writeFile(`${asset}.gz`, gzipSync(SCRIPT));
  await writeFile(`${asset}.map`, '{"version":3,"sources":["src/secret.ts"]}');
  await writeFile(path.join(dist, 'index.html'), INDEX);
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = createTestApp(database.db, { webDistDir: dist }).app;
});
afterAll(async () => {
  await rm(dist, { recursive: true, force: true });
  await database.drop();
});

const get = (url: string, headers: Record<string, string> = {}) => app.request(url, { headers });
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('console files (delivery)', () => {
  it('serves a hashed asset as brotli, else gzip, else as it is, cached for a year and varying by encoding', async () => {
    const brotli = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers.get('vary')).toBe('Accept-Encoding');
    const compressed = await bytes(brotli);
    expect(compressed.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
    expect(brotliDecompressSync(compressed).toString()).toBe(SCRIPT);

    const gzip = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(await bytes(gzip)).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('index.html and client routes are revalidated on every load; a file outside /assets is not immutable', async () => {
    for (const url of ['/', '/verify?lab=yuzhou&number=YZ1', '/listings/abc']) {
      const response = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(response.status, url).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toBe(INDEX);
    }
    const icon = await get('/favicon.svg');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('never serves source maps, and a missing asset is a 404, not the console page', async () => {
    for (const url of ['/assets/index-Ab12Cd34.js.map', '/index-Ab12Cd34.js.map', '/assets/old-chunk.js']) {
      const response = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(response.status, url).toBe(404);
      expectErrorShape(await response.json(), 'NOT_FOUND');
    }
  });
});

describe('console files (security: malformed paths)', () => {
  it('a path with broken percent-encoding is a 400 with the error shape, never a 500', async () => {
    for (const url of ['/%ZZ', '/assets/%E0%A4%A', '/verify%', '/%C0%AF']) {
      const response = await get(url);
      expect(response.status, url).toBe(400);
      expectErrorShape(await response.json(), 'BAD_REQUEST');
    }
  });

  it('a path climbing out of the build is not served', async () => {
    const response = await get('/assets/..%2f..%2f..%2fetc%2fpasswd');
    expect(response.status).not.toBe(500);
    expect(await response.text()).not.toContain('root:');
  });
});

describe('console build', () => {
  it('writes brotli and gzip copies of its scripts and styles, and no source maps', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'jadelive-build-'));
    try {
      execFileSync(
        process.execPath,
        [
          path.join(WEB, 'node_modules/vite/bin/vite.js'),
          'build',
          '--outDir',
          outDir,
          '--emptyOutDir',
          '--logLevel',
          'error',
        ],
        { cwd: WEB, stdio: 'inherit' },
      );
      const files = await readdir(path.join(outDir, 'assets'));
      const scripts = files.filter((file) => file.endsWith('.js'));
      expect(scripts.length).toBeGreaterThan(2);
      expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
      for (const file of files.filter((name) => /\.(js|css)$/.test(name))) {
        if (file.startsWith('rolldown-runtime')) continue; // under a kilobyte: not worth a copy
        expect(files, file).toContain(`${file}.br`);
        expect(files, file).toContain(`${file}.gz`);
      }
      // The LiveKit client is a chunk of its own that the first page load does not fetch.
      expect(scripts.some((file) => file.startsWith('livekit-'))).toBe(true);
      const index = await readFile(path.join(outDir, 'index.html'), 'utf8');
      expect(index).toContain('/assets/index-');
      expect(index).not.toContain('livekit');
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  }, 180_000);
});
