import '../commerce.css';
import type { Order, OrderReturn } from '@jadelive/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ReturnFacts } from '../../../components/returns/return-facts';
import { Loading } from '../../../components/ui/status';
import {
  type OrderDetail,
  OrderFacts,
  OrderList,
  OrderTimeline,
  PaymentList,
  StatusTabs,
  useStatusFilter,
} from './order-parts';

interface OrderListScreenProps {
  page: string;
  title: string;
  intro: string;
  /** The list query for the status chosen in the tabs. */
  useOrders: (status: Order['status'] | null) => UseQueryResult<Order[]>;
  linkTo: (orderId: string) => string;
}

/** An order list with status tabs: the buyer's and the seller's differ only in data and links. */
export function OrderListScreen({ page, title, intro, useOrders, linkTo }: OrderListScreenProps) {
  const [status, setStatus] = useStatusFilter();
  const orders = useOrders(status);
  return (
    <div className="page" data-page={page}>
      <header className="page-header">
        <h1>{title}</h1>
        <p className="muted">{intro}</p>
      </header>
      <StatusTabs status={status} onChange={setStatus} />
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ApiErrorAlert error={orders.error} onRetry={() => void orders.refetch()} />
      ) : (
        <OrderList orders={orders.data} linkTo={linkTo} />
      )}
    </div>
  );
}

interface OrderDetailScreenProps {
  page: string;
  detail: UseQueryResult<OrderDetail>;
  backTo: string;
  /** What this viewer may do with the order now (pay, ship, refund …). */
  actions: (order: Order, orderReturn: OrderReturn | null) => ReactNode;
}

/** One order: facts and actions, then its history and payments. */
export function OrderDetailScreen({ page, detail, backTo, actions }: OrderDetailScreenProps) {
  const { t } = useTranslation();
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ApiErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const { order, events, payments, return: orderReturn } = detail.data;
  return (
    <div className="page order-page" data-page={page} data-order={order.id} data-status={order.status}>
      <header className="page-header">
        <Link to={backTo} className="back-link">
          {t('commerce.orders.back')}
        </Link>
        <h1>{order.listingTitle}</h1>
      </header>
      <section className="panel">
        <OrderFacts order={order} />
        {orderReturn && <ReturnFacts orderReturn={orderReturn} />}
        {actions(order, orderReturn)}
      </section>
      <OrderTimeline events={events} />
      <PaymentList payments={payments} />
    </div>
  );
}
