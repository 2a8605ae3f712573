import { useTranslation } from 'react-i18next';
import { formatFenExact } from '../../../lib/units';
import { knownReason, type RefusalDetails } from './reason-alert';

const AUCTION_REASONS = [
  'too_low',
  'not_started',
  'ended',
  'deposit_required',
  'own_listing',
  'already_leading',
  'auction_open',
  'not_available',
  'closed',
  'no_deposit',
] as const;

/** Bid refusals in the auction catalogue's words, with the amounts they name. */
export function useAuctionReason() {
  const { t } = useTranslation();
  return (reason: string, details: RefusalDetails) => {
    const known = knownReason(AUCTION_REASONS, reason);
    if (!known) return null;
    const fen = (value: unknown) => (typeof value === 'number' ? formatFenExact(value) : '—');
    return t(`auction.reasons.${known}`, {
      minimum: fen(details.minimumFen),
      deposit: fen(details.depositFen),
    });
  };
}
