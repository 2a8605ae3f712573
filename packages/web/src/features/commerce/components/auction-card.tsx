import type { AuctionDetail, AuctionBid as Bid } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDateTimeFormat } from '../../../i18n/format';
import { commercePaths } from '../../../lib/paths';
import { formatFenExact } from '../../../lib/units';
import { millisecondsUntil, useCountdownFormat, useTicker } from '../hooks/use-server-clock';
import type { AuctionView } from '../hooks/use-session-auction';
import { AuctionBid } from './auction-bid';
import { reserveLine } from './panel-truths';

/** Open/scheduled/closed as of now on the server's clock (the reading may be a few seconds old). */
export function useAuctionPhase(auction: AuctionView): AuctionView['state'] {
  const running = auction.state !== 'closed';
  const now = useTicker(running);
  if (!running) return 'closed';
  if (millisecondsUntil(auction.endsAt, auction.serverTime, auction.receivedAt, now) === 0) return 'closed';
  if (millisecondsUntil(auction.startsAt, auction.serverTime, auction.receivedAt, now) > 0)
    return 'scheduled';
  return 'open';
}

/** "距结束 00:42", counted on the server's clock; the end moves when a late bid extends it. */
export function AuctionClock({ auction, phase }: { auction: AuctionView; phase: AuctionView['state'] }) {
  const { t } = useTranslation();
  const now = useTicker(phase !== 'closed');
  const formatCountdown = useCountdownFormat();
  if (phase === 'closed') return null;
  const target = phase === 'scheduled' ? auction.startsAt : auction.endsAt;
  const left = millisecondsUntil(target, auction.serverTime, auction.receivedAt, now);
  return (
    <span
      className="flash-countdown mono"
      data-testid="auction-countdown"
      data-ends-at={auction.endsAt}
      data-ms={left}
    >
      {phase === 'scheduled'
        ? t('auction.startsIn', { time: formatCountdown(left) })
        : t('auction.endsIn', { time: formatCountdown(left) })}
    </span>
  );
}

interface AuctionCardProps {
  sessionId: string;
  auction: AuctionView;
  bids: Bid[];
  viewer: AuctionDetail['viewer'];
  signedIn: boolean;
  loginPath: string;
}

/** The 拍卖 card of the viewer room: price, masked leader, countdown, bid box, recent bids, outcome. */
export function AuctionCard({ sessionId, auction, bids, viewer, signedIn, loginPath }: AuctionCardProps) {
  const { t } = useTranslation();
  const phase = useAuctionPhase(auction);
  const leads = viewer?.isLeader === true;
  const extended = bids.some((bid) => bid.extended);
  return (
    <article
      className="flash-card auction-card"
      data-testid="auction-card"
      data-auction={auction.id}
      data-state={phase}
      data-bids={auction.bidCount}
    >
      <header className="flash-card-header">
        <span className="flash-badge">{t('auction.badge')}</span>
        <span className="status" data-testid="auction-state">
          {phase === 'closed' && auction.outcome
            ? t(`auction.outcomes.${auction.outcome}`)
            : t(`auction.states.${phase}`)}
        </span>
      </header>
      <p className="fine-print">{auction.listingTitle}</p>
      <p className="flash-price" data-testid="auction-price" data-fen={auction.currentPriceFen ?? ''}>
        {auction.currentPriceFen === null ? (
          <span className="muted">
            {t('auction.startPrice', { price: formatFenExact(auction.startPriceFen) })}
          </span>
        ) : (
          formatFenExact(auction.currentPriceFen)
        )}
      </p>
      <p className="flash-meta">
        {leads ? (
          <strong data-testid="auction-you-lead">{t('auction.youLead')}</strong>
        ) : auction.leaderAlias ? (
          <span data-testid="auction-leader">{t('auction.leader', { alias: auction.leaderAlias })}</span>
        ) : (
          <span className="muted">{t('auction.noBidsYet')}</span>
        )}
        <span className="fine-print">{t('auction.bidCount', { count: auction.bidCount })}</span>
        <span className="fine-print" data-testid="auction-reserve">
          {t(`auction.reserve.${reserveLine(auction)}`)}
        </span>
      </p>
      <p className="flash-meta">
        <AuctionClock auction={auction} phase={phase} />
        {auction.antiSnipeSeconds > 0 && (
          <span className="fine-print">
            {t('auction.antiSnipe', {
              seconds: auction.antiSnipeSeconds,
              extension: auction.antiSnipeExtensionSeconds,
            })}
          </span>
        )}
      </p>
      {extended && phase !== 'closed' && (
        <p className="alert alert-info" data-testid="auction-extended">
          {t('auction.extended')}
        </p>
      )}
      {phase === 'closed' ? (
        <AuctionOutcome auction={auction} viewer={viewer} />
      ) : !signedIn ? (
        <Link to={loginPath} className="button button-primary flash-button" data-testid="auction-sign-in">
          {t('auction.signInToBid')}
        </Link>
      ) : (
        <AuctionBid sessionId={sessionId} auction={auction} viewer={viewer} open={phase === 'open'} />
      )}
      <RecentBids bids={bids} />
    </article>
  );
}

function AuctionOutcome({ auction, viewer }: { auction: AuctionView; viewer: AuctionDetail['viewer'] }) {
  const { t } = useTranslation();
  const price = formatFenExact(auction.hammerPriceFen ?? auction.currentPriceFen ?? 0);
  if (viewer?.wonOrderId) {
    return (
      <div className="flash-won" data-testid="auction-won" data-order={viewer.wonOrderId}>
        <p>
          <strong>{t('auction.outcome.won', { price })}</strong>
        </p>
        <Link
          to={commercePaths.pay(viewer.wonOrderId)}
          className="button button-primary"
          data-testid="auction-pay"
        >
          {t('auction.outcome.pay')}
        </Link>
      </div>
    );
  }
  // Until the closing reading arrives the outcome is unknown: say nothing rather than guess.
  if (!auction.outcome) return null;
  return (
    <p className="alert alert-info" data-testid="auction-outcome" data-outcome={auction.outcome}>
      {auction.outcome === 'sold'
        ? t('auction.outcome.sold', { price })
        : t(`auction.outcome.${auction.outcome}`)}
    </p>
  );
}

function RecentBids({ bids }: { bids: Bid[] }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  if (bids.length === 0) return null;
  return (
    <details className="auction-bids" open>
      <summary>{t('auction.recentBids')}</summary>
      <ol className="plain-list" data-testid="auction-bids">
        {bids.slice(0, 8).map((bid) => (
          <li key={bid.id} data-testid="auction-bid-row">
            <span>{bid.bidderAlias}</span> <strong className="mono">{formatFenExact(bid.amountFen)}</strong>{' '}
            <span className="fine-print">{formatDate(bid.placedAt)}</span>
            {bid.automatic && <span className="status"> {t('auction.bidAutomatic')}</span>}
            {bid.extended && <span className="status"> {t('auction.bidExtended')}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
