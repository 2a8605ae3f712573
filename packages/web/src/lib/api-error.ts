import {
  type ErrorCode,
  errorBodySchema,
  type ValidationIssueDetail,
  validationIssueSchema,
} from '@jadelive/shared';
import { z } from 'zod';

/** Failures that never produced the API's error shape: the request did not arrive, or the answer was not ours. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** One field-level problem of a VALIDATION_FAILED answer (zod's code and facts, which the console words). */
export type ValidationIssue = ValidationIssueDetail;

const validationDetailsSchema = z.object({ issues: z.array(validationIssueSchema) });

/** One error type for every failed call, parsed from `{ error: { code, message, requestId, details } }`. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number | null;
  readonly requestId: string | null;
  readonly details: unknown;

  constructor(init: {
    code: ApiErrorCode;
    message: string;
    status?: number | null;
    requestId?: string | null;
    details?: unknown;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status ?? null;
    this.requestId = init.requestId ?? null;
    this.details = init.details;
  }

  /** Field-level problems of a VALIDATION_FAILED answer; empty for every other error. */
  get issues(): ValidationIssue[] {
    if (this.code !== 'VALIDATION_FAILED') return [];
    const parsed = validationDetailsSchema.safeParse(this.details);
    return parsed.success ? parsed.data.issues : [];
  }

  /** Reads a non-ok response; a body that is not the error shape (a proxy page, say) still becomes an ApiError. */
  static async fromResponse(response: { status: number; text(): Promise<string> }): Promise<ApiError> {
    const text = await response.text().catch(() => '');
    const parsed = errorBodySchema.safeParse(safeJson(text));
    if (!parsed.success) {
      return new ApiError({
        code: response.status >= 500 ? 'INTERNAL' : 'UNEXPECTED_RESPONSE',
        message: `HTTP ${response.status}`,
        status: response.status,
      });
    }
    const { code, message, requestId, details } = parsed.data.error;
    return new ApiError({ code, message, status: response.status, requestId, details });
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** Anything thrown becomes an ApiError so the UI has one thing to render. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError({ code: 'UNEXPECTED_RESPONSE', message });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
