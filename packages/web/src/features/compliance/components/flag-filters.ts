import { SPEAKER_KINDS } from '@jadelive/shared';
import { COMPLIANCE_CATEGORIES, SEVERITIES } from '@jadelive/shared/compliance';
import { shanghaiDayEnd, shanghaiDayStart } from '../../../lib/shanghai-time';
import type { FlagFilters } from '../api/flags';

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

/**
 * Regulators work in Chongqing: a date picked in the form means that whole day in Beijing time,
 * up to the next midnight (the server's `to` is exclusive).
 */
const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Filters live in the URL (`?category=medical_claim&speaker=host&reviewed=false`) so a search can be shared. */
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
    speakerKind: pick(SPEAKER_KINDS, params.get('speaker')),
    sellerId: uuid('seller'),
    sessionId: uuid('session'),
    reviewed: reviewed === 'true' || reviewed === 'false' ? reviewed : undefined,
    from: isDay(from) ? shanghaiDayStart(from) : undefined,
    to: isDay(to) ? shanghaiDayEnd(to) : undefined,
  };
}
