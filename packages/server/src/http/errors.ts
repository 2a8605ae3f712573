import {
  ERROR_STATUS,
  type ErrorCode,
  type ErrorDetails,
  type ErrorFacts,
  type ErrorReason,
} from '@jadelive/shared';

/** The one error type handlers throw; `app.onError` turns it into the shared error shape. */
export class ApiError extends Error {
  readonly status: (typeof ERROR_STATUS)[ErrorCode];

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    // An expected refusal, answered as JSON and never logged with a trace: capturing one costs
    // more than the rest of a refused request (a sold-out crowd throws thousands a second).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.status = ERROR_STATUS[code];
  }
}

/**
 * `details` of a refusal the console words in the reader's language: the reason and its facts, as
 * declared in the shared `ERROR_REASONS` (e.g. `conflict('…', because('muted', { until }))`).
 */
export function because<R extends ErrorReason>(
  reason: R,
  ...facts: Record<string, never> extends ErrorFacts<R> ? [ErrorFacts<R>?] : [ErrorFacts<R>]
): ErrorDetails<R> {
  return { reason, ...facts[0] } as ErrorDetails<R>;
}

export const notFound = (what = 'resource') => new ApiError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'you may not do this', details?: unknown) =>
  new ApiError('FORBIDDEN', message, details);
export const conflict = (message: string, details?: unknown) => new ApiError('CONFLICT', message, details);
export const unprocessable = (message: string, details?: unknown) =>
  new ApiError('UNPROCESSABLE', message, details);

/** PostgreSQL's unique_violation, for turning a lost race into a 409 instead of a 500. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError?.code === '23505' && (constraint === undefined || pgError.constraint === constraint);
}

export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError?.code === '23P01' && (constraint === undefined || pgError.constraint === constraint);
}

/**
 * SQLSTATE classes and socket errors that mean "PostgreSQL cannot be reached right now", not "this
 * request is wrong": 08 connection exceptions, 57P01–57P03 (administrator or crash shutdown, the
 * server starting up or shutting down), 53300 too many connections.
 */
const UNREACHABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNREACHABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
// node-postgres reports a lost socket and an exhausted connect timeout only by message.
const UNREACHABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** True when `error` (or an error it wraps) says the database is unreachable: answered 503, not 500. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    if (UNREACHABLE_SQLSTATES.has(code) || code.startsWith('08') || UNREACHABLE_ERRNOS.has(code)) return true;
    if (typeof candidate.message === 'string' && UNREACHABLE_MESSAGE.test(candidate.message)) return true;
    // A refused connection to a host with several addresses arrives as an AggregateError.
    if (Array.isArray(candidate.errors) && candidate.errors.some(isDatabaseUnreachable)) return true;
    current = candidate.cause;
  }
  return false;
}
