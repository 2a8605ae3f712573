import '../commerce.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { commercePaths, livePaths, paths } from '../../../lib/paths';
import { serverNow } from '../hooks/use-server-clock';
import { auctionHoldsPinned, useSessionAuction } from '../hooks/use-session-auction';
import { type FlashSaleView, useSessionFlashSale } from '../hooks/use-session-flash-sale';
import type { RoomCommerceContext } from '../types';
import { BuyPinned } from './buy-pinned';
import { FlashSaleCard } from './flash-sale-card';
import { ViewerAuction, ViewerGiveaway } from './viewer-live-commerce';

/** Polled as the fallback of the room's live updates (a missed message is corrected this late). */
const FLASH_SALE_POLL_MS = 10_000;
/** The same fallback poll as the auction card's, so both read one cached query. */
const AUCTION_POLL_MS = 5_000;
/** A closed sale stays on screen this long, so viewers see that it sold out or ended. */
const SHOW_CLOSED_MS = 60_000;

function stillShown(sale: FlashSaleView): boolean {
  if (sale.state === 'scheduled' || sale.state === 'running') return true;
  const closedAt = Date.parse(sale.closedAt ?? sale.endsAt);
  return serverNow(sale.serverTime, sale.receivedAt) - closedAt < SHOW_CLOSED_MS;
}

/**
 * What viewers can buy or win in the room, one section after another: the running flash sale, the
 * auction, the giveaway (福袋), the pinned piece.
 */
export function ViewerCommercePanel(context: RoomCommerceContext) {
  const { t } = useTranslation();
  const { sessionId, sessionStatus, pinned, signedIn, subscribe } = context;
  const { sale, roomUpdates } = useSessionFlashSale(sessionId, subscribe, FLASH_SALE_POLL_MS);
  const live = sessionStatus === 'live';
  const loginPath = `${paths.login}?next=${encodeURIComponent(livePaths.watch(sessionId))}`;
  const showSale = sale !== null && stillShown(sale);
  // While an auction holds the pinned piece it is sold only under the hammer (the server refuses
  // buy-now with 409 auction_running): the pinned section points to the auction instead.
  const { auction } = useSessionAuction(sessionId, subscribe, AUCTION_POLL_MS);
  const underHammer = auctionHoldsPinned(auction, pinned?.listingId ?? null);
  // Auctions and giveaways fetch their own state and render nothing when there is none.
  const auctionAndGiveaway = (
    <>
      <ViewerAuction context={context} loginPath={loginPath} />
      <ViewerGiveaway context={context} loginPath={loginPath} />
    </>
  );
  if (!showSale && !(live && pinned)) {
    return (
      <section className="commerce-panel" data-testid="commerce-panel" aria-label={t('commerce.panel.title')}>
        {auctionAndGiveaway}
      </section>
    );
  }

  return (
    <section
      className="commerce-panel"
      data-testid="commerce-panel"
      data-room-updates={roomUpdates}
      aria-label={t('commerce.panel.title')}
    >
      {showSale && (
        <FlashSaleCard sessionId={sessionId} sale={sale} signedIn={signedIn} loginPath={loginPath} />
      )}
      {auctionAndGiveaway}
      {live && pinned && (
        <div className="commerce-section">
          {underHammer ? (
            <p className="buy-pinned-line" data-testid="pinned-under-auction" data-listing={pinned.listingId}>
              {t('commerce.buy.underAuction')}
            </p>
          ) : signedIn ? (
            <BuyPinned sessionId={sessionId} pinned={pinned} />
          ) : (
            <Link to={loginPath} className="button" data-testid="buy-sign-in">
              {t('commerce.buy.signInToBuy')}
            </Link>
          )}
        </div>
      )}
      {signedIn && (
        <Link to={commercePaths.buyerOrders} className="fine-print" data-testid="my-orders-link">
          {t('commerce.panel.myOrders')}
        </Link>
      )}
    </section>
  );
}
