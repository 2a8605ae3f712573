import type { LiveSessionStatus } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { formatDuration, useElapsedSeconds } from '../hooks/use-elapsed';

export function SessionStatusBadge({ status }: { status: LiveSessionStatus }) {
  const { t } = useTranslation();
  return (
    <span
      className={`status live-status live-status-${status}`}
      data-testid="session-status"
      data-status={status}
    >
      {t(`live.statuses.${status}`)}
    </span>
  );
}

/** Time on air, counting while live and frozen once ended. */
export function LiveTimer({ startedAt, endedAt }: { startedAt: string | null; endedAt: string | null }) {
  const { t } = useTranslation();
  const seconds = useElapsedSeconds(startedAt, endedAt);
  if (seconds === null) return null;
  return (
    <span className="live-figure" data-testid="live-timer">
      {t('live.studio.onAirFor', { time: formatDuration(seconds) })}
    </span>
  );
}

export function ViewerCount({ current, peak }: { current: number; peak: number }) {
  const { t } = useTranslation();
  return (
    <span className="live-figure" data-testid="viewer-count" data-current={current} data-peak={peak}>
      {t('live.studio.viewers', { current, peak })}
    </span>
  );
}
