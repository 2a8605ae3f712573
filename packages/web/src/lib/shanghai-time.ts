import { PLATFORM_TIME_ZONE } from '@jadelive/shared';

/**
 * The console enters and reads times in Beijing time (Asia/Shanghai), whatever the device's own
 * time zone. Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset turns a
 * wall-clock reading into an instant and back exactly, without a time-zone database.
 */
export const SHANGHAI_OFFSET = '+08:00';
const OFFSET_MS = 8 * 3_600_000;

/** "2026-11-30T20:15" or "2026-11-30T20:15:30", as an `<input type="datetime-local">` gives it. */
const LOCAL_INPUT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2}))?$/;

/**
 * A datetime-local value read as Beijing time → ISO 8601 with `+08:00`
 * ("2026-11-30T20:15" → "2026-11-30T20:15:00+08:00"); null for anything that is not a real moment
 * (a malformed value, 2 月 30 日, 24:00).
 */
export function shanghaiInputToIso(value: string): string | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const minutes = match[1] ?? '';
  const seconds = match[2] ?? '00';
  const iso = `${minutes}:${seconds}${SHANGHAI_OFFSET}`;
  const instant = Date.parse(iso);
  // Date.parse rolls 2026-02-30 over to 2026-03-02; reading the instant back catches that.
  if (Number.isNaN(instant) || toShanghaiInput(instant, true) !== `${minutes}:${seconds}`) return null;
  return iso;
}

/** An instant as a datetime-local value in Beijing time, to the minute or (`withSeconds`) the second. */
export function toShanghaiInput(epochMs: number, withSeconds = false): string {
  return new Date(epochMs + OFFSET_MS).toISOString().slice(0, withSeconds ? 19 : 16);
}

/** The Beijing date (YYYY-MM-DD) at `nowMs`: after 16:00 UTC it is already tomorrow's. */
export function shanghaiToday(nowMs: number = Date.now()): string {
  return toShanghaiInput(nowMs).slice(0, 10);
}

/** 00:00 Beijing time on a date (YYYY-MM-DD), as ISO 8601 with `+08:00`. */
export function shanghaiDayStart(day: string): string {
  return `${day}T00:00:00${SHANGHAI_OFFSET}`;
}

/** Midnight after a Beijing date: the exclusive end of that whole day ("2026-11-30" → "2026-12-01T00:00:00+08:00"). */
export function shanghaiDayEnd(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return shanghaiDayStart(next.toISOString().slice(0, 10));
}

/** The Beijing clock time ("20:15", 24-hour) of an instant given as ISO 8601 with any offset. */
export function shanghaiClock(iso: string): string {
  return toShanghaiInput(Date.parse(iso)).slice(11, 16);
}

/**
 * When something starts, in Beijing time: "20:15" on the same Beijing day as `nowMs`, else with
 * the date ("12-01 08:00"), so a start after midnight is not mistaken for one today.
 */
export function shanghaiClockLabel(iso: string, nowMs: number = Date.now()): string {
  const at = toShanghaiInput(Date.parse(iso));
  const time = at.slice(11, 16);
  return at.slice(0, 10) === shanghaiToday(nowMs) ? time : `${at.slice(5, 10)} ${time}`;
}

/** Date and time in the reader's language ("2026年11月30日 20:15"), always on the Beijing clock. */
export function shanghaiDateTimeFormat(language: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: PLATFORM_TIME_ZONE,
  });
}
