import type { Hook } from '@hono/zod-openapi';
import { ERROR_STATUS, type ErrorCode, type ValidationIssueDetail } from '@jadelive/shared';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { AppEnv } from './app-env';
import { ApiError, isDatabaseUnreachable } from './errors';

export function errorJson(c: Context<AppEnv>, code: ErrorCode, message: string, details?: unknown) {
  const body = { error: { code, message, requestId: c.get('requestId') ?? 'unknown', details } };
  return c.json(body, ERROR_STATUS[code] as ContentfulStatusCode);
}

/** Zod validation failures (body, query, params) answer 400 with every issue listed. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const issues = result.error.issues.map((issue) => issueDetail(issue));
  const where = result.target === 'json' ? 'body' : result.target;
  return errorJson(
    c,
    'VALIDATION_FAILED',
    `invalid ${where}: ${issues[0]?.path || '(root)'} ${issues[0]?.message ?? ''}`.trim(),
    {
      target: where,
      issues,
    },
  );
};

/** A zod issue as the shared ValidationIssueDetail: the facts the console needs to word it. */
function issueDetail(issue: z.core.$ZodIssue): ValidationIssueDetail {
  const facts = issue as { format?: unknown; origin?: unknown; minimum?: unknown; maximum?: unknown };
  return {
    path: issue.path.join('.'),
    code: issue.code,
    message: issue.message,
    ...(typeof facts.format === 'string' ? { format: facts.format } : {}),
    ...(typeof facts.origin === 'string' ? { origin: facts.origin } : {}),
    ...(typeof facts.minimum === 'number' || typeof facts.minimum === 'bigint'
      ? { minimum: Number(facts.minimum) }
      : {}),
    ...(typeof facts.maximum === 'number' || typeof facts.maximum === 'bigint'
      ? { maximum: Number(facts.maximum) }
      : {}),
  };
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

const DATABASE_RETRY_AFTER_SECONDS = 2;

export function handleError(error: Error, c: Context<AppEnv>) {
  if (error instanceof ApiError) {
    if (error.code === 'RATE_LIMITED') {
      const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retry) c.header('Retry-After', String(retry));
    }
    return errorJson(c, error.code, error.message, error.details);
  }
  if (error instanceof HTTPException) {
    // Hono's own refusals: malformed JSON bodies, body limits.
    const code = /json/i.test(error.message)
      ? 'MALFORMED_JSON'
      : (STATUS_CODES[error.status] ?? 'BAD_REQUEST');
    if (error.status >= 500) return internal(error, c);
    return errorJson(c, code, error.message || 'bad request');
  }
  if (isDatabaseUnreachable(error)) {
    // PostgreSQL restarting or out of reach: say so at once (never hang, never a bare 500); the
    // pool opens new connections on the next request, so the API recovers by itself.
    c.var.logger?.warn({ err: error }, 'database unreachable');
    c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    return errorJson(c, 'SERVICE_UNAVAILABLE', 'the database is unreachable; try again shortly');
  }
  return internal(error, c);
}

function internal(error: Error, c: Context<AppEnv>) {
  c.var.logger?.error({ err: error }, 'unhandled error');
  return errorJson(c, 'INTERNAL', 'internal error');
}
