import type { InspectionStatus } from '@jadelive/shared';
import type { Database } from '../../db/database';

/** Who may see an inspection: its buyer, the seller of the piece, or the lab asked to inspect it. */
export type InspectionScope = { buyerUserId: string } | { sellerOrgId: string } | { labOrgId: string };

export function selectInspections(db: Database, scope: InspectionScope) {
  let query = db
    .selectFrom('orderInspections')
    .innerJoin('orders', 'orders.id', 'orderInspections.orderId')
    .innerJoin('listings', 'listings.id', 'orderInspections.listingId')
    .innerJoin('organizations as lab', 'lab.id', 'orderInspections.labOrgId')
    .selectAll('orderInspections')
    .select(['listings.title as listingTitle', 'orders.status as orderStatus', 'lab.name as labName']);
  if ('buyerUserId' in scope) query = query.where('orderInspections.buyerUserId', '=', scope.buyerUserId);
  if ('sellerOrgId' in scope) query = query.where('orderInspections.sellerOrgId', '=', scope.sellerOrgId);
  if ('labOrgId' in scope) query = query.where('orderInspections.labOrgId', '=', scope.labOrgId);
  return query;
}

export type InspectionRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof selectInspections>['executeTakeFirst']>>
>;

export async function findInspection(db: Database, scope: InspectionScope, inspectionId: string) {
  return selectInspections(db, scope).where('orderInspections.id', '=', inspectionId).executeTakeFirst();
}

export async function findOrderInspection(db: Database, scope: InspectionScope, orderId: string) {
  return selectInspections(db, scope).where('orderInspections.orderId', '=', orderId).executeTakeFirst();
}

export async function listLabInspections(
  db: Database,
  labOrgId: string,
  query: { status?: InspectionStatus; limit: number },
) {
  let select = selectInspections(db, { labOrgId });
  if (query.status) select = select.where('orderInspections.status', '=', query.status);
  return select
    .orderBy('orderInspections.requestedAt', 'desc')
    .orderBy('orderInspections.id')
    .limit(query.limit)
    .execute();
}

/** True while the lab has not answered: the order must not ship. */
export async function hasOpenInspection(db: Database, orderId: string): Promise<boolean> {
  const row = await db
    .selectFrom('orderInspections')
    .select('id')
    .where('orderId', '=', orderId)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The lab that inspects a seller's pieces: the inspection lab of the base the order's live session
 * was booked in, else of the earliest base that admitted the seller and named a lab; null when no
 * such base exists (the caller then falls back to the certificate's issuing lab).
 */
export async function findBaseLab(db: Database, sellerOrgId: string, liveSessionId: string | null) {
  if (liveSessionId) {
    const booked = await db
      .selectFrom('liveSessions')
      .innerJoin('studioBookings', 'studioBookings.id', 'liveSessions.studioBookingId')
      .innerJoin('bases', 'bases.id', 'studioBookings.baseId')
      .innerJoin('baseMemberships', (join) =>
        join
          .onRef('baseMemberships.baseId', '=', 'bases.id')
          .on('baseMemberships.sellerOrgId', '=', sellerOrgId),
      )
      .select(['bases.id as baseId', 'bases.inspectionLabOrgId as labOrgId'])
      .where('liveSessions.id', '=', liveSessionId)
      .where('baseMemberships.status', '=', 'admitted')
      .where('bases.inspectionLabOrgId', 'is not', null)
      .executeTakeFirst();
    if (booked?.labOrgId) return { baseId: booked.baseId, labOrgId: booked.labOrgId };
  }
  const admitted = await db
    .selectFrom('baseMemberships')
    .innerJoin('bases', 'bases.id', 'baseMemberships.baseId')
    .select(['bases.id as baseId', 'bases.inspectionLabOrgId as labOrgId'])
    .where('baseMemberships.sellerOrgId', '=', sellerOrgId)
    .where('baseMemberships.status', '=', 'admitted')
    .where('bases.inspectionLabOrgId', 'is not', null)
    .orderBy('bases.createdAt')
    .orderBy('bases.id')
    .executeTakeFirst();
  return admitted?.labOrgId ? { baseId: admitted.baseId, labOrgId: admitted.labOrgId } : null;
}

/** Mismatches whose refund or cancellation did not go through yet (the provider failed). */
export async function listUnsettledMismatches(db: Database, limit: number) {
  const rows = await db
    .selectFrom('orderInspections')
    .select('id')
    .where('status', '=', 'mismatched')
    .where('settledAt', 'is', null)
    .orderBy('resultRecordedAt')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
