import { COMPLIANCE_CATEGORIES, SEVERITIES } from '@jadelive/shared/compliance';
import type { FlagFilters } from '../api/flags';

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

/** Regulators work in Chongqing: a date picked in the form means that day in UTC+8. */
const dayStart = (day: string) => `${day}T00:00:00+08:00`;
const dayEnd = (day: string) => `${day}T23:59:59.999+08:00`;
const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Filters live in the URL (`?category=medical_claim&reviewed=false`) so a search can be shared. */
export function filtersFromParams(params: URLSearchParams): FlagFilters {
  const reviewed = params.get('reviewed');
  const from = params.get('from');
  const to = params.get('to');
  const uuid = (key: string) => {
    const value = params.get(key)?.trim();
    return value && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined;
  };
  return {
    category: pick(COMPLIANCE_CATEGORIES, params.get('category')),
    severity: pick(SEVERITIES, params.get('severity')),
    sellerId: uuid('seller'),
    sessionId: uuid('session'),
    reviewed: reviewed === 'true' || reviewed === 'false' ? reviewed : undefined,
    from: isDay(from) ? dayStart(from) : undefined,
    to: isDay(to) ? dayEnd(to) : undefined,
  };
}
