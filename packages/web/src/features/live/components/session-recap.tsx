import type { LiveRecap } from '@jadelive/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { useDateTimeFormat } from '../../../i18n/format';
import { isApiError } from '../../../lib/api-error';
import { imageUrl } from '../../../lib/images';
import { commercePaths, livePaths, publicPaths } from '../../../lib/paths';
import { formatFenExact } from '../../../lib/units';
import { useLiveRecap } from '../api/get-live-recap';
import { formatDuration } from '../hooks/use-elapsed';
import type { RoomComplaint } from './room-panel-slot';

/**
 * An ended room, for everyone who opens its link afterwards: who hosted it, the shop, when it ran,
 * what sold and who won (masked), and a buyer's own orders from it with the way to pay.
 */
export function SessionRecap({
  sessionId,
  fallback,
  complaint,
}: {
  sessionId: string;
  fallback: ReactNode;
  /** 投诉 about the session, plugged in by the app layer. */
  complaint?: RoomComplaint;
}) {
  const { t } = useTranslation();
  const recap = useLiveRecap(sessionId);
  if (recap.isPending) return <p className="page-status muted">{t('common.loading')}</p>;
  if (recap.error) {
    // Still open, cancelled, or never there: what the room itself would have said.
    if (isApiError(recap.error, 'NOT_FOUND')) return fallback;
    return <ApiErrorAlert error={recap.error} onRetry={() => void recap.refetch()} />;
  }
  return <RecapView recap={recap.data} complaint={complaint} />;
}

function RecapView({ recap, complaint: Complaint }: { recap: LiveRecap; complaint?: RoomComplaint }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const seconds = Math.round((Date.parse(recap.endedAt) - Date.parse(recap.startedAt)) / 1000);
  const sold =
    recap.listings.some((listing) => listing.soldCount > 0) ||
    recap.flashSales.some((sale) => sale.soldCount > 0) ||
    recap.auctions.some((auction) => auction.outcome === 'sold');
  return (
    <div className="page session-recap" data-page="live-recap" data-session={recap.sessionId}>
      <header className="page-header">
        <p className="eyebrow">
          <span className="status live-status live-status-ended" data-testid="session-ended" role="status">
            {t('live.recap.ended')}
          </span>
        </p>
        <h1>{t('live.recap.title', { title: recap.title })}</h1>
        <p className="muted" data-testid="recap-host">
          {recap.sellerName} ·{' '}
          {t('live.recap.host', { names: recap.hosts.map((host) => host.displayName).join('、') })} ·{' '}
          <Link to={publicPaths.shop(recap.shopSlug)} data-testid="recap-shop">
            {t('live.recap.shop')}
          </Link>
        </p>
        <p className="fine-print" data-testid="recap-ran">
          {t('live.recap.ran', {
            start: formatDate(recap.startedAt),
            end: formatDate(recap.endedAt),
            duration: formatDuration(seconds),
          })}
        </p>
        {Complaint && <Complaint sessionId={recap.sessionId} title={recap.title} />}
      </header>

      {recap.myOrders.length > 0 && <MyOrders orders={recap.myOrders} />}

      {recap.auctions.length > 0 && (
        <section className="panel">
          <h2 className="section-heading">{t('live.recap.auctions')}</h2>
          <ul className="row-list" data-testid="recap-auctions">
            {recap.auctions.map((auction) => (
              <li key={auction.id} className="row-item" data-outcome={auction.outcome ?? 'open'}>
                <Link to={publicPaths.listing(auction.listingId)}>{auction.listingTitle}</Link>
                <span className="fine-print">
                  {auction.outcome === 'sold' && auction.hammerPriceFen !== null
                    ? t('live.recap.hammer', {
                        price: formatFenExact(auction.hammerPriceFen),
                        bids: auction.bidCount,
                      })
                    : auction.outcome
                      ? t(`auction.outcomes.${auction.outcome}`)
                      : null}
                  {auction.winnerAlias && ` · ${t('live.recap.winner', { alias: auction.winnerAlias })}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {recap.flashSales.length > 0 && (
        <section className="panel">
          <h2 className="section-heading">{t('live.recap.flashSales')}</h2>
          <ul className="row-list" data-testid="recap-flash-sales">
            {recap.flashSales.map((sale) => (
              <li key={sale.id} className="row-item" data-sold={sale.soldCount}>
                <Link to={publicPaths.listing(sale.listingId)}>{sale.listingTitle}</Link>
                <span className="fine-print">
                  {t('live.recap.flashSold', {
                    price: formatFenExact(sale.priceFen),
                    quantity: sale.quantity,
                    sold: sale.soldCount,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="panel">
        <h2 className="section-heading">{t('live.recap.listings')}</h2>
        {!sold && <p className="muted">{t('live.recap.nothingSold')}</p>}
        <ul className="row-list" data-testid="recap-listings">
          {recap.listings.map((listing) => (
            <li key={listing.listingId} className="row-item recap-listing" data-sold={listing.soldCount}>
              {listing.imageId && <img className="recap-thumb" src={imageUrl(listing.imageId)} alt="" />}
              <Link to={publicPaths.listing(listing.listingId)}>{listing.title}</Link>
              <span className="fine-print">
                {listing.dealPriceFen !== null
                  ? t('live.recap.sold', {
                      count: listing.soldCount,
                      price: formatFenExact(listing.dealPriceFen),
                    })
                  : `${t('live.recap.listPrice', { price: formatFenExact(listing.priceFen) })} · ${t('live.recap.notSold')}`}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <p>
        <Link to={livePaths.watchList} className="button button-small">
          {t('live.room.more')}
        </Link>
      </p>
    </div>
  );
}

function MyOrders({ orders }: { orders: LiveRecap['myOrders'] }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  return (
    <section className="panel" data-testid="recap-my-orders">
      <h2 className="section-heading">{t('live.recap.yourOrders')}</h2>
      <ul className="row-list">
        {orders.map((order) => {
          const toPay = order.status === 'pending_payment';
          return (
            <li
              key={order.orderId}
              className="row-item"
              data-order={order.orderId}
              data-status={order.status}
            >
              <span>
                {t(`live.recap.orderKinds.${order.kind}`)} · {order.listingTitle} ·{' '}
                {formatFenExact(order.totalFen)}
              </span>
              <span className="fine-print">
                {t(`commerce.statuses.${order.status}`)}
                {toPay && ` · ${t('live.recap.payBy', { time: formatDate(order.paymentDueAt) })}`}
              </span>
              <Link
                to={toPay ? commercePaths.pay(order.orderId) : commercePaths.buyerOrder(order.orderId)}
                className={toPay ? 'button button-small button-primary' : 'button button-small'}
                data-testid={toPay ? 'recap-pay' : 'recap-order'}
              >
                {toPay ? t('live.recap.toPay') : t('live.recap.viewOrder')}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
