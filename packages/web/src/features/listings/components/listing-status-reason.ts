import type { ListingStatusReason } from '@jadelive/shared';
import type { TFunction } from 'i18next';

/**
 * Why a listing is suspended, as a sentence in the reader's language. Facts from people (the
 * revocation reason, a reason recorded before kinds existed) go in as they were given.
 */
export function describeStatusReason(t: TFunction, reason: ListingStatusReason): string {
  return t('listings.statusReason', { reason: t(`listings.statusReasons.${reason.kind}`, reason) });
}
