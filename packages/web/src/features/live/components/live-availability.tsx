import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '../api/get-live-status';

/**
 * Says plainly when this deployment has no live video, instead of a room that never connects.
 * `whenUnavailable` shows what needs no video instead (an ended session's summary), with the notice
 * as its fallback.
 */
export function LiveAvailability({
  children,
  whenUnavailable = (notice) => notice,
}: {
  children: ReactNode;
  whenUnavailable?: (notice: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation();
  const status = useLiveStatus();
  if (status.data && !status.data.available) {
    return whenUnavailable(
      <div className="alert alert-info live-unavailable" role="status" data-testid="live-unavailable">
        <p className="alert-message">{t('live.unavailable.title')}</p>
        <p className="fine-print">{t('live.unavailable.hint')}</p>
      </div>,
    );
  }
  return <>{children}</>;
}
