import type { LiveSession } from '@jadelive/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormat } from '../../../i18n/format';
import { imageUrl } from '../../../lib/images';
import { SessionStatusBadge } from './session-badges';

interface SessionListProps {
  sessions: LiveSession[];
  empty: string;
  actions(session: LiveSession): ReactNode;
  testId?: string;
}

/** Sessions as cards: cover, title, seller, when, status, viewers, and what this page lets you do. */
export function SessionList({ sessions, empty, actions, testId = 'live-sessions' }: SessionListProps) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  if (sessions.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="session-list" data-testid={testId}>
      {sessions.map((session) => (
        <li key={session.id} className="session-item" data-session={session.id} data-status={session.status}>
          {session.coverImageId ? (
            <img className="session-cover" src={imageUrl(session.coverImageId)} alt="" />
          ) : (
            <span className="session-cover session-cover-empty" aria-hidden="true" />
          )}
          <div className="session-body">
            <span className="card-title">{session.title}</span>
            <span className="fine-print">
              {session.sellerName} · {formatDate(session.startedAt ?? session.plannedStartAt)}
            </span>
            <span className="session-meta">
              <SessionStatusBadge status={session.status} />
              {session.status === 'live' &&
                (session.hostAwaySince ? (
                  <span className="status live-host-away" data-testid="host-away">
                    {t('live.list.hostAway')}
                  </span>
                ) : (
                  <span className="fine-print">
                    {t('live.list.watching', { count: session.currentViewers })}
                  </span>
                ))}
            </span>
          </div>
          <div className="session-actions">{actions(session)}</div>
        </li>
      ))}
    </ul>
  );
}
