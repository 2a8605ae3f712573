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

/**
 * When something starts, in Beijing time: "20:15" on the same Beijing day as `nowMs`, else with
 * the date ("12-01 08:00"), so a start after midnight is not mistaken for one today.
 */
export function shanghaiClockLabel(iso: string, nowMs: number = Date.now()): string {
  const at = toShanghaiInput(Date.parse(iso));
  const today = toShanghaiInput(nowMs).slice(0, 10);
  const time = at.slice(11, 16);
  return at.slice(0, 10) === today ? time : `${at.slice(5, 10)} ${time}`;
}
