import '../commerce.css';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { shanghaiClockLabel } from '../../../lib/shanghai-time';
import { formatFenExact } from '../../../lib/units';
import { useFlashSaleControl, useFlashSaleCounts } from '../api/flash-sales';
import { type FlashSaleView, useSessionFlashSale } from '../hooks/use-session-flash-sale';
import type { RoomCommerceContext } from '../types';
import { FlashSaleClock, useFlashSalePhase } from './flash-sale-clock';
import { FlashSaleForm } from './flash-sale-form';
import { showsWithPinned } from './panel-truths';
import { StudioAuction } from './studio-auction';
import { StudioGiveaway } from './studio-giveaway';

/** The studio polls faster than viewers: the host watches these figures while selling. */
const STUDIO_POLL_MS = 3_000;

/** The host's selling tools, one section each: flash sale, auction, giveaway. */
export function StudioCommercePanel(context: Omit<RoomCommerceContext, 'signedIn'>) {
  const { t } = useTranslation();
  const { sessionId, sessionStatus, pinned, subscribe } = context;
  const { sale } = useSessionFlashSale(sessionId, subscribe, STUDIO_POLL_MS);
  const control = useFlashSaleControl(sessionId);
  const open = sale !== null && (sale.state === 'scheduled' || sale.state === 'running');

  return (
    <section
      className="panel commerce-panel"
      data-testid="studio-commerce"
      aria-label={t('commerce.panel.title')}
    >
      <h2 className="section-heading">{t('commerce.studio.title')}</h2>
      {sale && showsWithPinned({ ...sale, open }, pinned?.listingId ?? null) && (
        <FlashSaleCounters sale={sale} />
      )}
      {open ? (
        <FlashSaleEndButton sale={sale} end={control.end} />
      ) : (
        <FlashSaleForm pinned={pinned} live={sessionStatus === 'live'} start={control.start} />
      )}
      {control.end.isError && <ApiErrorAlert error={control.end.error} />}
      <StudioAuction {...context} />
      <StudioGiveaway {...context} />
    </section>
  );
}

/** Ends a running sale early, or calls off a scheduled one before it starts (the same API call). */
function FlashSaleEndButton({
  sale,
  end,
}: {
  sale: FlashSaleView;
  end: ReturnType<typeof useFlashSaleControl>['end'];
}) {
  const { t } = useTranslation();
  const scheduled = useFlashSalePhase(sale) === 'scheduled';
  return (
    <ConfirmButton
      tone="danger"
      testId="flash-end"
      label={scheduled ? t('commerce.studio.cancel') : t('commerce.studio.end')}
      question={scheduled ? t('commerce.studio.confirmCancel') : t('commerce.studio.confirmEnd')}
      pending={end.isPending}
      onConfirm={() => end.mutate(sale.id)}
    />
  );
}

/** Remaining stock (live from the room), the sale's orders and how many of them are paid. */
function FlashSaleCounters({ sale }: { sale: FlashSaleView }) {
  const { t } = useTranslation();
  const phase = useFlashSalePhase(sale);
  const counts = useFlashSaleCounts(sale.id, STUDIO_POLL_MS);
  const orderCount = counts.data?.orders ?? 0;
  const paidCount = counts.data?.paid ?? 0;
  return (
    <div className="flash-counters" data-testid="flash-counters" data-sale={sale.id} data-state={phase}>
      <p className="flash-card-header">
        <span className="flash-badge">{t('commerce.flash.badge')}</span>
        <span className="status">{t(`commerce.flashStates.${phase}`)}</span>
        <span className="price">{formatFenExact(sale.priceFen)}</span>
        <FlashSaleClock sale={sale} phase={phase} />
      </p>
      {phase === 'scheduled' && (
        <p className="fine-print" data-testid="studio-flash-starts" data-starts-at={sale.startsAt}>
          {t('commerce.studio.startsAt', { time: shanghaiClockLabel(sale.startsAt) })}
        </p>
      )}
      <dl className="figures">
        <div>
          <dt>{t('commerce.studio.remaining')}</dt>
          <dd data-testid="studio-flash-remaining" data-remaining={sale.remaining}>
            {sale.remaining}/{sale.quantity}
          </dd>
        </div>
        <div>
          <dt>{t('commerce.studio.orders')}</dt>
          <dd data-testid="studio-flash-orders" data-count={orderCount}>
            {orderCount}
          </dd>
        </div>
        <div>
          <dt>{t('commerce.studio.paid')}</dt>
          <dd data-testid="studio-flash-paid" data-count={paidCount}>
            {paidCount}
          </dd>
        </div>
      </dl>
      {counts.isError && <ApiErrorAlert error={counts.error} />}
    </div>
  );
}
