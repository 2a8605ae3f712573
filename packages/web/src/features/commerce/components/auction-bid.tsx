import { type AuctionDetail, bidStepFen } from '@jadelive/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fenToYuan, formatFenExact, yuanToFen } from '../../../lib/units';
import { usePlaceBid } from '../api/auctions';
import { isRetriable, useAttemptKey } from '../hooks/use-attempt-key';
import type { AuctionView } from '../hooks/use-session-auction';
import { AuctionDeposit } from './auction-deposit';
import { useAuctionReason } from './auction-reasons';
import { ReasonAlert } from './reason-alert';

interface AuctionBidProps {
  sessionId: string;
  auction: AuctionView;
  viewer: AuctionDetail['viewer'];
  open: boolean;
}

/**
 * The bid box: pre-filled with the least the server accepts (`minimumNextBidFen`), quick +step
 * buttons, and one idempotency key per attempt so a retry after a lost answer cannot bid twice.
 * A deposit, when asked for, is paid first.
 */
export function AuctionBid({ sessionId, auction, viewer, open }: AuctionBidProps) {
  const { t } = useTranslation();
  const bid = usePlaceBid(sessionId);
  const attempt = useAttemptKey();
  const describe = useAuctionReason();
  const minimum = auction.minimumNextBidFen;
  const step = bidStepFen(auction.currentPriceFen ?? auction.startPriceFen, auction.ladder);
  const [amount, setAmount] = useState(fenToYuan(minimum));
  const [touched, setTouched] = useState(false);
  // Follow the rising minimum until the buyer types their own amount.
  useEffect(() => {
    if (!touched) setAmount(fenToYuan(minimum));
  }, [minimum, touched]);

  const amountFen = yuanToFen(amount);
  const tooLow = amountFen === null || amountFen < minimum;
  const needsDeposit = auction.depositFen !== null && viewer?.deposit?.status !== 'held';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (amountFen === null || tooLow) return;
    const idempotencyKey = attempt.take();
    bid.mutate(
      { auctionId: auction.id, amountFen, idempotencyKey },
      {
        onSuccess: () => {
          attempt.settle(null);
          setTouched(false);
        },
        onError: (error) => attempt.settle(error),
      },
    );
  }

  if (needsDeposit && auction.depositFen !== null) {
    return (
      <AuctionDeposit
        sessionId={sessionId}
        auctionId={auction.id}
        depositFen={auction.depositFen}
        viewer={viewer}
      />
    );
  }
  const raise = (times: number) => {
    setTouched(true);
    setAmount(fenToYuan(Math.max(amountFen ?? 0, minimum) + step * times));
  };
  const retriable = bid.isError && isRetriable(bid.error);
  return (
    <form className="form auction-bid" data-testid="auction-bid-form" onSubmit={submit}>
      <p className="fine-print" data-testid="auction-minimum" data-fen={minimum}>
        {t('auction.minimum', { price: formatFenExact(minimum) })}
      </p>
      <div className="form-row">
        <input
          className="input"
          inputMode="decimal"
          aria-label={t('auction.amount')}
          aria-invalid={touched && tooLow}
          data-testid="auction-amount"
          value={amount}
          onChange={(event) => {
            setTouched(true);
            setAmount(event.currentTarget.value);
          }}
        />
        {[1, 2, 5].map((times) => (
          <button
            key={times}
            type="button"
            className="button"
            data-testid={`auction-plus-${times}`}
            disabled={!open}
            onClick={() => raise(times)}
          >
            +{formatFenExact(step * times)}
          </button>
        ))}
      </div>
      {touched && tooLow && (
        <p className="field-error">{t('auction.amountInvalid', { minimum: formatFenExact(minimum) })}</p>
      )}
      <button
        type="submit"
        className="button button-primary"
        data-testid="auction-bid"
        disabled={!open || bid.isPending || tooLow || viewer?.isLeader === true}
      >
        {bid.isPending
          ? t('auction.bidding')
          : retriable
            ? t('auction.retry')
            : t('auction.bid', { price: amountFen === null ? '—' : formatFenExact(amountFen) })}
      </button>
      {bid.isError && <ReasonAlert error={bid.error} describe={describe} testId="auction-bid-error" />}
    </form>
  );
}
