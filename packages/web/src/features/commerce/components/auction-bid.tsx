import { type AuctionDetail, bidStepFen } from '@jadelive/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fenToYuan, formatFenExact, yuanToFen } from '../../../lib/units';
import { usePlaceBid, useSetMaxBid } from '../api/auctions';
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
 * An optional max bid (代理出价) goes with the bid, or on its own (also while leading, to raise
 * it). A deposit, when asked for, is paid first.
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

  const setMax = useSetMaxBid(sessionId);
  const maxAttempt = useAttemptKey();
  const [maxInput, setMaxInput] = useState('');

  const amountFen = yuanToFen(amount);
  const tooLow = amountFen === null || amountFen < minimum;
  const needsDeposit = auction.depositFen !== null && viewer?.deposit?.status !== 'held';
  const leads = viewer?.isLeader === true;
  const maxGiven = maxInput.trim() !== '';
  const maxFen = maxGiven ? yuanToFen(maxInput) : null;
  // On its own a max must reach the next bid, or for the leader their own bid; with a bid, the bid.
  const maxFloor = leads ? (auction.currentPriceFen ?? minimum) : minimum;
  const maxTooLow = maxGiven && (maxFen === null || maxFen < maxFloor);
  // The leader cannot bid (only change their max), so their bid amount does not bound it.
  const maxBelowBid =
    !leads && maxGiven && !maxTooLow && amountFen !== null && (maxFen as number) < amountFen;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (amountFen === null || tooLow || maxTooLow || maxBelowBid) return;
    const idempotencyKey = attempt.take();
    bid.mutate(
      { auctionId: auction.id, amountFen, idempotencyKey, ...(maxFen === null ? {} : { maxFen }) },
      {
        onSuccess: () => {
          attempt.settle(null);
          setTouched(false);
          setMaxInput('');
        },
        onError: (error) => attempt.settle(error),
      },
    );
  }

  function submitMax() {
    if (maxFen === null || maxTooLow) return;
    const idempotencyKey = maxAttempt.take();
    setMax.mutate(
      { auctionId: auction.id, maxFen, idempotencyKey },
      {
        onSuccess: () => {
          maxAttempt.settle(null);
          setMaxInput('');
        },
        onError: (error) => maxAttempt.settle(error),
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
      <div className="field auction-max-bid">
        <label className="field-label" htmlFor={`auction-max-${auction.id}`}>
          {t('auction.maxBid.label')}
        </label>
        <div className="form-row">
          <input
            id={`auction-max-${auction.id}`}
            className="input"
            inputMode="decimal"
            placeholder={t('auction.maxBid.placeholder')}
            aria-invalid={maxTooLow || maxBelowBid}
            data-testid="auction-max-amount"
            value={maxInput}
            onChange={(event) => setMaxInput(event.currentTarget.value)}
          />
          <button
            type="button"
            className="button"
            data-testid="auction-set-max"
            disabled={!open || setMax.isPending || maxFen === null || maxTooLow}
            onClick={submitMax}
          >
            {setMax.isPending ? t('auction.maxBid.setting') : t('auction.maxBid.set')}
          </button>
        </div>
        <p className="field-hint">{t('auction.maxBid.hint')}</p>
        {maxTooLow && (
          <p className="field-error">{t('auction.maxBid.invalid', { minimum: formatFenExact(maxFloor) })}</p>
        )}
        {maxBelowBid && <p className="field-error">{t('auction.maxBid.belowBid')}</p>}
        {viewer?.maxBidFen != null && (
          <p data-testid="auction-your-max" data-fen={viewer.maxBidFen}>
            <strong>{t('auction.maxBid.yours', { price: formatFenExact(viewer.maxBidFen) })}</strong>
          </p>
        )}
        {setMax.isError && (
          <ReasonAlert error={setMax.error} describe={describe} testId="auction-max-error" />
        )}
      </div>
      <button
        type="submit"
        className="button button-primary"
        data-testid="auction-bid"
        disabled={!open || bid.isPending || tooLow || maxTooLow || maxBelowBid || leads}
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
