import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { useDateTimeFormat } from '../../../i18n/format';
import { shanghaiClockLabel } from '../../../lib/shanghai-time';
import { formatFenExact } from '../../../lib/units';
import { useAuctionControl } from '../api/auctions';
import { type AuctionView, useSessionAuction } from '../hooks/use-session-auction';
import type { RoomCommerceContext } from '../types';
import { AuctionClock, useAuctionPhase } from './auction-card';
import { AuctionForm } from './auction-form';
import { useAuctionReason } from './auction-reasons';
import { reserveLine, showsWithPinned } from './panel-truths';
import { ReasonAlert } from './reason-alert';

const AUCTION_POLL_MS = 5_000;

/**
 * The host's auction section: live counters and hammer/cancel while one runs (cancel only while it
 * is scheduled), else the start form.
 */
export function StudioAuction({
  sessionId,
  sessionStatus,
  pinned,
  subscribe,
}: Omit<RoomCommerceContext, 'signedIn'>) {
  const { t } = useTranslation();
  const control = useAuctionControl(sessionId);
  const { auction } = useSessionAuction(sessionId, subscribe, AUCTION_POLL_MS);
  // The server marks an auction closed once past its end (and the room says so at the hammer).
  const running = auction !== null && auction.state !== 'closed';

  return (
    <section className="commerce-section" data-testid="studio-auction">
      <h3>{t('auction.studio.title')}</h3>
      {auction && showsWithPinned({ ...auction, open: running }, pinned?.listingId ?? null) && (
        <AuctionCounters auction={auction} control={control} />
      )}
      {!running && <AuctionForm pinned={pinned} live={sessionStatus === 'live'} start={control.start} />}
    </section>
  );
}

function AuctionCounters({
  auction,
  control,
}: {
  auction: AuctionView;
  control: ReturnType<typeof useAuctionControl>;
}) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const describe = useAuctionReason();
  const phase = useAuctionPhase(auction);
  const running = phase !== 'closed';
  const scheduled = phase === 'scheduled';
  return (
    <div className="auction-counters" data-testid="auction-counters" data-state={phase}>
      <h4>{t('auction.studio.counters')}</h4>
      <p className="flash-price" data-testid="studio-auction-price">
        {auction.currentPriceFen === null ? t('auction.noBidsYet') : formatFenExact(auction.currentPriceFen)}
      </p>
      <p className="flash-meta">
        <span>{t('auction.bidCount', { count: auction.bidCount })}</span>
        {auction.leaderAlias && <span>{t('auction.leader', { alias: auction.leaderAlias })}</span>}
        <span data-testid="studio-auction-reserve">{t(`auction.reserve.${reserveLine(auction)}`)}</span>
      </p>
      <p className="flash-meta">
        <AuctionClock auction={auction} phase={phase} />
        {scheduled && (
          <span className="fine-print" data-testid="studio-auction-starts" data-starts-at={auction.startsAt}>
            {t('auction.studio.startsAt', { time: shanghaiClockLabel(auction.startsAt) })}
          </span>
        )}
        <span className="fine-print">{t('auction.studio.ends', { time: formatDate(auction.endsAt) })}</span>
        {!running && auction.outcome && (
          <span className="status">{t(`auction.outcomes.${auction.outcome}`)}</span>
        )}
      </p>
      {running && (
        <div className="form-row">
          {/* Before the start there is nothing to hammer: the host can only call it off. */}
          {!scheduled && (
            <ConfirmButton
              tone="primary"
              testId="auction-hammer"
              label={t('auction.studio.hammer')}
              question={t('auction.studio.confirmHammer')}
              pending={control.closeNow.isPending}
              onConfirm={() => control.closeNow.mutate(auction.id)}
            />
          )}
          <ConfirmButton
            tone="danger"
            testId="auction-cancel"
            label={t('auction.studio.cancel')}
            question={t('auction.studio.confirmCancel')}
            pending={control.cancel.isPending}
            onConfirm={() => control.cancel.mutate(auction.id)}
          />
        </div>
      )}
      {control.closeNow.isError && <ReasonAlert error={control.closeNow.error} describe={describe} />}
      {control.cancel.isError && <ReasonAlert error={control.cancel.error} describe={describe} />}
    </div>
  );
}
