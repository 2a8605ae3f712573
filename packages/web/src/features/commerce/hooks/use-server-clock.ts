import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

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

const SECONDS_PER_HOUR = 3_600;
const SECONDS_PER_DAY = 86_400;

/**
 * A countdown's text, rounded up to the second so 00:00 shows only when time is up: "MM:SS" under
 * an hour (90_500 → "01:30"), "H:MM:SS" under a day (3_600_000 → "1:00:00"), and from a day on the
 * days before the clock, worded by `withDays` (the catalogue's "N天 H:MM:SS" / "Nd H:MM:SS").
 */
export function formatCountdown(
  milliseconds: number,
  withDays: (days: number, clock: string) => string = (days, clock) => `${days}d ${clock}`,
): string {
  const total = Math.max(0, Math.ceil(milliseconds / 1000));
  const days = Math.floor(total / SECONDS_PER_DAY);
  const hours = Math.floor((total % SECONDS_PER_DAY) / SECONDS_PER_HOUR);
  const minutes = Math.floor((total % SECONDS_PER_HOUR) / 60);
  const mmss = `${String(minutes).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  if (total < SECONDS_PER_HOUR) return mmss;
  const clock = `${hours}:${mmss}`;
  return days === 0 ? clock : withDays(days, clock);
}

/** `formatCountdown` with the days worded by the current language. */
export function useCountdownFormat(): (milliseconds: number) => string {
  const { t } = useTranslation();
  return (milliseconds) =>
    formatCountdown(milliseconds, (days, clock) => t('commerce.countdown.withDays', { days, clock }));
}
