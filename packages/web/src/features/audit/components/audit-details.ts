import { formatFen } from '../../../lib/units';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An instant as the API writes it (ISO 8601 with a time), not a bare date such as a notice's dueOn. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Keys whose values are ids in another shape (a LiveKit identity `host:<user id>:whip`). */
const ID_KEYS = new Set(['identity']);

/**
 * An entry's details as short lines for the table: ids (the target and its names say it) and empty
 * values left out, money (`…Fen`) in yuan, instants in the reader's format, a move as "from → to",
 * lists joined. The CSV keeps the details whole.
 */
export function describeDetails(
  details: Record<string, unknown>,
  formatInstant: (iso: string) => string,
): [string, string][] {
  const lines: [string, string][] = [];
  if (typeof details.from === 'string' && typeof details.to === 'string') {
    lines.push(['change', `${details.from} → ${details.to}`]);
  }
  for (const [key, value] of Object.entries(details)) {
    if (key === 'from' || key === 'to' || value === null || value === undefined || value === '') continue;
    if (/Ids?$/.test(key) || ID_KEYS.has(key) || (typeof value === 'string' && UUID.test(value))) continue;
    lines.push([key, describeValue(key, value, formatInstant)]);
  }
  return lines;
}

function describeValue(key: string, value: unknown, formatInstant: (iso: string) => string): string {
  if (typeof value === 'number' && key.endsWith('Fen')) return formatFen(value);
  if (typeof value === 'string' && INSTANT.test(value)) return formatInstant(value);
  if (Array.isArray(value)) return value.map((item) => describeValue(key, item, formatInstant)).join(', ');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([inner, innerValue]) => `${inner}: ${describeValue(inner, innerValue, formatInstant)}`)
      .join('; ');
  }
  return String(value);
}
