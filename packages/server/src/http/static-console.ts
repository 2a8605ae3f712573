import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built console: files that exist are served as they are (hashed assets cached for a
 * year), every other path gets `index.html` so the client-side router can take it.
 */
export function serveConsole(distDir: string): MiddlewareHandler<AppEnv> {
  const root = path.resolve(distDir);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const requested = path.resolve(root, `.${decodeURIComponent(new URL(c.req.url).pathname)}`);
    if (!requested.startsWith(root)) return next();
    const file = (await isFile(requested)) ? requested : path.join(root, 'index.html');
    const body = await readFile(file).catch(() => null);
    if (!body) return next();
    const immutable = file.includes(`${path.sep}assets${path.sep}`);
    return c.body(body, 200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}
