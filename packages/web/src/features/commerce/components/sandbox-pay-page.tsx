import '../commerce.css';
import type { Payment } from '@jadelive/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Loading } from '../../../components/ui/status';
import { commercePaths } from '../../../lib/paths';
import { formatFenExact } from '../../../lib/units';
import { useMyOrder } from '../api/buyer-orders';
import { useCompleteSandboxPayment, useStartPayment } from '../api/payments';
import { OrderAddressPicker } from './address-picker';
import { OrderStatusBadge } from './order-parts';
import { SandboxOutcomeButtons } from './sandbox-outcome-buttons';

/**
 * Pay for an order. The only provider here is the sandbox, so this page stands in for the
 * gateway's hosted page and says so plainly: nothing is charged; 成功 / 失败 decide the outcome,
 * which reaches the order through the same signed notification a real gateway would send.
 */
export function SandboxPayPage() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const detail = useMyOrder(orderId);
  const start = useStartPayment(orderId);
  const complete = useCompleteSandboxPayment(orderId);
  const pending = detail.data?.order.status === 'pending_payment';
  // Nothing is paid for that cannot be shipped: the payment opens once the order has an address.
  const hasAddress = Boolean(detail.data?.order.shippingAddress);
  const started = useRef(false);
  const startPayment = start.mutate;

  useEffect(() => {
    // Opening the payment once per visit; the server answers an already open one again anyway.
    if (!pending || !hasAddress || started.current) return;
    started.current = true;
    startPayment();
  }, [pending, hasAddress, startPayment]);

  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ApiErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const { order } = detail.data;
  const payment: Payment | undefined = complete.data?.payment ?? start.data;
  const outcome = complete.data?.payment.status;

  return (
    <div
      className="page sandbox-pay"
      data-page="sandbox-pay"
      data-order={order.id}
      data-status={order.status}
    >
      <p className="sandbox-banner" data-testid="sandbox-banner" role="note">
        {t('commerce.sandbox.banner')}
      </p>
      <header className="page-header">
        <h1>{t('commerce.sandbox.title')}</h1>
        <p className="muted">{order.listingTitle}</p>
      </header>
      <OrderAddressPicker order={order} />
      <section className="panel sandbox-panel">
        <p className="sandbox-amount" data-testid="sandbox-amount">
          {formatFenExact(order.totalFen)}
        </p>
        <p>
          <OrderStatusBadge status={order.status} />
        </p>
        {outcome && (
          <p
            className={`alert ${outcome === 'succeeded' ? 'alert-info' : 'alert-error'}`}
            data-testid="sandbox-result"
            data-status={outcome}
          >
            {outcome === 'succeeded' ? t('commerce.sandbox.succeeded') : t('commerce.sandbox.failed')}
          </p>
        )}
        {pending && !start.isPending && payment?.status === 'pending' && (
          <SandboxOutcomeButtons
            testIdPrefix="sandbox"
            labels={{ success: t('commerce.sandbox.success'), fail: t('commerce.sandbox.fail') }}
            disabled={complete.isPending}
            onChoose={(outcome) => complete.mutate({ paymentId: payment.id, outcome })}
          />
        )}
        {pending && outcome === 'failed' && (
          <button
            type="button"
            className="button"
            data-testid="sandbox-again"
            disabled={start.isPending}
            onClick={() => {
              complete.reset();
              startPayment();
            }}
          >
            {t('commerce.sandbox.again')}
          </button>
        )}
        {pending && start.isPending && <Loading />}
        {start.isError && <ApiErrorAlert error={start.error} />}
        {complete.isError && <ApiErrorAlert error={complete.error} />}
        <Link
          to={commercePaths.buyerOrder(order.id)}
          className="button button-quiet"
          data-testid="sandbox-back"
        >
          {t('commerce.sandbox.toOrder')}
        </Link>
      </section>
    </div>
  );
}
