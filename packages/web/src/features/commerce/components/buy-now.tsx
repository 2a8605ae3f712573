import type { Order } from '@jadelive/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { commercePaths } from '../../../lib/paths';
import { useCreateOrder } from '../api/buyer-order-actions';
import { useAttemptKey } from '../hooks/use-attempt-key';
import { CommerceRefusal } from './commerce-refusal';

/**
 * 立即购买 of one piece at its current price through the one order path (holds, idempotency key,
 * payment window): the button, then the pay link, or why the order was refused. `liveSessionId`
 * credits the order to the live room it was bought in.
 */
export function BuyNow({
  listingId,
  onSale,
  liveSessionId,
}: {
  listingId: string;
  onSale: boolean;
  liveSessionId?: string;
}) {
  const { t } = useTranslation();
  const create = useCreateOrder();
  const attempt = useAttemptKey();
  const [order, setOrder] = useState<Order | null>(null);
  // The room's pinned piece changes under the same button: an order only counts for its listing.
  const ordered = order?.listingId === listingId ? order : null;

  function buy() {
    create.mutate(
      { listingId, quantity: 1, idempotencyKey: attempt.take(), liveSessionId },
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
    <>
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
    </>
  );
}
