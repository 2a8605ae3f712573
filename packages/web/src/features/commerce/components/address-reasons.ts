import type { TFunction } from 'i18next';
import type { RefusalDetails } from './reason-alert';
import { knownReason } from './reason-alert';

const ADDRESS_REASONS = [
  'unknown_region',
  'district_required',
  'address_book_full',
  'shipping_address_required',
  'shipping_address_locked',
] as const;
const REGION_FIELDS = ['provinceCode', 'cityCode', 'districtCode'] as const;

/** An address refusal in the reader's language (for `ReasonAlert`); null for any other reason. */
export function describeAddressRefusal(t: TFunction, reason: string, details: RefusalDetails): string | null {
  const known = knownReason(ADDRESS_REASONS, reason);
  if (!known) return null;
  const field = knownReason(REGION_FIELDS, String(details.field ?? '')) ?? 'districtCode';
  return t(`addresses.reasons.${known}`, {
    field: t(`addresses.regionFields.${field}`),
    max: typeof details.max === 'number' ? details.max : 20,
  });
}
