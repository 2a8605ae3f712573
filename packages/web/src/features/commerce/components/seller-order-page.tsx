import type { Order } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { commercePaths } from '../../../lib/paths';
import { useSellerOrder, useSellerOrderAction } from '../api/seller-orders';
import { SellerInspectionPanel, useShipBlockedByInspection } from './inspection-panel';
import { OrderDetailScreen } from './order-screens';
import { SellerReturnActions } from './return-panel';
import { ShipmentForm } from './shipment-form';

/** One order of the seller's: ship it when paid, approve a requested refund (owners and admins). */
export function SellerOrderPage({ canApproveRefunds }: { canApproveRefunds: boolean }) {
  const { orderId = '' } = useParams();
  return (
    <OrderDetailScreen
      page="seller-order"
      detail={useSellerOrder(orderId)}
      backTo={commercePaths.sellerOrders}
      actions={(order) => (
        <>
          <SellerActions order={order} canApproveRefunds={canApproveRefunds} />
          <SellerReturnActions order={order} canDecide={canApproveRefunds} />
          <SellerInspectionPanel orderId={order.id} />
        </>
      )}
    />
  );
}

function SellerActions({ order, canApproveRefunds }: { order: Order; canApproveRefunds: boolean }) {
  const { t } = useTranslation();
  const action = useSellerOrderAction(order.id);
  // The server refuses to ship before the lab's result (inspection_pending); say so up front.
  const shipBlocked = useShipBlockedByInspection(order.id);
  return (
    <div className="order-actions" data-testid="order-actions">
      {order.status === 'paid' && (
        <ShipmentForm
          testId="ship"
          submitLabel={t('commerce.ship.submit')}
          pending={action.isPending}
          disabled={shipBlocked}
          onSubmit={(shipment) => action.mutate({ kind: 'ship', ...shipment })}
        >
          {shipBlocked && (
            <p className="fine-print" data-testid="ship-blocked-reason">
              {t('inspection.reasons.inspection_pending')}
            </p>
          )}
        </ShipmentForm>
      )}
      {order.status === 'refund_requested' &&
        (canApproveRefunds ? (
          <ConfirmButton
            tone="danger"
            testId="approve-refund"
            label={t('commerce.refund.approve')}
            question={t('commerce.refund.confirmApprove')}
            pending={action.isPending}
            onConfirm={() => action.mutate({ kind: 'approveRefund' })}
          />
        ) : (
          <p className="fine-print">{t('commerce.refund.managersOnly')}</p>
        ))}
      {action.isError && <ApiErrorAlert error={action.error} />}
    </div>
  );
}
