import '../live.css';
import type { PinnedCard as PinnedCardData } from '@jadelive/shared';
import { RoomContext } from '@livekit/components-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { livePaths } from '../../../lib/paths';
import { useLiveSession } from '../api/get-live-session';
import { useLiveSessions } from '../api/get-live-sessions';
import { useLiveFeed } from '../hooks/use-live-feed';
import { isFinalDisconnect, useLiveRoom } from '../hooks/use-live-room';
import { ChatPanel } from './chat-panel';
import { LiveAvailability } from './live-availability';
import { PinnedCard } from './pinned-card';
import { LiveTimer, SessionStatusBadge, ViewerCount } from './session-badges';
import { SessionList } from './session-list';
import { StageVideo } from './stage-video';

/** Sessions of sellers in the regulator's district: live ones to observe, ended ones to review. */
export function ObserverListPage() {
  const { t } = useTranslation();
  const sessions = useLiveSessions('mine', { refetchInterval: 30_000 });
  return (
    <div className="page" data-page="observer-list">
      <header className="page-header">
        <h1>{t('live.observer.title')}</h1>
        <p className="muted">{t('live.observer.intro')}</p>
      </header>
      <LiveAvailability>{null}</LiveAvailability>
      {sessions.error && <ApiErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />}
      <SessionList
        sessions={sessions.data ?? []}
        empty={t('live.observer.empty')}
        actions={(session) =>
          session.status === 'ended' ? (
            <Link className="button button-small" to={livePaths.observerSummary(session.id)}>
              {t('live.sessions.summary')}
            </Link>
          ) : session.status === 'cancelled' ? null : (
            <Link
              className="button button-small button-primary"
              to={livePaths.observe(session.id)}
              data-testid="observe"
            >
              {t('live.observer.observe')}
            </Link>
          )
        }
      />
    </div>
  );
}

/** What an observer's panel plugged in by the app layer is given (the casework's capture form). */
export type ObserverPanel = ComponentType<{
  sessionId: string;
  title: string;
  pinned: PinnedCardData | null;
}>;

/** Watching as a hidden observer: video, chat (read only), the pinned card and the figures. */
export function ObserverRoomPage({ panel }: { panel?: ObserverPanel }) {
  const { sessionId = '' } = useParams();
  return (
    <LiveAvailability>
      <ObserverRoom key={sessionId} sessionId={sessionId} panel={panel} />
    </LiveAvailability>
  );
}

function ObserverRoom({ sessionId, panel: Panel }: { sessionId: string; panel?: ObserverPanel }) {
  const { t } = useTranslation();
  const session = useLiveSession(sessionId, { refetchInterval: 10_000 });
  const { feed, onData } = useLiveFeed(sessionId, session.data);
  const open = session.data?.status === 'scheduled' || session.data?.status === 'live';
  const room = useLiveRoom({ sessionId, role: 'observer', enabled: open && !feed.ending, onData });
  if (session.error) return <ApiErrorAlert error={session.error} />;
  if (!session.data) return <p className="page-status muted">{t('common.loading')}</p>;
  const data = session.data;
  const ended =
    feed.ending || !open || (room.phase === 'disconnected' && isFinalDisconnect(room.disconnectReason));
  return (
    <div className="page viewer-room" data-page="observer-room" data-session={sessionId}>
      <header className="viewer-header">
        <div>
          <p className="eyebrow">
            <Link to={livePaths.observerList}>{t('live.observer.back')}</Link> · {data.sellerName}
          </p>
          <h1 className="viewer-title">{data.title}</h1>
          <p className="studio-figures">
            <SessionStatusBadge status={ended && data.status === 'live' ? 'ended' : data.status} />
            <LiveTimer startedAt={data.startedAt} endedAt={data.endedAt} />
            <ViewerCount current={data.currentViewers} peak={data.peakViewers} />
          </p>
        </div>
      </header>
      <div className="viewer-grid">
        <section className="viewer-stage">
          {ended ? (
            <div className="stage-video stage-ended" data-testid="session-ended">
              <p>{t('live.room.ended')}</p>
              <Link className="button button-small" to={livePaths.observerSummary(sessionId)}>
                {t('live.sessions.summary')}
              </Link>
            </div>
          ) : room.room ? (
            <RoomContext.Provider value={room.room}>
              <StageVideo waiting={t('live.room.waitingForHost')} />
            </RoomContext.Provider>
          ) : (
            <div className="stage-video">
              <p className="stage-waiting">{t(`live.phases.${room.phase}`)}</p>
            </div>
          )}
          {room.error != null && <ApiErrorAlert error={room.error} />}
          {feed.pinned && <PinnedCard card={feed.pinned} />}
          {Panel && <Panel sessionId={sessionId} title={data.title} pinned={feed.pinned ?? null} />}
        </section>
        <ChatPanel messages={feed.messages} slowModeSeconds={feed.slowModeSeconds} />
      </div>
    </div>
  );
}
