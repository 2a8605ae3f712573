import '../live.css';
import type { ChatMessage } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { Field } from '../../../components/ui/field';
import { livePaths } from '../../../lib/paths';
import { useStudio } from '../hooks/use-studio';
import { ChatPanel } from './chat-panel';
import { ComplianceAlertsPanel } from './compliance-alerts-panel';
import { LineupPanel } from './lineup-panel';
import { LiveAvailability } from './live-availability';
import { LocalPreview } from './local-preview';
import { PinnedCard } from './pinned-card';
import type { RoomPanel } from './room-panel-slot';
import { LiveTimer, SessionStatusBadge, ViewerCount } from './session-badges';
import { WhipIngestPanel } from './whip-ingest-panel';

const SLOW_MODE_CHOICES = [0, 5, 10, 30, 60];

/** The host's go-live studio: preview, devices, go live / end, lineup and pins, chat, alerts. */
export function StudioPage({ panel }: { panel?: RoomPanel }) {
  const { sessionId = '' } = useParams();
  return (
    <LiveAvailability>
      <Studio key={sessionId} sessionId={sessionId} panel={panel} />
    </LiveAvailability>
  );
}

/** `panel`: the host's selling tools (flash sale …), plugged in by the app layer. */
function Studio({ sessionId, panel: Panel }: { sessionId: string; panel?: RoomPanel }) {
  const { t } = useTranslation();
  const studio = useStudio(sessionId);
  const { session, media, feed, room, lifecycle, pin, moderate, chat, alerts } = studio;

  if (session.isPending) return <p className="page-status muted">{t('common.loading')}</p>;
  if (session.error) return <ApiErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  const data = session.data;
  const live = data.status === 'live';
  const broadcasting = studio.onAir && room.phase === 'connected';
  const stageUserIds = data.hostUserIds;

  const moderation = {
    stageUserIds,
    busy: moderate.isPending,
    onDelete: (message: ChatMessage) => moderate.mutate({ kind: 'delete', messageId: message.id }),
    onMute: (message: ChatMessage) => moderate.mutate({ kind: 'mute', userId: message.userId }),
    onRemove: (message: ChatMessage) =>
      moderate.mutate({ kind: 'remove', identity: `viewer:${message.userId}` }),
  };

  return (
    <div className="page studio" data-page="studio" data-session={sessionId} data-status={data.status}>
      <header className="studio-header">
        <div>
          <p className="eyebrow">
            <Link to={livePaths.studio}>{t('live.studio.back')}</Link> · {data.sellerName}
          </p>
          <h1 className="studio-title">{data.title}</h1>
        </div>
        <div className="studio-figures">
          <SessionStatusBadge status={data.status} />
          <LiveTimer startedAt={data.startedAt} endedAt={data.endedAt} />
          <ViewerCount current={data.currentViewers} peak={data.peakViewers} />
          <span
            className="live-figure"
            data-testid="broadcast-state"
            data-state={broadcasting ? 'on-air' : room.phase}
          >
            {broadcasting ? t('live.studio.publishing') : t(`live.phases.${room.phase}`)}
          </span>
        </div>
      </header>

      {lifecycle.error && <ApiErrorAlert error={lifecycle.error} />}
      {room.error != null && <ApiErrorAlert error={room.error} />}
      {media.error != null && (
        <div className="alert alert-error" role="alert">
          <p className="alert-message">{t('live.studio.mediaError')}</p>
        </div>
      )}

      <div className="studio-grid">
        <section className="studio-stage">
          <LocalPreview track={media.camera} label={t('live.studio.preview')} />
          <div className="studio-controls">
            <Field label={t('live.studio.camera')}>
              <select
                className="input"
                data-testid="camera-select"
                value={media.cameraId}
                onChange={(event) => media.selectCamera(event.target.value)}
              >
                {media.cameras.map((device) => (
                  <option key={device.deviceId} value={device.deviceId}>
                    {device.label || device.deviceId}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('live.studio.microphone')}>
              <select
                className="input"
                data-testid="microphone-select"
                value={media.microphoneId}
                onChange={(event) => media.selectMicrophone(event.target.value)}
              >
                {media.microphones.map((device) => (
                  <option key={device.deviceId} value={device.deviceId}>
                    {device.label || device.deviceId}
                  </option>
                ))}
              </select>
            </Field>
            <div className="studio-actions">
              {(data.status === 'scheduled' || (live && !studio.onAir)) && (
                <button
                  type="button"
                  className="button button-primary"
                  data-testid="go-live"
                  disabled={lifecycle.isPending || !media.camera || !media.microphone}
                  onClick={() => void studio.goLive().catch(() => {})}
                >
                  {live ? t('live.studio.resume') : t('live.studio.goLive')}
                </button>
              )}
              {live && (
                <ConfirmButton
                  tone="danger"
                  testId="end-live"
                  label={t('live.studio.end')}
                  question={t('live.studio.confirmEnd')}
                  pending={lifecycle.isPending}
                  onConfirm={() => void studio.end().catch(() => {})}
                />
              )}
              {(data.status === 'ended' || data.status === 'cancelled') && (
                <Link className="button" to={livePaths.summary(sessionId)} data-testid="summary-link">
                  {t('live.studio.summary')}
                </Link>
              )}
            </div>
          </div>
          {data.status === 'ended' && (
            <p className="alert alert-info" data-testid="studio-ended">
              {t('live.studio.ended')}
            </p>
          )}
          {feed.pinned && <PinnedCard card={feed.pinned} />}
          {Panel && (
            <Panel
              sessionId={sessionId}
              sessionStatus={data.status}
              pinned={feed.pinned ?? null}
              signedIn
              subscribe={studio.subscribe}
            />
          )}
          {(data.status === 'scheduled' || live) && <WhipIngestPanel sessionId={sessionId} />}
        </section>

        <div className="studio-side">
          <LineupPanel
            lineup={data.lineup ?? []}
            pinnedListingId={feed.pinned?.listingId ?? null}
            onPin={(listingId) => pin.mutate(listingId)}
            busy={pin.isPending}
            canPin={data.status === 'scheduled' || live}
          />
          {pin.error && <ApiErrorAlert error={pin.error} />}
          <ChatPanel
            messages={feed.messages}
            slowModeSeconds={feed.slowModeSeconds}
            composer={live ? { send: studio.send, sending: chat.isPending, error: chat.error } : undefined}
            moderation={moderation}
          />
          <div className="panel form-inline">
            <Field label={t('live.moderation.slowMode')}>
              <select
                className="input"
                data-testid="slow-mode-select"
                value={feed.slowModeSeconds}
                disabled={moderate.isPending}
                onChange={(event) =>
                  moderate.mutate({ kind: 'slowMode', seconds: Number(event.target.value) })
                }
              >
                {SLOW_MODE_CHOICES.map((seconds) => (
                  <option key={seconds} value={seconds}>
                    {seconds === 0
                      ? t('live.moderation.slowModeOff')
                      : t('live.moderation.seconds', { seconds })}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {moderate.error && <ApiErrorAlert error={moderate.error} />}
          <ComplianceAlertsPanel alerts={alerts.alerts} state={alerts.state} />
        </div>
      </div>
    </div>
  );
}
