import type { AuditRecord } from '@jadelive/shared/audit-trail';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Column headers in both languages: the file is read in Excel by whoever asked for it. */
const HEADER = [
  '时间（北京） Time (Beijing)',
  'UTC',
  '操作 Action',
  '操作人 Actor',
  '操作人单位 Actor organisation',
  '所属单位 Organisation',
  '对象类型 Target type',
  '对象 ID Target id',
  '对象 Target',
  'IP',
  '请求 ID Request id',
  '详情 Details',
];

/** The byte order mark that makes Excel read the file as UTF-8 (Chinese names stay legible). */
export const CSV_BOM = '\uFEFF';
export const CSV_HEADER_LINE = csvLine(HEADER);

export function auditCsvLine(record: AuditRecord): string {
  const at = new Date(record.occurredAt);
  return csvLine([
    new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' '),
    record.occurredAt,
    record.action,
    record.actor.kind === 'system' ? 'system' : (record.actor.name ?? record.actor.id ?? ''),
    record.actor.organizationName ?? '',
    record.organization?.name ?? '',
    record.target?.type ?? '',
    record.target?.id ?? '',
    record.target?.label ?? '',
    record.ip ?? '',
    record.requestId ?? '',
    Object.keys(record.details).length === 0 ? '' : JSON.stringify(record.details),
  ]);
}

/**
 * One RFC 4180 line. A cell Excel would run as a formula (=, +, -, @, tab, CR first) is prefixed
 * with an apostrophe: names and titles come from users (CSV injection).
 */
function csvLine(cells: string[]): string {
  return `${cells
    .map((cell) => {
      const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
      return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
    })
    .join(',')}\r\n`;
}
