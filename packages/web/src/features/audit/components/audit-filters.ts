import { AUDIT_ACTIONS } from '@jadelive/shared/audit-trail';
import { shanghaiDayEnd, shanghaiDayStart } from '../../../lib/shanghai-time';
import type { AuditFilters } from '../api/audit-log';

/** The object each action is about (`order.refunded` → `order`), in the order the list has them. */
export const AUDIT_GROUPS = [...new Set(AUDIT_ACTIONS.map((action) => groupOf(action)))];

export function groupOf(action: string): string {
  return action.slice(0, action.indexOf('.'));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TARGET_TYPE = /^[a-z_]{1,40}$/;

/**
 * The trail's filters live in the URL (`?action=order.&from=2026-12-01&actor=…`), so a search can
 * be shared. A day means that whole day in Beijing time (`to` is exclusive on the server, so the
 * next midnight). Anything malformed is dropped rather than sent.
 */
export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const get = (key: string) => params.get(key)?.trim() || undefined;
  const from = get('from');
  const to = get('to');
  const action = get('action');
  const known = (AUDIT_ACTIONS as readonly string[]).includes(action ?? '');
  const prefix = action?.endsWith('.') && AUDIT_GROUPS.includes(action.slice(0, -1));
  const uuid = (key: string) => {
    const value = get(key);
    return value && UUID.test(value) ? value : undefined;
  };
  const targetType = get('targetType');
  return {
    from: from && DAY.test(from) ? shanghaiDayStart(from) : undefined,
    to: to && DAY.test(to) ? shanghaiDayEnd(to) : undefined,
    action: known || prefix ? action : undefined,
    actorUserId: uuid('actor'),
    organizationId: uuid('organization'),
    targetType: targetType && TARGET_TYPE.test(targetType) ? targetType : undefined,
    targetId: get('target')?.slice(0, 100),
  };
}
