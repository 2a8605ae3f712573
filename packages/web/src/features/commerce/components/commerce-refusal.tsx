import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { toApiError } from '../../../lib/api-error';
import { formatFenExact } from '../../../lib/units';

const KNOWN_REASONS = [
  'sold_out',
  'limit_reached',
  'not_started',
  'ended',
  'out_of_stock',
  'flash_price_not_lower',
  'not_enough_stock',
  'no_pinned_listing',
  'start_out_of_range',
  'session_ended',
] as const;
type KnownReason = (typeof KNOWN_REASONS)[number];

interface RefusalDetails {
  reason?: string;
  field?: string;
  stock?: number;
  listPriceFen?: number;
  lowestDealPriceFen7d?: number | null;
}

/** The business reason a 409/422 carries in `details.reason`, if it is one the console explains. */
export function refusalReason(error: unknown): KnownReason | null {
  const apiError = toApiError(error);
  const details = apiError.details as RefusalDetails | undefined;
  // A start time the server will not take (past, or more than 24 h ahead) is named by its field.
  if (apiError.code === 'UNPROCESSABLE' && details?.field === 'startsAt') return 'start_out_of_range';
  const reason = details?.reason;
  return KNOWN_REASONS.find((known) => known === reason) ?? null;
}

/**
 * A refused purchase or sale in plain words (sold out, limit reached, price not low enough …);
 * anything else falls back to the generic error alert with its request id.
 */
export function CommerceRefusal({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  const reason = refusalReason(error);
  if (!reason) {
    return (
      <div data-testid={testId} data-reason="other">
        <ApiErrorAlert error={error} />
      </div>
    );
  }
  const details = (toApiError(error).details ?? {}) as RefusalDetails;
  const lowest = details.lowestDealPriceFen7d;
  const bar = Math.min(details.listPriceFen ?? Number.POSITIVE_INFINITY, lowest ?? Number.POSITIVE_INFINITY);
  return (
    <p className="alert alert-error" role="alert" data-testid={testId} data-reason={reason}>
      {t(`commerce.reasons.${reason}`, {
        stock: details.stock ?? 0,
        bar: Number.isFinite(bar) ? formatFenExact(bar) : '—',
      })}
    </p>
  );
}
