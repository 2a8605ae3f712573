import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AUDIT_EXPORT_MAX_ROWS,
  type AuditQuery,
  auditPageSchema,
  auditQuerySchema,
} from '@jadelive/shared/audit-trail';
import type { Context } from 'hono';
import type { Database } from '../../db/database';
import { Access, MANAGERS, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse } from '../../http/route';
import { auditCsvLine, CSV_BOM, CSV_HEADER_LINE } from './csv';
import { type AuditFilter, type AuditScope, listAuditEntries, targetLabels, toAuditRecord } from './listing';

const tags = ['audit'];
/** Owners and admins of any organisation read its trail; those of the platform read everyone's. */
const readers = Access.members('any', { roles: MANAGERS });
const SCOPE_RULE =
  'Owners and admins read their organisation’s trail: entries about its records and whatever its own members and tokens did elsewhere (people outside it shown masked, without their address). Platform owners and admins read every organisation’s, or one with `organizationId`; anyone else naming another organisation gets 404.';
const EXPORT_PAGE = 1_000;

function scopeOf(c: Context<AppEnv>, organizationId: string | undefined): AuditScope {
  const actor = memberActor(c);
  if (actor.organizationKind === 'platform')
    return organizationId ? { organizationId } : { everywhere: true };
  if (organizationId && organizationId !== actor.organizationId) throw notFound('organization');
  return { organizationId: actor.organizationId };
}

async function readPage(db: Database, scope: AuditScope, filter: AuditFilter, limit: number) {
  const rows = await listAuditEntries(db, scope, filter, limit + 1);
  const page = rows.slice(0, limit);
  const labels = await targetLabels(db, page, scope);
  return {
    entries: page.map((row) => toAuditRecord(row, labels, scope)),
    nextCursor: rows.length > limit ? String(page.at(-1)?.id) : null,
  };
}

function filterOf(query: Omit<AuditQuery, 'limit'>): AuditFilter {
  const { cursor, organizationId: _scope, ...filter } = query;
  return { ...filter, before: cursor === undefined ? undefined : Number(cursor) };
}

export const auditRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(readers, {
      method: 'get',
      path: '/',
      tags,
      summary: 'The audit trail, newest first: who did what to which object, with names',
      description: `${SCOPE_RULE} Filters: time range (\`from\` inclusive, \`to\` exclusive), the acting user, an action key or a prefix ending in a dot, the target's type and id, the request id. Pages follow \`nextCursor\`.`,
      request: { query: auditQuerySchema },
      responses: { 200: jsonResponse(auditPageSchema) },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const scope = scopeOf(c, query.organizationId);
      return c.json(await readPage(c.var.deps.db, scope, filterOf(query), query.limit), 200);
    },
  )
  .openapi(
    defineRoute(readers, {
      method: 'get',
      path: '/export',
      tags,
      summary: 'The same entries as a CSV file (UTF-8 with BOM, for Excel), newest first',
      description: `${SCOPE_RULE} Same filters as \`GET /api/audit\`; at most ${AUDIT_EXPORT_MAX_ROWS} entries (narrow the time range for older ones). Times in Beijing time and UTC; actions as their keys; details as JSON. Streamed.`,
      request: { query: auditQuerySchema.omit({ cursor: true, limit: true }) },
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const scope = scopeOf(c, query.organizationId);
      const { db } = c.var.deps;
      const encoder = new TextEncoder();
      let filter = filterOf(query);
      let sent = 0;
      let started = false;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!started) {
            started = true;
            controller.enqueue(encoder.encode(CSV_BOM + CSV_HEADER_LINE));
          }
          const limit = Math.min(EXPORT_PAGE, AUDIT_EXPORT_MAX_ROWS - sent);
          const page = limit > 0 ? await readPage(db, scope, filter, limit) : null;
          if (page) {
            controller.enqueue(encoder.encode(page.entries.map(auditCsvLine).join('')));
            sent += page.entries.length;
          }
          if (!page?.nextCursor) return controller.close();
          filter = { ...filter, before: Number(page.nextCursor) };
        },
      });
      const stamp = new Date().toISOString().slice(0, 10);
      return c.body(body, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="jadelive-audit-${stamp}.csv"`,
        'cache-control': 'no-store',
      });
    },
  );
