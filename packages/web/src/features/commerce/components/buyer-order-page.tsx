import { type Order, RETURN_WINDOW_DAYS } from '@jadelive/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ReasonForm } from '../../../components/forms/reason-form';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { useDateTimeFormat } from '../../../i18n/format';
import { commercePaths } from '../../../lib/paths';
import { useBuyerOrderAction } from '../api/buyer-order-actions';
import { useMyOrder } from '../api/buyer-orders';
import { BuyerInspectionPanel } from './inspection-panel';
import { OrderDetailScreen } from './order-screens';
import { BuyerReturnActions } from './return-panel';

/**
 * One of the buyer's orders: facts, what can be done with it now, its history and payments.
 * `renderComplaint` is the way to complain about it, plugged in by the app layer.
 */
export function BuyerOrderPage({ renderComplaint }: { renderComplaint?: (order: Order) => ReactNode } = {}) {
  const { orderId = '' } = useParams();
  return (
    <OrderDetailScreen
      page="buyer-order"
      detail={useMyOrder(orderId)}
      backTo={commercePaths.buyerOrders}
      actions={(order) => (
        <>
          <BuyerActions order={order} />
          <BuyerInspectionPanel order={order} />
          {renderComplaint?.(order)}
        </>
      )}
    />
  );
}

const DAY_MS = 86_400_000;

function BuyerActions({ order }: { order: Order }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const action = useBuyerOrderAction(order.id);
  const [asking, setAsking] = useState(false);
  const windowEnd = order.returnWindowEndsAt ? Date.parse(order.returnWindowEndsAt) : null;
  const inWindow = windowEnd !== null && windowEnd > Date.now();
  const canRefund = order.status === 'paid';

  return (
    <div className="order-actions" data-testid="order-actions">
      <div className="button-row">
        {order.status === 'pending_payment' && (
          <>
            <Link to={commercePaths.pay(order.id)} className="button button-primary" data-testid="order-pay">
              {t('commerce.orders.pay')}
            </Link>
            <ConfirmButton
              testId="order-cancel"
              label={t('commerce.orders.cancel')}
              question={t('commerce.orders.confirmCancel')}
              pending={action.isPending}
              onConfirm={() => action.mutate({ kind: 'cancel' })}
            />
          </>
        )}
        {order.status === 'shipped' && (
          <button
            type="button"
            className="button button-primary"
            data-testid="order-confirm-delivery"
            disabled={action.isPending}
            onClick={() => action.mutate({ kind: 'confirmDelivery' })}
          >
            {t('commerce.orders.confirmDelivery')}
          </button>
        )}
        {canRefund && !asking && (
          <button type="button" className="button" data-testid="order-refund" onClick={() => setAsking(true)}>
            {t('commerce.orders.requestRefund')}
          </button>
        )}
      </div>
      {asking && canRefund && (
        <ReasonForm
          label={t('commerce.orders.refundReason')}
          placeholder={t('commerce.orders.refundPlaceholder')}
          submitLabel={t('commerce.orders.submitRefund')}
          cancelLabel={t('commerce.orders.keepOrder')}
          pending={action.isPending}
          minLength={1}
          testId="refund-form"
          onCancel={() => setAsking(false)}
          onSubmit={(reason) =>
            action.mutate({ kind: 'refund', reason }, { onSuccess: () => setAsking(false) })
          }
        />
      )}
      <BuyerReturnActions order={order} canAsk={inWindow && !order.customMade} />
      {order.status === 'delivered' && (
        <ReturnRule order={order} windowEnd={windowEnd} formatDate={formatDate} />
      )}
      {action.isError && <ApiErrorAlert error={action.error} />}
    </div>
  );
}

/** 7 天无理由退货 as it applies to this order: until when, already over, or not for custom-made goods. */
function ReturnRule({
  order,
  windowEnd,
  formatDate,
}: {
  order: Order;
  windowEnd: number | null;
  formatDate: (iso: string | null) => string;
}) {
  const { t } = useTranslation();
  let text: string;
  if (order.customMade) text = t('commerce.returns.customMade');
  else if (windowEnd === null) text = t('commerce.returns.rule', { days: RETURN_WINDOW_DAYS });
  else if (windowEnd > Date.now())
    text = t('commerce.returns.until', {
      time: formatDate(order.returnWindowEndsAt),
      days: Math.ceil((windowEnd - Date.now()) / DAY_MS),
    });
  else text = t('commerce.returns.closed', { time: formatDate(order.returnWindowEndsAt) });
  return (
    <p className="fine-print" data-testid="return-rule">
      {text}
    </p>
  );
}
