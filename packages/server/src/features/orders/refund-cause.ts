import { type OrderRefundCause, orderRefundCauseSchema } from '@jadelive/shared';

/** The order columns that hold why a refund was asked for: the kind, and a system's facts as jsonb. */
export function refundCauseColumns(cause: OrderRefundCause) {
  const { kind, ...facts } = cause;
  return { refundCauseKind: kind, refundCauseDetails: kind === 'buyer' ? null : JSON.stringify(facts) };
}

/** The cause as the API serves it, read back from its columns (the check constraints keep it whole). */
export function refundCauseFromColumns(kind: string | null, details: unknown): OrderRefundCause | null {
  if (kind === null) return null;
  return orderRefundCauseSchema.parse({ ...(details as Record<string, unknown> | null), kind });
}
