import type { Order } from '@jadelive/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDateTimeFormat } from '../../../i18n/format';
import { commercePaths } from '../../../lib/paths';
import { formatFenExact } from '../../../lib/units';
import { useGrabFlashSale } from '../api/flash-sales';
import { isRetriable, useAttemptKey } from '../hooks/use-attempt-key';
import type { FlashSaleView } from '../hooks/use-session-flash-sale';
import { CommerceRefusal } from './commerce-refusal';
import { FlashSaleClock, useFlashSalePhase } from './flash-sale-clock';

interface FlashSaleCardProps {
  sessionId: string;
  sale: FlashSaleView;
  signedIn: boolean;
  loginPath: string;
}

/** The 秒杀 card of the viewer room: price, what is left, the countdown and the grab button. */
export function FlashSaleCard({ sessionId, sale, signedIn, loginPath }: FlashSaleCardProps) {
  const { t } = useTranslation();
  const phase = useFlashSalePhase(sale);
  const grab = useGrabFlashSale(sessionId);
  const attempt = useAttemptKey();
  const [order, setOrder] = useState<Order | null>(null);
  const won = order?.flashSaleId === sale.id ? order : null;

  function grabOne() {
    const idempotencyKey = attempt.take();
    grab.mutate(
      { saleId: sale.id, idempotencyKey },
      {
        onSuccess: (created) => {
          attempt.settle(null);
          setOrder(created);
        },
        onError: (error) => attempt.settle(error),
      },
    );
  }

  const retriable = grab.isError && isRetriable(grab.error);
  return (
    <article
      className="flash-card"
      data-testid="flash-sale-card"
      data-sale={sale.id}
      data-state={phase}
      data-remaining={sale.remaining}
    >
      <header className="flash-card-header">
        <span className="flash-badge">{t('commerce.flash.badge')}</span>
        <span className="status" data-testid="flash-state">
          {t(`commerce.flashStates.${phase}`)}
        </span>
      </header>
      <p className="flash-price" data-testid="flash-price">
        {formatFenExact(sale.priceFen)}
      </p>
      <StockBar remaining={sale.remaining} quantity={sale.quantity} />
      <p className="flash-meta">
        <FlashSaleClock sale={sale} phase={phase} />
        {sale.perBuyerLimit !== null && (
          <span className="fine-print">{t('commerce.flash.perBuyer', { count: sale.perBuyerLimit })}</span>
        )}
      </p>
      {won ? (
        <GrabbedNotice order={won} />
      ) : !signedIn ? (
        <Link to={loginPath} className="button button-primary flash-button" data-testid="flash-sign-in">
          {t('commerce.flash.signInToGrab')}
        </Link>
      ) : (
        <button
          type="button"
          className="button button-primary flash-button"
          data-testid="flash-grab"
          disabled={phase !== 'running' || grab.isPending}
          onClick={grabOne}
        >
          {grab.isPending
            ? t('commerce.flash.grabbing')
            : retriable
              ? t('commerce.flash.retry')
              : t('commerce.flash.grab')}
        </button>
      )}
      {grab.isError && !won && <CommerceRefusal error={grab.error} testId="flash-outcome" />}
    </article>
  );
}

function StockBar({ remaining, quantity }: { remaining: number; quantity: number }) {
  const { t } = useTranslation();
  const percent = quantity > 0 ? Math.round((remaining / quantity) * 100) : 0;
  return (
    <div className="flash-stock">
      <div className="flash-stock-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </div>
      <span data-testid="flash-remaining" data-remaining={remaining}>
        {t('commerce.flash.remaining', { remaining, quantity })}
      </span>
    </div>
  );
}

function GrabbedNotice({ order }: { order: Order }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  return (
    <div className="flash-won" data-testid="flash-won" data-order={order.id}>
      <p>
        <strong>{t('commerce.flash.won')}</strong>{' '}
        {t('commerce.flash.payBefore', { time: formatDate(order.paymentDueAt) })}
      </p>
      <Link to={commercePaths.pay(order.id)} className="button button-primary" data-testid="flash-pay">
        {t('commerce.flash.pay')}
      </Link>
    </div>
  );
}
