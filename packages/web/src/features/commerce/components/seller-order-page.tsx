import type { Order } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { Field } from '../../../components/ui/field';
import { commercePaths } from '../../../lib/paths';
import { useSellerOrder, useSellerOrderAction } from '../api/seller-orders';
import { SellerInspectionPanel, useShipBlockedByInspection } from './inspection-panel';
import { OrderDetailScreen } from './order-screens';
import { SellerReturnActions } from './return-panel';

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
  const [trackingNumber, setTrackingNumber] = useState('');
  const [carrier, setCarrier] = useState('');

  function ship(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    action.mutate({
      kind: 'ship',
      trackingNumber: trackingNumber.trim(),
      carrier: carrier.trim(),
    });
  }

  return (
    <div className="order-actions" data-testid="order-actions">
      {order.status === 'paid' && (
        <form className="form" data-testid="ship-form" onSubmit={ship}>
          <div className="form-row">
            <Field label={t('commerce.ship.carrier')}>
              <input
                className="input"
                required
                maxLength={40}
                data-testid="ship-carrier"
                placeholder={t('commerce.ship.carrierPlaceholder')}
                value={carrier}
                onChange={(event) => setCarrier(event.currentTarget.value)}
              />
            </Field>
            <Field label={t('commerce.ship.trackingNumber')} hint={t('commerce.ship.trackingHint')}>
              <input
                className="input mono"
                required
                minLength={4}
                maxLength={40}
                pattern="[A-Za-z0-9\-]+"
                data-testid="ship-tracking"
                value={trackingNumber}
                onChange={(event) => setTrackingNumber(event.currentTarget.value)}
              />
            </Field>
          </div>
          <button
            type="submit"
            className="button button-primary"
            data-testid="ship-submit"
            disabled={action.isPending || shipBlocked}
          >
            {t('commerce.ship.submit')}
          </button>
          {shipBlocked && (
            <p className="fine-print" data-testid="ship-blocked-reason">
              {t('inspection.reasons.inspection_pending')}
            </p>
          )}
        </form>
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
