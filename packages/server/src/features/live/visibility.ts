import { type RawBuilder, sql } from 'kysely';
import type { LiveCaller } from './caller';
import { orgIdIfKind } from './caller';

// SQL fragments over the `live_sessions` row in scope. Every access rule of the feature is here.

/** The caller's cluster operator admits the seller to one of its bases, or hosts the booking. */
export function operatorWatches(operatorOrgId: string | null): RawBuilder<boolean> {
  if (!operatorOrgId) return sql<boolean>`false`;
  return sql<boolean>`(
    exists (
      select 1 from base_memberships bm join bases b on b.id = bm.base_id
      where bm.seller_org_id = live_sessions.seller_org_id
        and bm.status = 'admitted'
        and b.operator_org_id = ${operatorOrgId})
    or ${streamedAtBaseOf(operatorOrgId)})`;
}

/** The session was booked into a studio of one of the operator's bases (where it streamed). */
export function streamedAtBaseOf(operatorOrgId: string | null): RawBuilder<boolean> {
  if (!operatorOrgId) return sql<boolean>`false`;
  return sql<boolean>`exists (
    select 1 from studio_bookings sb join bases b on b.id = sb.base_id
    where sb.id = live_sessions.studio_booking_id and b.operator_org_id = ${operatorOrgId})`;
}

/** The caller's regulator covers the seller's district (a regulator without a district covers all). */
export function regulatorWatches(regulatorOrgId: string | null): RawBuilder<boolean> {
  if (!regulatorOrgId) return sql<boolean>`false`;
  return sql<boolean>`exists (
    select 1 from organizations r, organizations s
    where r.id = ${regulatorOrgId} and r.kind = 'regulator'
      and s.id = live_sessions.seller_org_id
      and (r.district is null or r.district = s.district))`;
}

export function sellerOwns(sellerOrgId: string | null): RawBuilder<boolean> {
  if (!sellerOrgId) return sql<boolean>`false`;
  return sql<boolean>`(live_sessions.seller_org_id = ${sellerOrgId})`;
}

export function isListedHost(userId: string | null): RawBuilder<boolean> {
  if (!userId) return sql<boolean>`false`;
  return sql<boolean>`exists (
    select 1 from live_session_hosts h where h.session_id = live_sessions.id and h.user_id = ${userId})`;
}

export const isPublicStatus = sql<boolean>`(live_sessions.status in ('scheduled', 'live'))`;

/** What the caller may do with a session, computed in the same query that loads it. */
export function relationColumns(caller: LiveCaller) {
  const sellerOrgId = orgIdIfKind(caller, 'seller');
  return {
    isSeller: sellerOwns(sellerOrgId),
    isHost: sql<boolean>`(${sellerOwns(sellerOrgId)} and ${isListedHost(caller.userId)})`,
    isOperator: operatorWatches(orgIdIfKind(caller, 'cluster_operator')),
    isRegulator: regulatorWatches(orgIdIfKind(caller, 'regulator')),
    isPublic: isPublicStatus,
  };
}

/** Sessions the caller may see at all: public ones, and those of its seller, bases or district. */
export function visibleTo(caller: LiveCaller): RawBuilder<boolean> {
  const columns = relationColumns(caller);
  return sql<boolean>`(${columns.isPublic} or ${columns.isSeller} or ${columns.isOperator} or ${columns.isRegulator})`;
}

/** Sessions the caller's organisation manages or watches: `view=mine`. */
export function managedBy(caller: LiveCaller): RawBuilder<boolean> {
  const columns = relationColumns(caller);
  return sql<boolean>`(${columns.isSeller} or ${columns.isOperator} or ${columns.isRegulator})`;
}
