import { useEffect, useState } from 'react';

/** Seconds since `since` (ISO), ticking every second; null when there is no start time. */
export function useElapsedSeconds(since: string | null | undefined, until?: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!since || until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since, until]);
  if (!since) return null;
  const end = until ? Date.parse(until) : now;
  return Math.max(0, Math.floor((end - Date.parse(since)) / 1000));
}

/** 75 → "01:15", 3675 → "1:01:15". */
export function formatDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}
