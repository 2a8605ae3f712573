import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { toApiError } from '../../../lib/api-error';

export type RefusalDetails = Record<string, unknown> & { reason?: string };

/**
 * A refusal in plain words when `describe` knows its `details.reason` (auction, giveaway and
 * inspection catalogues); anything else falls back to the generic alert with its request id.
 */
export function ReasonAlert({
  error,
  describe,
  testId,
}: {
  error: unknown;
  describe: (reason: string, details: RefusalDetails) => string | null;
  testId?: string;
}) {
  const details = (toApiError(error).details ?? {}) as RefusalDetails;
  const text = typeof details.reason === 'string' ? describe(details.reason, details) : null;
  if (text === null) {
    return (
      <div data-testid={testId} data-reason="other">
        <ApiErrorAlert error={error} />
      </div>
    );
  }
  return (
    <p className="alert alert-error" role="alert" data-testid={testId} data-reason={details.reason}>
      {text}
    </p>
  );
}

/** `reason` if it is one of `known`, for a typed catalogue key. */
export function knownReason<T extends string>(known: readonly T[], reason: string): T | null {
  return known.find((entry) => entry === reason) ?? null;
}
