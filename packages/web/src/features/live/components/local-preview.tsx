import type { LocalVideoTrack } from 'livekit-client';
import { useEffect, useRef } from 'react';

/** The host's own camera, mirrored like a selfie view, straight from the local track. */
export function LocalPreview({ track, label }: { track: LocalVideoTrack | null; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!track || !element) return;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }, [track]);
  return (
    <div
      className="stage-video local-preview"
      data-testid="local-preview"
      data-has-video={track ? 'true' : 'false'}
    >
      <video
        ref={video}
        className="stage-video-element mirrored"
        muted
        playsInline
        autoPlay
        aria-label={label}
      />
    </div>
  );
}
