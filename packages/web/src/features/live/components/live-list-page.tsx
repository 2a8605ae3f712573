import '../live.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { livePaths } from '../../../lib/paths';
import { useLiveSessions } from '../api/get-live-sessions';
import { LiveAvailability } from './live-availability';
import { SessionList } from './session-list';

/** Live now and coming up, for everyone (linked from the buyer home and the catalogue header). */
export function LiveListPage() {
  const { t } = useTranslation();
  // The server drops a session 30 s after its host left; polled so it leaves this page within a minute.
  const sessions = useLiveSessions('public', { refetchInterval: 15_000 });
  const sorted = [...(sessions.data ?? [])].sort((a, b) =>
    a.status === b.status ? a.plannedStartAt.localeCompare(b.plannedStartAt) : a.status === 'live' ? -1 : 1,
  );
  return (
    <div className="page" data-page="live-list">
      <header className="page-header">
        <h1>{t('live.list.title')}</h1>
        <p className="muted">{t('live.list.intro')}</p>
      </header>
      <LiveAvailability>{null}</LiveAvailability>
      {sessions.error && <ApiErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <SessionList
          sessions={sorted}
          empty={t('live.list.empty')}
          actions={(session) => (
            <Link
              className={
                session.status === 'live' ? 'button button-small button-primary' : 'button button-small'
              }
              to={livePaths.watch(session.id)}
              data-testid="watch-session"
            >
              {session.status === 'live' ? t('live.list.watch') : t('live.list.enter')}
            </Link>
          )}
        />
      )}
    </div>
  );
}
