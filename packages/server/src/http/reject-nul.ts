import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { errorJson } from './handle-errors';

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in a query string or JSON body would
 * fail deep inside a query as a 500. Refuse it at the door for every route instead.
 */
export const rejectNulCharacters: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (/%00/.test(c.req.url))
    return errorJson(c, 'VALIDATION_FAILED', 'the query string may not contain NUL characters');
  if (c.req.header('content-type')?.includes('application/json')) {
    const text = await c.req.text();
    if (/\\u0000/i.test(text))
      return errorJson(c, 'VALIDATION_FAILED', 'text may not contain NUL characters');
  }
  return next();
};
