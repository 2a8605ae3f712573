import { ORDER_STATUSES, type Order, type OrderStatus, type orderDetailSchema } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { EmptyState } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import { publicPaths } from '../../../lib/paths';
import { formatFenExact } from '../../../lib/units';
import { describeEventCause, describeRefundReason } from './order-causes';
import { paymentEvents } from './panel-truths';
import { ShippingAddressView } from './shipping-address-view';

export type OrderDetail = z.infer<typeof orderDetailSchema>;

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status order-${status}`} data-testid="order-status" data-status={status}>
      {t(`commerce.statuses.${status}`)}
    </span>
  );
}

/** The status filter of an order list, kept in the address (`?status=paid`) so it survives reloads. */
export function useStatusFilter(): [OrderStatus | null, (status: OrderStatus | null) => void] {
  const [params, setParams] = useSearchParams();
  const status = ORDER_STATUSES.find((entry) => entry === params.get('status')) ?? null;
  return [status, (next) => setParams(next ? { status: next } : {})];
}

export function StatusTabs({
  status,
  onChange,
}: {
  status: OrderStatus | null;
  onChange: (s: OrderStatus | null) => void;
}) {
  const { t } = useTranslation();
  const tabs: (OrderStatus | null)[] = [null, ...ORDER_STATUSES];
  return (
    <div className="tabs order-tabs" role="tablist">
      {tabs.map((tab) => (
        <button
          key={tab ?? 'all'}
          type="button"
          role="tab"
          aria-selected={tab === status}
          data-status-filter={tab ?? 'all'}
          className={`tab tab-button ${tab === status ? 'active' : ''}`}
          onClick={() => onChange(tab)}
        >
          {tab ? t(`commerce.statuses.${tab}`) : t('commerce.orders.all')}
        </button>
      ))}
    </div>
  );
}

/** Orders as cards (phones first): piece, status, total, when. */
export function OrderList({ orders, linkTo }: { orders: Order[]; linkTo: (orderId: string) => string }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  if (orders.length === 0) return <EmptyState>{t('commerce.orders.empty')}</EmptyState>;
  return (
    <ul className="order-list" data-testid="order-list">
      {orders.map((order) => (
        <li key={order.id} className="order-item" data-order={order.id} data-status={order.status}>
          <Link to={linkTo(order.id)} className="order-item-link" data-testid="order-link">
            <span className="order-item-title">{order.listingTitle}</span>
            <OrderStatusBadge status={order.status} />
          </Link>
          <p className="order-item-meta">
            <span className="price">{formatFenExact(order.totalFen)}</span>
            <span className="fine-print">
              {t('commerce.orders.quantity', { count: order.quantity })}
              {order.flashSaleId && ` · ${t('commerce.flash.badge')}`}
              {order.auctionId && ` · ${t('auction.badge')}`}
            </span>
            <span className="fine-print">{formatDate(order.createdAt)}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** What was bought, for how much, and where it stands (payment due, tracking, refund reason). */
export function OrderFacts({ order }: { order: Order }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const refundReason = describeRefundReason(t, order);
  return (
    <dl className="facts" data-testid="order-facts">
      <dt>{t('commerce.orders.item')}</dt>
      <dd>
        <Link to={publicPaths.listing(order.listingId)}>{order.listingTitle}</Link>
        {order.customMade && <span className="status">{t('commerce.orders.customMade')}</span>}
      </dd>
      <dt>{t('commerce.orders.status')}</dt>
      <dd>
        <OrderStatusBadge status={order.status} />
      </dd>
      <dt>{t('commerce.orders.unitPrice')}</dt>
      <dd>
        {formatFenExact(order.unitPriceFen)} × {order.quantity}
      </dd>
      <dt>{t('commerce.orders.total')}</dt>
      <dd className="price" data-testid="order-total">
        {formatFenExact(order.totalFen)}
      </dd>
      <dt>{t('commerce.orders.createdAt')}</dt>
      <dd>{formatDate(order.createdAt)}</dd>
      {order.status === 'pending_payment' && (
        <>
          <dt>{t('commerce.orders.paymentDue')}</dt>
          <dd>{formatDate(order.paymentDueAt)}</dd>
        </>
      )}
      {order.trackingNumber && (
        <>
          <dt>{t('commerce.orders.tracking')}</dt>
          <dd className="mono" data-testid="order-tracking">
            {order.carrier ? `${order.carrier} ` : ''}
            {order.trackingNumber}
          </dd>
        </>
      )}
      {order.shippingAddress && (
        <>
          <dt>{t('addresses.picker.title')}</dt>
          <dd>
            <ShippingAddressView address={order.shippingAddress} />
          </dd>
        </>
      )}
      {refundReason && (
        <>
          <dt>{t('commerce.orders.refundReason')}</dt>
          <dd data-testid="order-refund-reason" data-cause={order.refundCause?.kind}>
            {refundReason}
          </dd>
        </>
      )}
    </dl>
  );
}

/** Every status change, oldest first, with who made it. */
export function OrderTimeline({ events }: { events: OrderDetail['events'] }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  return (
    <section className="panel">
      <h2 className="section-heading">{t('commerce.orders.timeline')}</h2>
      <ol className="order-timeline" data-testid="order-timeline">
        {events.map((event) => (
          <li key={`${event.occurredAt}:${event.toStatus}`} data-to={event.toStatus}>
            <span className="order-timeline-status">{t(`commerce.statuses.${event.toStatus}`)}</span>
            <span className="fine-print">
              {t(`commerce.actors.${event.actor}`)} · {formatDate(event.occurredAt)}
            </span>
            {event.cause && (
              <span className="fine-print" data-cause={event.cause.kind}>
                {describeEventCause(t, event.cause)}
              </span>
            )}
            {event.note && (
              <span className="fine-print" data-testid="order-event-note">
                {event.note}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function PaymentList({ payments }: { payments: OrderDetail['payments'] }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  if (payments.length === 0) return null;
  return (
    <section className="panel">
      <h2 className="section-heading">{t('commerce.payments.title')}</h2>
      <ul className="row-list" data-testid="payment-list">
        {payments.map((payment) => (
          <li key={payment.id} className="row-item" data-status={payment.status}>
            <span>
              {payment.provider === 'sandbox' ? t('commerce.payments.sandbox') : payment.provider} ·{' '}
              {formatFenExact(payment.amountFen)}
            </span>
            {paymentEvents(payment).map((event) => (
              <span key={event.status} className="fine-print" data-event={event.status} data-at={event.at}>
                {t(`commerce.paymentStatuses.${event.status}`)} · {formatDate(event.at)}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
