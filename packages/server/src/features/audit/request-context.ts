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
 * Requests that wrote an audit entry, noted by `recordAudit` and taken by the route's audit check
 * when the request ends. Bounded: an entry written after its request ended (nothing does that
 * today) would otherwise stay here for good.
 */
const audited = new Set<string>();
const MAX_NOTED = 10_000;

export function noteAuditWritten(requestId: string | null | undefined) {
  if (!requestId) return;
  if (audited.size >= MAX_NOTED) {
    const oldest = audited.values().next().value;
    if (oldest !== undefined) audited.delete(oldest);
  }
  audited.add(requestId);
}

/** Whether the request wrote an audit entry; forgets it (asked once, when the request ends). */
export function takeAuditWritten(requestId: string): boolean {
  return audited.delete(requestId);
}
