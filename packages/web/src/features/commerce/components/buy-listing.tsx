import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Shopper } from '../../../lib/shopper';
import { BuyNow } from './buy-now';

export interface BuyableListing {
  id: string;
  status: string;
  stock: number;
  /** An auction holds the piece: it is bid for in the live room, not bought here. */
  auctionRunning: boolean;
}

/**
 * 立即购买 on the listing page and the shop page, with the live room's rules. A piece an auction
 * holds says so instead; a visitor signs in first and comes back; only buyer accounts buy.
 */
export function BuyListing({
  listing,
  shopper,
  signInPath,
}: {
  listing: BuyableListing;
  shopper: Shopper;
  /** Where a visitor signs in, to come back here after. */
  signInPath: string;
}) {
  const { t } = useTranslation();
  if (listing.auctionRunning) {
    return (
      <p className="alert alert-info" data-testid="buy-auction-running" data-listing={listing.id}>
        {t('commerce.buy.auctionRunning')}
      </p>
    );
  }
  const onSale = listing.status === 'published' && listing.stock > 0;
  return (
    <div className="buy-listing" data-testid="buy-listing" data-listing={listing.id}>
      {shopper === 'buyer' && <BuyNow listingId={listing.id} onSale={onSale} />}
      {shopper === 'guest' && (
        <Link to={signInPath} className="button" data-testid="buy-sign-in">
          {t('commerce.buy.signInToBuy')}
        </Link>
      )}
      {shopper === 'member' && <p className="muted fine-print">{t('commerce.buy.buyersOnly')}</p>}
    </div>
  );
}
