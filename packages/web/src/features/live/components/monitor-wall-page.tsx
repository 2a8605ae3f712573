import '../live.css';
import type { LiveSession } from '@jadelive/shared';
import { RoomContext, useRemoteParticipants } from '@livekit/components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { useLiveSessions } from '../api/get-live-sessions';
import { useModerate } from '../api/moderation';
import { useChangeSessionStatus } from '../api/session-lifecycle';
import { useLiveRoom } from '../hooks/use-live-room';
import { LiveAvailability } from './live-availability';
import { LiveTimer, ViewerCount } from './session-badges';
import { StageVideo } from './stage-video';

const POLL_MS = 10_000;
const REMOVABLE = /^(viewer|guest):/;

/** Every live session of the operator's bases as muted tiles (hidden monitor tokens); one opens large. */
export function MonitorWallPage() {
  const { t } = useTranslation();
  const sessions = useLiveSessions('mine', { refetchInterval: POLL_MS });
  const [focused, setFocused] = useState<string | null>(null);
  const live = (sessions.data ?? []).filter((session) => session.status === 'live');
  return (
    <div className="page monitor-wall" data-page="monitor-wall">
      <header className="page-header">
        <h1>{t('live.monitor.title')}</h1>
        <p className="muted">{t('live.monitor.intro')}</p>
      </header>
      <LiveAvailability>
        {sessions.error && <ApiErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />}
        {!sessions.isPending && live.length === 0 && <p className="empty">{t('live.monitor.empty')}</p>}
        <div className="monitor-grid" data-testid="monitor-grid">
          {live.map((session) => (
            <MonitorTile
              key={session.id}
              session={session}
              focused={focused === session.id}
              onToggle={() => setFocused((current) => (current === session.id ? null : session.id))}
            />
          ))}
        </div>
      </LiveAvailability>
    </div>
  );
}

function MonitorTile({
  session,
  focused,
  onToggle,
}: {
  session: LiveSession;
  focused: boolean;
  onToggle(): void;
}) {
  const { t } = useTranslation();
  const room = useLiveRoom({ sessionId: session.id, role: 'monitor', enabled: true });
  return (
    <article
      className={focused ? 'monitor-tile monitor-focused' : 'monitor-tile'}
      data-testid="monitor-tile"
      data-session={session.id}
      data-phase={room.phase}
    >
      <button type="button" className="monitor-open" onClick={onToggle} aria-expanded={focused}>
        <span className="card-title">{session.title}</span>
        <span className="fine-print">{session.sellerName}</span>
      </button>
      {room.room ? (
        <RoomContext.Provider value={room.room}>
          <StageVideo muted={!focused} waiting={t(`live.phases.${room.phase}`)} />
          {focused && <FocusTools sessionId={session.id} />}
        </RoomContext.Provider>
      ) : (
        <div className="stage-video">
          <p className="stage-waiting">{t(`live.phases.${room.phase}`)}</p>
        </div>
      )}
      <p className="monitor-figures">
        <LiveTimer startedAt={session.startedAt} endedAt={session.endedAt} />
        <ViewerCount current={session.currentViewers} peak={session.peakViewers} />
      </p>
      {room.error != null && <ApiErrorAlert error={room.error} />}
    </article>
  );
}

/** The opened tile: who is in the room, putting a viewer out, or ending a broadcast that breaks the rules. */
function FocusTools({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const participants = useRemoteParticipants();
  const moderate = useModerate(sessionId);
  const endSession = useChangeSessionStatus(sessionId);
  return (
    <section className="monitor-tools">
      <h3 className="section-heading">{t('live.monitor.participants', { count: participants.length })}</h3>
      <ul className="participant-list">
        {participants.map((participant) => (
          <li key={participant.identity} data-identity={participant.identity}>
            <span>{participant.name || participant.identity}</span>
            {REMOVABLE.test(participant.identity) && (
              <button
                type="button"
                className="button button-small button-danger"
                data-testid="remove-participant"
                disabled={moderate.isPending}
                onClick={() => moderate.mutate({ kind: 'remove', identity: participant.identity })}
              >
                {t('live.moderation.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p className="fine-print">{t('live.monitor.endNote')}</p>
      <ConfirmButton
        tone="danger"
        testId="end-broadcast"
        label={t('live.monitor.endBroadcast')}
        question={t('live.monitor.confirmEnd')}
        pending={endSession.isPending}
        onConfirm={() => endSession.mutate('end')}
      />
      {moderate.error && <ApiErrorAlert error={moderate.error} />}
      {endSession.error && <ApiErrorAlert error={endSession.error} />}
    </section>
  );
}
