import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import swaggerUiDist from 'swagger-ui-dist';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';

// Swagger UI is served from the installed package: the docs page must work offline.
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>Jadelive API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });`;

/** Access: public. A browsable page over `/api/openapi.json`. */
export const docsRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.html(PAGE))
  .get('/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
  .get('/:asset', async (c) => {
    const asset = c.req.param('asset');
    const type = ASSETS[asset];
    if (!type) throw notFound('asset');
    const body = await readFile(path.join(swaggerUiDist.getAbsoluteFSPath(), asset));
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
