import { useEffect, useState } from 'react';

/**
 * The server's "now" from a reading of its clock: how far the server is ahead of this device
 * (`serverTime` minus the local time the reading arrived) is added to the local clock, so a
 * device set minutes wrong still counts down to the right second.
 */
export function serverNow(serverTime: string, receivedAt: number, localNow: number = Date.now()): number {
  return localNow + (Date.parse(serverTime) - receivedAt);
}

/** Milliseconds until `target` by the server's clock, never negative. */
export function millisecondsUntil(target: string, serverTime: string, receivedAt: number, localNow?: number) {
  return Math.max(0, Date.parse(target) - serverNow(serverTime, receivedAt, localNow));
}

/** Re-renders every `intervalMs` while `active`, returning the local clock. */
export function useTicker(active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}

/** 90_500 → "01:30" (minutes:seconds, rounded up so 0:00 shows only when time is up). */
export function formatCountdown(milliseconds: number): string {
  const total = Math.ceil(milliseconds / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
