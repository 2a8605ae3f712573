import type { OrderStatus } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { commercePaths } from '../../../lib/paths';
import { useSellerOrders } from '../api/seller-orders';
import { OrderListScreen } from './order-screens';

const POLL_MS = 15_000;
/** New orders show up while the page is open. */
const usePolledSellerOrders = (status: OrderStatus | null) =>
  useSellerOrders(status, { refetchInterval: POLL_MS });

/** 订单管理: orders of the seller's listings, filtered by status. */
export function SellerOrdersPage() {
  const { t } = useTranslation();
  return (
    <OrderListScreen
      page="seller-orders"
      title={t('commerce.orders.sellerTitle')}
      intro={t('commerce.orders.sellerIntro')}
      useOrders={usePolledSellerOrders}
      linkTo={commercePaths.sellerOrder}
    />
  );
}
