import '../follows.css';
import type { UpcomingSession } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { livePaths } from '../../../lib/paths';
import type { Shopper } from '../../../lib/shopper';
import { useReminders, useSetReminder } from '../api/reminders';
import { ToggleButton } from './toggle-button';

/** 预约 a planned session (told when it goes live), or the way in once it is live. */
export function RemindButton({
  session,
  shopper,
  signInPath,
}: {
  session: UpcomingSession;
  shopper: Shopper;
  /** Where a visitor signs in, to come back here after. */
  signInPath: string;
}) {
  const { t } = useTranslation();
  const reminders = useReminders(shopper === 'buyer');
  const change = useSetReminder(session.id);
  if (session.status === 'live') {
    return (
      <Link
        to={livePaths.watch(session.id)}
        className="button button-small button-primary"
        data-testid="watch-session"
      >
        {t('follows.watch')}
      </Link>
    );
  }
  if (shopper === 'guest') {
    return (
      <Link to={signInPath} className="button button-small" data-testid="remind-sign-in">
        {t('follows.signInToRemind')}
      </Link>
    );
  }
  if (shopper !== 'buyer') return null;
  const reminded =
    change.data?.reminded ?? reminders.data?.some((row) => row.session.id === session.id) ?? false;
  return (
    <span className="remind-session" data-testid="remind-session" data-reminded={reminded}>
      <ToggleButton
        on={reminded}
        labels={{ turnOn: t('follows.remind'), turnOff: t('follows.cancelReminder') }}
        busy={reminders.isPending || change.isPending}
        onToggle={(next) => change.mutate(next)}
        testId="remind-button"
      />
      {reminded && <span className="muted">{t('follows.reminded')}</span>}
      {change.isError && <ApiErrorAlert error={change.error} />}
    </span>
  );
}
