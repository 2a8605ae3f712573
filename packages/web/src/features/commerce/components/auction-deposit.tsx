import type { AuctionDetail } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { formatFenExact } from '../../../lib/units';
import { useCompleteSandboxDeposit, useStartDeposit } from '../api/auctions';
import { useAuctionReason } from './auction-reasons';
import { ReasonAlert } from './reason-alert';
import { SandboxOutcomeButtons } from './sandbox-outcome-buttons';

interface AuctionDepositProps {
  sessionId: string;
  auctionId: string;
  depositFen: number;
  viewer: AuctionDetail['viewer'];
}

/**
 * 保证金 before the first bid. Only the sandbox provider exists here, so its confirm step is shown
 * in place, clearly marked as a test payment; a real gateway would send the buyer to `payUrl`.
 */
export function AuctionDeposit({ sessionId, auctionId, depositFen, viewer }: AuctionDepositProps) {
  const { t } = useTranslation();
  const start = useStartDeposit(sessionId);
  const complete = useCompleteSandboxDeposit(sessionId);
  const describe = useAuctionReason();
  const deposit = complete.data ?? viewer?.deposit ?? start.data ?? null;
  const pending = deposit?.status === 'pending';

  return (
    <div className="auction-deposit" data-testid="auction-deposit" data-status={deposit?.status ?? 'none'}>
      <p>{t('auction.deposit.required', { amount: formatFenExact(depositFen) })}</p>
      {deposit && (
        <p className="fine-print" data-testid="auction-deposit-status">
          {t(`auction.deposit.statuses.${deposit.status}`)}
        </p>
      )}
      {pending && deposit ? (
        <div className="sandbox-pay" data-testid="deposit-sandbox">
          <p className="alert alert-info">{t('auction.deposit.sandbox')}</p>
          <SandboxOutcomeButtons
            testIdPrefix="deposit"
            labels={{ success: t('auction.deposit.confirm'), fail: t('auction.deposit.fail') }}
            disabled={complete.isPending}
            onChoose={(outcome) => complete.mutate({ depositId: deposit.id, outcome })}
          />
        </div>
      ) : (
        <button
          type="button"
          className="button button-primary"
          data-testid="deposit-pay"
          disabled={start.isPending}
          onClick={() => start.mutate(auctionId)}
        >
          {start.isPending ? t('auction.deposit.opening') : t('auction.deposit.pay')}
        </button>
      )}
      {start.isError && <ReasonAlert error={start.error} describe={describe} />}
      {complete.isError && <ReasonAlert error={complete.error} describe={describe} />}
    </div>
  );
}
