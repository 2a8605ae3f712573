import type { AppDeps } from '@jadelive/server/deps';
import { recordAudit } from '@jadelive/server/features/audit/repository';
import { nothingToAudit } from '@jadelive/server/features/audit/request-context';
import { Access } from '@jadelive/server/http/access';
import type { AppEnv } from '@jadelive/server/http/app-env';
import type { AuditEnforcement } from '@jadelive/server/http/audit-check';
import { notFound } from '@jadelive/server/http/errors';
import { handleError } from '@jadelive/server/http/handle-errors';
import { defineRoute, jsonResponse, okSchema } from '@jadelive/server/http/route';
import { type Handler, Hono, type MiddlewareHandler } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { requestId } from 'hono/request-id';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

const ok = { 200: jsonResponse(okSchema) };
/**
 * Routes as the product defines them (each route's own middleware, as `OpenAPIHono.openapi`
 * mounts it), behind what `createApp` puts in front of every route (request id, context storage,
 * deps): one that records its change, one that forgets to, one exempt with its reason, one whose
 * call changed nothing, one refused, one read.
 */
function probeApp(enforcement: AuditEnforcement, warnings: string[]) {
  const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
  const deps = { db: database.db, logger, config: { auditEnforcement: enforcement } } as unknown as AppDeps;
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(contextStorage());
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('logger', logger);
    c.set('actor', null);
    await next();
  });
  app.onError(handleError);
  const mount = (
    method: 'get' | 'post',
    path: string,
    handler: Handler<AppEnv>,
    extra: { auditExempt?: string } = {},
  ) => {
    const route = defineRoute(Access.public, {
      method,
      path,
      tags: ['test'],
      summary: path,
      responses: ok,
      ...extra,
    });
    const [authorize, auditCheck] = (route as unknown as { middleware: MiddlewareHandler<AppEnv>[] })
      .middleware as [MiddlewareHandler<AppEnv>, MiddlewareHandler<AppEnv>];
    app.on([method.toUpperCase()], [path], authorize, auditCheck, handler);
  };
  mount('post', '/records', async (c) => {
    await database.db.transaction().execute((trx) => recordAudit(trx, { action: 'listing.updated' }));
    return c.json({ ok: true }, 200);
  });
  mount('post', '/forgets', (c) => c.json({ ok: true }, 200));
  mount('post', '/exempt', (c) => c.json({ ok: true }, 200), { auditExempt: 'a probe that changes nothing' });
  mount('post', '/replays', (c) => {
    nothingToAudit('a replay');
    return c.json({ ok: true }, 200);
  });
  mount('post', '/refuses', () => {
    throw notFound('thing');
  });
  mount('get', '/reads', (c) => c.json({ ok: true }, 200));
  return app;
}

describe('audit enforcement', () => {
  it('fails a state-changing route that answers 2xx without an audit entry, naming the route', async () => {
    const app = probeApp('fail', []);
    const response = await app.request('/forgets', { method: 'POST' });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string; details: unknown } };
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message).toMatch(/^POST \/forgets answered 200 without writing an audit entry/);
    expect(body.error.details).toEqual({ route: 'POST /forgets' });
  });

  it('passes a route that wrote its entry, an exempt one, a call that changed nothing, a refusal and a read', async () => {
    const app = probeApp('fail', []);
    expect((await app.request('/records', { method: 'POST' })).status).toBe(200);
    expect((await app.request('/exempt', { method: 'POST' })).status).toBe(200);
    expect((await app.request('/replays', { method: 'POST' })).status).toBe(200);
    expect((await app.request('/refuses', { method: 'POST' })).status).toBe(404);
    expect((await app.request('/reads')).status).toBe(200);
  });

  it('the entry written carries the request’s id, which is what the check looks for', async () => {
    const app = probeApp('fail', []);
    const response = await app.request('/records', { method: 'POST' });
    const id = response.headers.get('x-request-id');
    expect(id).toBeTruthy();
    const row = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'ip', 'actorUserId'])
      .where('requestId', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ action: 'listing.updated', ip: 'unknown', actorUserId: null });
  });

  it('in production only warns, and the answer stands', async () => {
    const warnings: string[] = [];
    const app = probeApp('warn', warnings);
    expect((await app.request('/forgets', { method: 'POST' })).status).toBe(200);
    expect(warnings.join('\n')).toContain('POST /forgets answered 200 without writing an audit entry');
    const quiet: string[] = [];
    expect((await probeApp('off', quiet).request('/forgets', { method: 'POST' })).status).toBe(200);
    expect(quiet).toEqual([]);
  });

  it('an exemption must give its reason, and only a route that changes something may have one', () => {
    expect(() =>
      defineRoute(Access.public, {
        method: 'get',
        path: '/reads',
        auditExempt: 'reads change nothing anyway',
        tags: ['test'],
        summary: 'reads',
        responses: ok,
      }),
    ).toThrow(/only a route that changes something/);
  });
});

describe('the product’s routes and the audit trail', () => {
  it('say in OpenAPI whether each change is recorded; the exempt ones say why', async () => {
    const { app } = createTestApp(database.db);
    const document = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-audit'?: string }>>;
    };
    const exempt: Record<string, string> = {};
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const audit = operation['x-audit'];
        if (method === 'get') {
          expect(audit, `${method} ${path}`).toBeUndefined();
          continue;
        }
        expect(audit, `${method.toUpperCase()} ${path}`).toMatch(/^(recorded|not recorded: .{20,})$/);
        if (audit !== 'recorded') exempt[`${method.toUpperCase()} ${path}`] = audit as string;
      }
    }
    // Every exemption is a decision someone made; a new one shows up here for review.
    expect(Object.keys(exempt).sort()).toEqual(
      [
        'POST /api/auth/signup',
        'POST /api/compliance/sessions/{sessionId}/captions',
        'POST /api/live/sessions/{id}/chat',
        'POST /api/live/sessions/{id}/guest-token',
        'POST /api/live/sessions/{id}/token',
        'POST /api/live/webhooks',
        'POST /api/me/notifications/{notificationId}/read',
        'POST /api/notifications/{notificationId}/read',
      ].sort(),
    );
  });
});
