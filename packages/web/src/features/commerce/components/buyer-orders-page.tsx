import { useTranslation } from 'react-i18next';
import { commercePaths } from '../../../lib/paths';
import { useMyOrders } from '../api/buyer-orders';
import { OrderListScreen } from './order-screens';

/** 我的订单: the buyer's orders, filtered by status. */
export function BuyerOrdersPage() {
  const { t } = useTranslation();
  return (
    <OrderListScreen
      page="buyer-orders"
      title={t('commerce.orders.buyerTitle')}
      intro={t('commerce.orders.buyerIntro')}
      useOrders={useMyOrders}
      linkTo={commercePaths.buyerOrder}
    />
  );
}
