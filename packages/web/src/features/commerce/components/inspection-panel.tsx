import type { Inspection, Order } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { InspectionResultFacts } from '../../../components/inspections/inspection-result-facts';
import { useDateTimeFormat } from '../../../i18n/format';
import { formatWeight } from '../../../lib/units';
import { useBuyerInspection, useRequestInspection, useSellerInspection } from '../api/inspections';
import { knownReason, ReasonAlert, type RefusalDetails } from './reason-alert';

const INSPECTION_REASONS = [
  'not_inspectable',
  'inspection_exists',
  'no_certificate',
  'no_inspection_lab',
  'inspection_pending',
] as const;

/** Inspection refusals (and the seller's blocked shipment) in the catalogue's words. */
export function useInspectionReason() {
  const { t } = useTranslation();
  return (reason: string, _details: RefusalDetails) => {
    const known = knownReason(INSPECTION_REASONS, reason);
    return known ? t(`inspection.reasons.${known}`) : null;
  };
}

/** What the lab compared and found, for buyer and seller alike. */
export function InspectionFacts({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const weight = (mg: number | null) => formatWeight(mg, null) ?? '—';
  return (
    <div data-testid="inspection-status" data-status={inspection.status}>
      <p>
        <span className="status">{t(`inspection.statuses.${inspection.status}`)}</span>{' '}
        {t('inspection.lab', { name: inspection.labName })}{' '}
        <span className="fine-print">({t(`inspection.chosenBy.${inspection.labChosenBy}`)})</span>
      </p>
      <p className="fine-print">
        {t('inspection.requestedAt', { time: formatDate(inspection.requestedAt) })} ·{' '}
        {t('inspection.certificate', { number: inspection.certificate.number })}
      </p>
      <p className="fine-print">
        {t('inspection.certificateSays', { identification: inspection.certificate.identification })} ·{' '}
        {t('inspection.certificateWeight', { weight: weight(inspection.certificate.weightMg) })}
      </p>
      {inspection.result && (
        <div
          className={inspection.status === 'matched' ? 'alert alert-success' : 'alert alert-error'}
          data-testid="inspection-result"
        >
          <InspectionResultFacts result={inspection.result} />
          {inspection.status === 'mismatched' && (
            <p className="fine-print">
              {inspection.settledAt
                ? t('inspection.settled', { time: formatDate(inspection.settledAt) })
                : t('inspection.settling')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** Before shipping an order can still be inspected; the buyer may ask once. */
const INSPECTABLE: Order['status'][] = ['pending_payment', 'paid'];

/** The buyer's 就地检验 section of an order: the request button while allowed, then status and result. */
export function BuyerInspectionPanel({ order }: { order: Order }) {
  const { t } = useTranslation();
  const inspection = useBuyerInspection(order.id);
  const request = useRequestInspection(order.id);
  const describe = useInspectionReason();
  if (inspection.isPending) return null;
  return (
    <section className="panel" data-testid="buyer-inspection">
      <h2>{t('inspection.title')}</h2>
      {inspection.data ? (
        <InspectionFacts inspection={inspection.data} />
      ) : INSPECTABLE.includes(order.status) ? (
        <>
          <p className="muted">{t('inspection.intro')}</p>
          <button
            type="button"
            className="button"
            data-testid="request-inspection"
            disabled={request.isPending}
            onClick={() => request.mutate()}
          >
            {request.isPending ? t('inspection.requesting') : t('inspection.request')}
          </button>
        </>
      ) : null}
      {request.isError && <ReasonAlert error={request.error} describe={describe} testId="inspection-error" />}
    </section>
  );
}

/** The seller's view: the inspection's status and result; null when none was asked for. */
export function SellerInspectionPanel({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const inspection = useSellerInspection(orderId);
  if (!inspection.data) return null;
  return (
    <section className="panel" data-testid="seller-inspection">
      <h2>{t('inspection.title')}</h2>
      {inspection.data.status === 'requested' && (
        <p className="alert alert-info" data-testid="ship-blocked">
          {t('inspection.shipBlocked')}
        </p>
      )}
      <InspectionFacts inspection={inspection.data} />
    </section>
  );
}

/** Whether shipping waits for a lab result (the ship form is disabled with the reason shown). */
export function useShipBlockedByInspection(orderId: string) {
  return useSellerInspection(orderId).data?.status === 'requested';
}
