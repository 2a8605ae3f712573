import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { errorJson } from './handle-errors';

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

/** Precompressed siblings the console build writes (`x.js.br`, `x.js.gz`), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** File names Vite gives emitted assets: content-hashed, so they never change under their name. */
const HASHED_ASSETS = `${path.sep}assets${path.sep}`;

/**
 * Serves the built console. Files that exist are served as they are, or as the brotli/gzip copy
 * the build wrote beside them when the browser accepts it; hashed assets are cached for a year,
 * everything else is revalidated. A path under /assets that does not exist (an old deploy's
 * chunk) and source maps answer 404; a path that cannot be decoded answers 400; every other path
 * gets `index.html` so the client-side router can take it.
 */
export function serveConsole(distDir: string): MiddlewareHandler<AppEnv> {
  const root = path.resolve(distDir);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const pathname = decodePath(new URL(c.req.url).pathname);
    if (pathname === null) return errorJson(c, 'BAD_REQUEST', 'the path is not valid percent-encoding');
    const requested = path.resolve(root, `.${pathname}`);
    if (!requested.startsWith(root)) return next();
    if (requested.endsWith('.map')) return errorJson(c, 'NOT_FOUND', 'not found');
    let file = requested;
    if (!(await isFile(requested))) {
      if (requested.startsWith(path.join(root, 'assets') + path.sep))
        return errorJson(c, 'NOT_FOUND', 'not found');
      file = path.join(root, 'index.html');
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': file.includes(HASHED_ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    const compressible = /^(text\/|image\/svg|application\/json)/.test(type);
    if (compressible) headers.vary = 'Accept-Encoding';
    const accepted = compressible ? acceptedEncodings(c.req.header('accept-encoding')) : new Set<string>();
    for (const encoding of ENCODINGS) {
      if (!accepted.has(encoding.name)) continue;
      const body = await readFile(file + encoding.suffix).catch(() => null);
      if (body) return c.body(body, 200, { ...headers, 'content-encoding': encoding.name });
    }
    const body = await readFile(file).catch(() => null);
    if (!body) return next();
    return c.body(body, 200, headers);
  };
}

/** The path as the file system knows it, or null when its percent-encoding is broken. */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** Content codings the client accepts (q > 0), lower case; `*` stands for every one. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (name === '*') for (const encoding of ENCODINGS) accepted.add(encoding.name);
    else accepted.add(name);
  }
  return accepted;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}
