import type { MiddlewareHandler } from 'hono';
import { takeAuditNote } from '../features/audit/request-context';
import type { AppEnv } from './app-env';
import { errorJson } from './handle-errors';

/**
 * What happens when a state-changing route answers 2xx without writing an audit entry: `fail`
 * turns the answer into a 500 naming the route (tests), `warn` logs it (production), `off` skips
 * the check.
 */
export type AuditEnforcement = 'fail' | 'warn' | 'off';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs around each route's handler (`defineRoute` adds it): a POST, PUT, PATCH or DELETE that
 * succeeded must have written at least one audit entry for its request, unless the route declares
 * `auditExempt` with a reason or the call said `nothingToAudit`.
 */
export function auditCheck(exemptBecause: string | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const note = takeAuditNote(c.get('requestId'));
    if (exemptBecause !== undefined || READS.has(c.req.method) || note) return;
    if (c.res.status < 200 || c.res.status >= 300) return;
    const mode = c.get('deps').config.auditEnforcement ?? 'warn';
    if (mode === 'off') return;
    const route = `${c.req.method} ${c.req.routePath}`;
    const message = `${route} answered ${c.res.status} without writing an audit entry: record the change with recordAudit in its transaction, or give the route auditExempt with the reason it changes nothing to record`;
    if (mode === 'warn') {
      c.get('logger').warn({ route }, message);
      return;
    }
    c.get('logger').error({ route }, message);
    c.res = undefined;
    c.res = errorJson(c, 'INTERNAL', message, { route });
  };
}
