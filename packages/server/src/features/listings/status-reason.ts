import { type ListingStatusReason, listingStatusReasonSchema } from '@jadelive/shared';

/** A reason's facts without its kind: what a notification quotes beside the listing's title. */
export function statusReasonFacts(reason: ListingStatusReason): Record<string, string> {
  const { kind: _kind, ...facts } = reason;
  return facts;
}

/** The listing columns that hold a status reason (kind, and its facts as jsonb); null clears both. */
export function statusReasonColumns(reason: ListingStatusReason | null) {
  if (reason === null) return { statusReasonKind: null, statusReasonDetails: null };
  return { statusReasonKind: reason.kind, statusReasonDetails: JSON.stringify(statusReasonFacts(reason)) };
}

/** The reason as the API serves it, read back from its columns (the check constraint keeps the kind known). */
export function statusReasonFromColumns(kind: string | null, details: unknown): ListingStatusReason | null {
  if (kind === null) return null;
  return listingStatusReasonSchema.parse({ ...(details as Record<string, unknown>), kind });
}
