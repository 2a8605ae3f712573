import { useMediaDevices } from '@livekit/components-react';
import { createLocalTracks, type LocalAudioTrack, type LocalVideoTrack, Track } from 'livekit-client';
import { useEffect, useMemo, useState } from 'react';

export interface LocalMedia {
  camera: LocalVideoTrack | null;
  microphone: LocalAudioTrack | null;
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  cameraId: string;
  microphoneId: string;
  selectCamera(deviceId: string): void;
  selectMicrophone(deviceId: string): void;
  error: unknown;
}

/**
 * The host's camera and microphone, captured before going live (for the preview) and handed to
 * the room when the broadcast starts. Switching devices restarts the track in place, so a
 * published track keeps flowing to viewers.
 */
export function useLocalMedia(enabled: boolean): LocalMedia {
  const [camera, setCamera] = useState<LocalVideoTrack | null>(null);
  const [microphone, setMicrophone] = useState<LocalAudioTrack | null>(null);
  const [cameraId, setCameraId] = useState('');
  const [microphoneId, setMicrophoneId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const onError = useMemo(() => (cause: Error) => setError(cause), []);
  const cameras = useMediaDevices({ kind: 'videoinput', onError });
  const microphones = useMediaDevices({ kind: 'audioinput', onError });

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let created: Awaited<ReturnType<typeof createLocalTracks>> = [];
    createLocalTracks({ video: { resolution: { width: 1280, height: 720 } }, audio: true })
      .then((tracks) => {
        created = tracks;
        if (cancelled) {
          for (const track of tracks) track.stop();
          return;
        }
        for (const track of tracks) {
          if (track.kind === Track.Kind.Video) setCamera(track as LocalVideoTrack);
          else setMicrophone(track as LocalAudioTrack);
        }
      })
      .catch((cause: unknown) => {
        if (!cancelled) setError(cause);
      });
    return () => {
      cancelled = true;
      for (const track of created) track.stop();
      setCamera(null);
      setMicrophone(null);
    };
  }, [enabled]);

  // Show which device the browser picked before anyone chooses.
  useEffect(() => {
    if (!camera) return;
    void camera.getDeviceId().then((id) => id && setCameraId((current) => current || id));
  }, [camera]);
  useEffect(() => {
    if (!microphone) return;
    void microphone.getDeviceId().then((id) => id && setMicrophoneId((current) => current || id));
  }, [microphone]);

  return {
    camera,
    microphone,
    cameras,
    microphones,
    cameraId,
    microphoneId,
    selectCamera(deviceId) {
      setCameraId(deviceId);
      void camera?.setDeviceId(deviceId).catch(setError);
    },
    selectMicrophone(deviceId) {
      setMicrophoneId(deviceId);
      void microphone?.setDeviceId(deviceId).catch(setError);
    },
    error,
  };
}
