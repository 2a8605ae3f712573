import {
  RoomAudioRenderer,
  useAudioPlayback,
  useConnectionState,
  useRemoteParticipants,
  useTracks,
  VideoTrack,
} from '@livekit/components-react';
import { ConnectionState, Track } from 'livekit-client';
import { useTranslation } from 'react-i18next';

const onStage = (identity: string) => identity.startsWith('host:') || identity.startsWith('cohost:');

/**
 * The host's camera as the room delivers it (inside a `RoomContext`). Monitor tiles stay muted;
 * a viewer whose browser blocks sound until a tap gets a button for it. `away` is said instead of
 * `waiting` while connected to a room with nobody on stage (the host's browser closed or died).
 */
export function StageVideo({
  muted = false,
  waiting,
  away,
}: {
  muted?: boolean;
  waiting: string;
  away?: string;
}) {
  const { t } = useTranslation();
  const tracks = useTracks([Track.Source.Camera], { onlySubscribed: true });
  const stage = tracks.find((track) => onStage(track.participant.identity)) ?? tracks[0];
  const connected = useConnectionState() === ConnectionState.Connected;
  const hostAway = !useRemoteParticipants().some((participant) => onStage(participant.identity));
  const { canPlayAudio, startAudio } = useAudioPlayback();
  const showAway = away !== undefined && connected && hostAway;
  return (
    <div
      className="stage-video"
      data-testid="stage-video"
      data-has-video={stage ? 'true' : 'false'}
      data-host-away={showAway ? 'true' : 'false'}
    >
      {stage ? (
        <VideoTrack trackRef={stage} className="stage-video-element" data-testid="remote-video" playsInline />
      ) : (
        <p className="stage-waiting">{showAway ? away : waiting}</p>
      )}
      {!muted && <RoomAudioRenderer />}
      {!muted && !canPlayAudio && (
        <button type="button" className="button button-small stage-unmute" onClick={() => void startAudio()}>
          {t('live.room.tapForSound')}
        </button>
      )}
    </div>
  );
}
