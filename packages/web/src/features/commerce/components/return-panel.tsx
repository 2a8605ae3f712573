import type { Order } from '@jadelive/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ReasonForm } from '../../../components/forms/reason-form';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { ImageUpload } from '../../../components/ui/image-upload';
import { useBuyerReturnStep, useSellerReturnStep } from '../api/returns';
import { ShipmentForm } from './shipment-form';

/** Words and photos for the other side and the arbiter: a return request, an escalation, a damage report. */
function StatementForm({
  photoOwner,
  onSubmit,
  ...words
}: {
  label: string;
  placeholder: string;
  submitLabel: string;
  cancelLabel: string;
  photoOwner: 'organization' | 'buyer';
  pending: boolean;
  testId: string;
  onSubmit: (body: { text: string; photoIds: string[] }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  return (
    <ReasonForm {...words} onSubmit={(text) => onSubmit({ text, photoIds })}>
      <ImageUpload
        label={t('returns.buyer.photos')}
        imageIds={photoIds}
        onChange={setPhotoIds}
        max={9}
        owner={photoOwner}
      />
    </ReasonForm>
  );
}

/** The buyer's next step in a return: ask (delivered, within the window), escalate or accept a refusal, ship back. */
export function BuyerReturnActions({ order, canAsk }: { order: Order; canAsk: boolean }) {
  const { t } = useTranslation();
  const step = useBuyerReturnStep(order.id);
  const [open, setOpen] = useState<'request' | 'escalate' | null>(null);
  const close = { onSuccess: () => setOpen(null) };
  return (
    <div className="order-actions" data-testid="return-actions">
      <div className="button-row">
        {order.status === 'delivered' && canAsk && open === null && (
          <button
            type="button"
            className="button"
            data-testid="return-request"
            onClick={() => setOpen('request')}
          >
            {t('returns.buyer.request')}
          </button>
        )}
        {order.status === 'return_refused' && open === null && (
          <>
            <button
              type="button"
              className="button button-primary"
              data-testid="return-escalate"
              onClick={() => setOpen('escalate')}
            >
              {t('returns.buyer.escalate')}
            </button>
            <ConfirmButton
              testId="return-accept-refusal"
              label={t('returns.buyer.acceptRefusal')}
              question={t('returns.buyer.confirmAccept')}
              pending={step.isPending}
              onConfirm={() => step.mutate({ kind: 'acceptRefusal' })}
            />
          </>
        )}
      </div>
      {open === 'request' && (
        <StatementForm
          label={t('returns.buyer.reasonLabel')}
          placeholder={t('returns.buyer.reasonPlaceholder')}
          submitLabel={t('returns.buyer.submit')}
          cancelLabel={t('returns.buyer.keep')}
          photoOwner="buyer"
          pending={step.isPending}
          testId="return-request-form"
          onCancel={() => setOpen(null)}
          onSubmit={({ text, photoIds }) =>
            step.mutate({ kind: 'request', body: { reason: text, photoIds } }, close)
          }
        />
      )}
      {open === 'escalate' && (
        <StatementForm
          label={t('returns.buyer.statementLabel')}
          placeholder={t('returns.buyer.statementPlaceholder')}
          submitLabel={t('returns.buyer.submitEscalation')}
          cancelLabel={t('returns.seller.cancel')}
          photoOwner="buyer"
          pending={step.isPending}
          testId="return-escalate-form"
          onCancel={() => setOpen(null)}
          onSubmit={({ text, photoIds }) =>
            step.mutate({ kind: 'arbitration', body: { statement: text, photoIds } }, close)
          }
        />
      )}
      {order.status === 'return_approved' && (
        <ShipmentForm
          testId="return-ship"
          submitLabel={t('returns.buyer.submitShipment')}
          pending={step.isPending}
          onSubmit={(shipment) => step.mutate({ kind: 'ship', ...shipment })}
        />
      )}
      {step.isError && <ApiErrorAlert error={step.error} />}
    </div>
  );
}

/** The shop's side: agree or refuse a request; confirm the parcel that came back, or report damage. */
export function SellerReturnActions({ order, canDecide }: { order: Order; canDecide: boolean }) {
  const { t } = useTranslation();
  const step = useSellerReturnStep(order.id);
  const [open, setOpen] = useState<'refuse' | 'damage' | null>(null);
  const close = { onSuccess: () => setOpen(null) };
  if (order.status !== 'return_requested' && order.status !== 'return_shipped') return null;
  if (!canDecide) return <p className="fine-print">{t('returns.seller.managersOnly')}</p>;
  return (
    <div className="order-actions" data-testid="return-actions">
      {open === null && (
        <div className="button-row">
          {order.status === 'return_requested' ? (
            <>
              <ConfirmButton
                testId="return-approve"
                label={t('returns.seller.approve')}
                question={t('returns.seller.confirmApprove')}
                pending={step.isPending}
                onConfirm={() => step.mutate({ kind: 'approve' })}
              />
              <button
                type="button"
                className="button button-danger"
                data-testid="return-refuse"
                onClick={() => setOpen('refuse')}
              >
                {t('returns.seller.refuse')}
              </button>
            </>
          ) : (
            <>
              <ConfirmButton
                testId="return-receive"
                label={t('returns.seller.receive')}
                question={t('returns.seller.confirmReceive')}
                pending={step.isPending}
                onConfirm={() => step.mutate({ kind: 'receive' })}
              />
              <button
                type="button"
                className="button button-danger"
                data-testid="return-damage"
                onClick={() => setOpen('damage')}
              >
                {t('returns.seller.reportDamage')}
              </button>
            </>
          )}
        </div>
      )}
      {open === 'refuse' && (
        <ReasonForm
          label={t('returns.seller.refusalLabel')}
          placeholder={t('returns.seller.refusalPlaceholder')}
          submitLabel={t('returns.seller.submitRefusal')}
          cancelLabel={t('returns.seller.cancel')}
          pending={step.isPending}
          testId="return-refuse-form"
          onCancel={() => setOpen(null)}
          onSubmit={(reason) => step.mutate({ kind: 'refuse', reason }, close)}
        />
      )}
      {open === 'damage' && (
        <StatementForm
          label={t('returns.seller.damageLabel')}
          placeholder={t('returns.seller.damagePlaceholder')}
          submitLabel={t('returns.seller.submitDamage')}
          cancelLabel={t('returns.seller.cancel')}
          photoOwner="organization"
          pending={step.isPending}
          testId="return-damage-form"
          onCancel={() => setOpen(null)}
          onSubmit={({ text, photoIds }) =>
            step.mutate({ kind: 'damage', body: { statement: text, photoIds } }, close)
          }
        />
      )}
      {step.isError && <ApiErrorAlert error={step.error} />}
    </div>
  );
}
