import '../live.css';
import { RoomContext } from '@livekit/components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { isApiError } from '../../../lib/api-error';
import { livePaths, paths } from '../../../lib/paths';
import { useViewerRoom } from '../hooks/use-viewer-room';
import { ChatPanel } from './chat-panel';
import { LiveAvailability } from './live-availability';
import { PinnedCard } from './pinned-card';
import type { RoomComplaint, RoomPanel } from './room-panel-slot';
import { SessionStatusBadge } from './session-badges';
import { SessionRecap } from './session-recap';
import { StageVideo } from './stage-video';

interface ViewerRoomProps {
  signedIn: boolean | undefined;
  /** Selling tools under the stage (flash sale, buy button …), plugged in by the app layer. */
  panel?: RoomPanel;
  /** 投诉 about the session, in the room and on its recap once it ended. */
  complaint?: RoomComplaint;
}

/** The public viewer room, phone first: video, the pinned card over it, chat below. */
export function ViewerRoomPage({ signedIn, panel, complaint }: ViewerRoomProps) {
  const { sessionId = '' } = useParams();
  return (
    // An ended session's summary needs no video: it shows even where live video is unavailable.
    <LiveAvailability
      whenUnavailable={(notice) => (
        <SessionRecap sessionId={sessionId} fallback={notice} complaint={complaint} />
      )}
    >
      <ViewerRoom
        key={sessionId}
        sessionId={sessionId}
        signedIn={signedIn}
        panel={panel}
        complaint={complaint}
      />
    </LiveAvailability>
  );
}

function ViewerRoom({
  sessionId,
  signedIn,
  panel: Panel,
  complaint: Complaint,
}: ViewerRoomProps & { sessionId: string }) {
  const { t } = useTranslation();
  const viewer = useViewerRoom(sessionId, signedIn);
  const { session, feed, room, chat } = viewer;

  if (session.isPending) return <p className="page-status muted">{t('common.loading')}</p>;
  if (session.error) {
    const failed = <ApiErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
    // An ended session is no longer open to the public, but its summary is.
    return isApiError(session.error, 'NOT_FOUND') ? (
      <SessionRecap sessionId={sessionId} fallback={failed} complaint={Complaint} />
    ) : (
      failed
    );
  }
  const data = session.data;
  if (!viewer.removed && (data.status === 'ended' || viewer.ended)) {
    return (
      <SessionRecap sessionId={sessionId} fallback={<EndedStage removed={false} />} complaint={Complaint} />
    );
  }
  const next = encodeURIComponent(livePaths.watch(sessionId));

  return (
    <div
      className="page viewer-room"
      data-page="viewer-room"
      data-session={sessionId}
      data-phase={room.phase}
    >
      <header className="viewer-header">
        <div>
          <h1 className="viewer-title">{data.title}</h1>
          <p className="muted">
            {data.sellerName} · <SessionStatusBadge status={viewer.ended ? 'ended' : data.status} />
          </p>
        </div>
        <div className="button-row">
          <ShareButton sessionId={sessionId} />
          {Complaint && <Complaint sessionId={sessionId} title={data.title} />}
        </div>
      </header>

      <div className="viewer-grid">
        <section className="viewer-stage">
          {viewer.ended ? (
            <EndedStage removed={viewer.removed} />
          ) : room.room ? (
            <RoomContext.Provider value={room.room}>
              <StageVideo
                waiting={
                  data.status === 'live' ? t('live.room.connectingVideo') : t('live.room.waitingForHost')
                }
                away={data.status === 'live' ? t('live.room.hostAway') : undefined}
              />
            </RoomContext.Provider>
          ) : (
            <div className="stage-video">
              <p className="stage-waiting">{t(`live.phases.${room.phase}`)}</p>
            </div>
          )}
          {room.error != null && !viewer.ended && <ApiErrorAlert error={room.error} />}
          {feed.pinned && !viewer.ended && (
            <div className="viewer-card" data-pinned-at={feed.pinnedAt ?? undefined}>
              <PinnedCard card={feed.pinned} />
            </div>
          )}
          {Panel && !viewer.ended && (
            <Panel
              sessionId={sessionId}
              sessionStatus={data.status}
              pinned={feed.pinned ?? null}
              signedIn={viewer.signedIn}
              subscribe={viewer.subscribe}
            />
          )}
        </section>
        <ChatPanel
          messages={feed.messages}
          slowModeSeconds={feed.slowModeSeconds}
          composer={
            viewer.signedIn && !viewer.ended && data.status === 'live'
              ? { send: viewer.send, sending: chat.isPending, error: chat.error }
              : undefined
          }
          signInPath={viewer.signedIn ? undefined : `${paths.login}?next=${next}`}
        />
      </div>
    </div>
  );
}

/** Where the video was, once the session is over for this viewer. */
function EndedStage({ removed }: { removed: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="stage-video stage-ended" data-testid="session-ended" role="status">
      <p>{removed ? t('live.room.removed') : t('live.room.ended')}</p>
      <Link to={livePaths.watchList} className="button button-small">
        {t('live.room.more')}
      </Link>
    </div>
  );
}

/** The room's own address, shared natively on phones and copied elsewhere. */
function ShareButton({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const url = new URL(livePaths.watch(sessionId), window.location.origin).toString();
  async function share() {
    if (navigator.share) {
      await navigator.share({ url }).catch(() => {});
      return;
    }
    await navigator.clipboard?.writeText(url).catch(() => {});
    setCopied(true);
  }
  return (
    <div className="share">
      <button
        type="button"
        className="button button-small"
        data-testid="share-link"
        onClick={() => void share()}
      >
        {copied ? t('live.room.copied') : t('live.room.share')}
      </button>
      <input
        className="input input-compact mono share-url"
        readOnly
        value={url}
        aria-label={t('live.room.share')}
      />
    </div>
  );
}
