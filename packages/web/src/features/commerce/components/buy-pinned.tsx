import type { Order } from '@jadelive/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { commercePaths } from '../../../lib/paths';
import { formatFenExact } from '../../../lib/units';
import { useCreateOrder } from '../api/buyer-order-actions';
import { useAttemptKey } from '../hooks/use-attempt-key';
import type { PinnedListingView } from '../types';
import { CommerceRefusal } from './commerce-refusal';

/** 立即购买 for the pinned piece at its current price, credited to this live session. */
export function BuyPinned({ sessionId, pinned }: { sessionId: string; pinned: PinnedListingView }) {
  const { t } = useTranslation();
  const create = useCreateOrder();
  const attempt = useAttemptKey();
  const [order, setOrder] = useState<Order | null>(null);
  const ordered = order?.listingId === pinned.listingId ? order : null;
  const onSale = pinned.listingStatus === 'published' && pinned.stock > 0;

  function buy() {
    create.mutate(
      { listingId: pinned.listingId, quantity: 1, idempotencyKey: attempt.take(), liveSessionId: sessionId },
      {
        onSuccess: (created) => {
          attempt.settle(null);
          setOrder(created);
        },
        onError: (error) => attempt.settle(error),
      },
    );
  }

  return (
    <div className="buy-pinned" data-testid="buy-pinned" data-listing={pinned.listingId}>
      <p className="buy-pinned-line">
        <span className="cell-name">{pinned.title}</span>
        <span className="price">{formatFenExact(pinned.priceFen)}</span>
      </p>
      {ordered ? (
        <div className="flash-won" data-testid="buy-ordered" data-order={ordered.id}>
          <p>{t('commerce.buy.ordered')}</p>
          <Link to={commercePaths.pay(ordered.id)} className="button button-primary" data-testid="buy-pay">
            {t('commerce.flash.pay')}
          </Link>
        </div>
      ) : (
        <button
          type="button"
          className="button"
          data-testid="buy-button"
          disabled={!onSale || create.isPending}
          onClick={buy}
        >
          {onSale ? t('commerce.buy.buyNow') : t('commerce.buy.unavailable')}
        </button>
      )}
      {create.isError && !ordered && <CommerceRefusal error={create.error} testId="buy-outcome" />}
    </div>
  );
}
