import { formatFenExact } from '../../../lib/units';
import type { PinnedListingView } from '../types';
import { BuyNow } from './buy-now';

/** 立即购买 for the pinned piece at its current price, credited to this live session. */
export function BuyPinned({ sessionId, pinned }: { sessionId: string; pinned: PinnedListingView }) {
  return (
    <div className="buy-pinned" data-testid="buy-pinned" data-listing={pinned.listingId}>
      <p className="buy-pinned-line">
        <span className="cell-name">{pinned.title}</span>
        <span className="price">{formatFenExact(pinned.priceFen)}</span>
      </p>
      <BuyNow
        listingId={pinned.listingId}
        onSale={pinned.listingStatus === 'published' && pinned.stock > 0}
        liveSessionId={sessionId}
      />
    </div>
  );
}
