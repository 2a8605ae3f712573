import { formatFen } from '../../../lib/units';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An entry's details as short lines for the table: ids (the target and its names say it) and empty
 * values left out, money (`…Fen`) in yuan, a move as "from → to", lists joined. The CSV keeps the
 * details whole.
 */
export function describeDetails(details: Record<string, unknown>): [string, string][] {
  const lines: [string, string][] = [];
  if (typeof details.from === 'string' && typeof details.to === 'string') {
    lines.push(['change', `${details.from} → ${details.to}`]);
  }
  for (const [key, value] of Object.entries(details)) {
    if (key === 'from' || key === 'to' || value === null || value === undefined || value === '') continue;
    if (/Ids?$/.test(key) || (typeof value === 'string' && UUID.test(value))) continue;
    lines.push([key, describeValue(key, value)]);
  }
  return lines;
}

function describeValue(key: string, value: unknown): string {
  if (typeof value === 'number' && key.endsWith('Fen')) return formatFen(value);
  if (Array.isArray(value)) return value.map((item) => describeValue(key, item)).join(', ');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([inner, innerValue]) => `${inner}: ${describeValue(inner, innerValue)}`)
      .join('; ');
  }
  return String(value);
}
