import { ERROR_STATUS, type ErrorCode } from '@jadelive/shared';

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

export const notFound = (what = 'resource') => new ApiError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'you may not do this') => new ApiError('FORBIDDEN', message);
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
