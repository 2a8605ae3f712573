import { tryGetContext } from 'hono/context-storage';
import type { AppEnv } from '../../http/app-env';
import { clientIp } from '../../http/client-ip';

/** What an audit entry says about the request it was written in: who called, from where, which request. */
export interface RequestAuditFields {
  requestId: string;
  ip: string;
  actorUserId: string | null;
  actorTokenId: string | null;
  /** The caller's organisation: an entry belongs to the organisation that acted unless it says otherwise. */
  organizationId: string | null;
}

/**
 * The audit fields of the request being served (Hono's context storage), or undefined outside one
 * (sweeps, reconciliation, scripts). Work that runs for several requests at once (the flash-sale
 * batches) takes each request's fields with `requestAuditFields()` when it is queued and passes
 * them explicitly, since it runs in whichever request's context started the batch.
 */
export function requestAuditFields(): RequestAuditFields | undefined {
  const c = tryGetContext<AppEnv>();
  if (!c) return undefined;
  const actor = c.get('actor') ?? null;
  return {
    requestId: c.get('requestId'),
    ip: clientIp(c),
    actorUserId: actor?.type === 'session' ? actor.userId : null,
    actorTokenId: actor?.type === 'token' ? actor.tokenId : null,
    organizationId: actor?.organizationId ?? null,
  };
}

/**
 * What each request did for the audit trail, noted by `recordAudit` (an entry written) or
 * `nothingToAudit` (a call that changed nothing, such as a replayed request), and taken by the
 * route's audit check when the request ends. Bounded: a note made after its request ended
 * (nothing does that today) would otherwise stay here for good.
 */
const notes = new Map<string, { written: true } | { unchanged: string }>();
const MAX_NOTES = 10_000;

function note(requestId: string, value: { written: true } | { unchanged: string }) {
  if (notes.size >= MAX_NOTES && !notes.has(requestId)) {
    const oldest = notes.keys().next().value;
    if (oldest !== undefined) notes.delete(oldest);
  }
  notes.set(requestId, value);
}

export function noteAuditWritten(requestId: string | null | undefined) {
  if (requestId) note(requestId, { written: true });
}

/**
 * The current request changed nothing after all (a replay answered from the first call, a publish
 * of a listing on sale already), so it has nothing to record; `why` shows in the log if asked.
 */
export function nothingToAudit(why: string) {
  const requestId = tryGetContext<AppEnv>()?.get('requestId');
  if (requestId && !('written' in (notes.get(requestId) ?? {}))) note(requestId, { unchanged: why });
}

/** What the request noted, forgotten as it is read (asked once, when the request ends). */
export function takeAuditNote(requestId: string) {
  const found = notes.get(requestId);
  notes.delete(requestId);
  return found;
}
