import type { FlashSale } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { millisecondsUntil, useCountdownFormat, useTicker } from '../hooks/use-server-clock';
import type { FlashSaleView } from '../hooks/use-session-flash-sale';

/**
 * The sale's state as of now by the server's clock: a reading says "running" until the next one
 * arrives, but the countdown may already have passed its start or end.
 */
export function useFlashSalePhase(sale: FlashSaleView): FlashSale['state'] {
  const open = sale.state === 'scheduled' || sale.state === 'running';
  const now = useTicker(open);
  if (!open) return sale.state;
  if (millisecondsUntil(sale.endsAt, sale.serverTime, sale.receivedAt, now) === 0) return 'ended';
  if (millisecondsUntil(sale.startsAt, sale.serverTime, sale.receivedAt, now) > 0) return 'scheduled';
  return sale.remaining === 0 ? 'sold_out' : 'running';
}

/** "距结束 04:59" / "距开始 1:00:00" / "距开始 1天 2:00:00", counted on the server's clock. */
export function FlashSaleClock({ sale, phase }: { sale: FlashSaleView; phase: FlashSale['state'] }) {
  const { t } = useTranslation();
  const now = useTicker(phase === 'scheduled' || phase === 'running');
  const formatCountdown = useCountdownFormat();
  if (phase !== 'scheduled' && phase !== 'running') return null;
  const target = phase === 'scheduled' ? sale.startsAt : sale.endsAt;
  const left = millisecondsUntil(target, sale.serverTime, sale.receivedAt, now);
  return (
    <span className="flash-countdown mono" data-testid="flash-countdown" data-ms={left}>
      {phase === 'scheduled'
        ? t('commerce.flash.startsIn', { time: formatCountdown(left) })
        : t('commerce.flash.endsIn', { time: formatCountdown(left) })}
    </span>
  );
}
