import type { Database } from '../../db/database';

// Reads of what an evidence package holds. Every function is given ids the case already points
// at (checked by the caller against the regulator's case), so none widens what the officer sees.

const CONTEXT_WINDOW_MS = 10 * 60_000;

const when = <T>(ids: readonly string[], load: () => Promise<T[]>) =>
  ids.length > 0 ? load() : Promise.resolve([] as T[]);

export async function loadFlags(db: Database, ids: readonly string[]) {
  return when(ids, () =>
    db
      .selectFrom('complianceFlags')
      .leftJoin('users as reviewer', 'reviewer.id', 'complianceFlags.reviewedBy')
      .selectAll('complianceFlags')
      .select('reviewer.displayName as reviewerName')
      .where('complianceFlags.id', 'in', ids)
      .orderBy('complianceFlags.saidAt')
      .orderBy('complianceFlags.id')
      .execute(),
  );
}
export type FlagRow = Awaited<ReturnType<typeof loadFlags>>[number];

/**
 * Chat lines of a live session within ten minutes of `at`, in the order they were written, with
 * whether the writer was a member of the selling shop (host, co-host, staff) or a viewer.
 */
export async function chatAround(db: Database, sessionId: string, sellerOrgId: string, at: Date) {
  return db
    .selectFrom('chatMessages')
    .innerJoin('users', 'users.id', 'chatMessages.userId')
    .select([
      'chatMessages.id',
      'chatMessages.userId',
      'chatMessages.text',
      'chatMessages.status',
      'chatMessages.createdAt',
      'chatMessages.deletedAt',
      'users.displayName',
      (eb) => eb('users.organizationId', '=', sellerOrgId).as('sellerMember'),
    ])
    .where('chatMessages.sessionId', '=', sessionId)
    .where('chatMessages.createdAt', '>=', new Date(at.getTime() - CONTEXT_WINDOW_MS))
    .where('chatMessages.createdAt', '<=', new Date(at.getTime() + CONTEXT_WINDOW_MS))
    .orderBy('chatMessages.createdAt')
    .orderBy('chatMessages.id')
    .limit(400)
    .execute();
}
export type ChatLineRow = Awaited<ReturnType<typeof chatAround>>[number];

/** Caption segments and talking points of a session near `at`: only flagged ones are ever stored. */
export async function captionsAround(db: Database, sessionId: string, at: Date) {
  return db
    .selectFrom('complianceFlags')
    .select(['id', 'text', 'saidAt', 'speakerName', 'source'])
    .where('sessionId', '=', sessionId)
    .where('source', 'in', ['caption', 'talking_point'])
    .where('saidAt', '>=', new Date(at.getTime() - CONTEXT_WINDOW_MS))
    .where('saidAt', '<=', new Date(at.getTime() + CONTEXT_WINDOW_MS))
    .orderBy('saidAt')
    .orderBy('id')
    .limit(400)
    .execute();
}
export type CaptionLineRow = Awaited<ReturnType<typeof captionsAround>>[number];

export async function loadObservations(db: Database, ids: readonly string[]) {
  return when(ids, () =>
    db
      .selectFrom('caseObservations')
      .innerJoin('users', 'users.id', 'caseObservations.recordedBy')
      .selectAll('caseObservations')
      .select('users.displayName as recordedByName')
      .where('caseObservations.id', 'in', ids)
      .orderBy('caseObservations.observedAt')
      .execute(),
  );
}
export type ObservationRow = Awaited<ReturnType<typeof loadObservations>>[number];

/** Complaints the case points at, without the buyer's name or contact (an id is enough to ask for them). */
export async function loadComplaints(db: Database, ids: readonly string[]) {
  return when(ids, () =>
    db
      .selectFrom('complaints')
      .select([
        'id',
        'category',
        'description',
        'subjectKind',
        'subjectTitle',
        'orderId',
        'listingId',
        'sessionId',
        'buyerUserId',
        'status',
        'filedAt',
        'answer',
        'answeredAt',
        'escalatedAt',
        'escalationNote',
        'photoIds',
      ])
      .where('id', 'in', ids)
      .orderBy('filedAt')
      .execute(),
  );
}
export type ComplaintRow = Awaited<ReturnType<typeof loadComplaints>>[number];

export async function loadListings(db: Database, ids: readonly string[]) {
  return when(ids, () =>
    db
      .selectFrom('listings')
      .innerJoin('organizations as seller', 'seller.id', 'listings.sellerOrgId')
      .selectAll('listings')
      .select('seller.name as sellerName')
      .where('listings.id', 'in', ids)
      .orderBy('listings.createdAt')
      .execute(),
  );
}
export type ListingRow = Awaited<ReturnType<typeof loadListings>>[number];

/** The audit log's record of each listing's changes, oldest first (what its snapshots are rebuilt from). */
export async function listingChanges(db: Database, listingIds: readonly string[]) {
  return when(listingIds, () =>
    db
      .selectFrom('auditEvents')
      .select(['id', 'targetId', 'action', 'details', 'occurredAt'])
      .where('targetType', '=', 'listing')
      .where('targetId', 'in', listingIds)
      .orderBy('id')
      .execute(),
  );
}
export type ListingChangeRow = Awaited<ReturnType<typeof listingChanges>>[number];

/** List and comparison prices as they were set, and deals, oldest first. */
export async function priceHistory(db: Database, listingIds: readonly string[]) {
  return when(listingIds, () =>
    db
      .selectFrom('priceEvents')
      .select(['listingId', 'kind', 'priceFen', 'quantity', 'source', 'occurredAt'])
      .where('listingId', 'in', listingIds)
      .orderBy('occurredAt')
      .orderBy('id')
      .execute(),
  );
}
export type PriceEventRow = Awaited<ReturnType<typeof priceHistory>>[number];

export async function loadSessions(db: Database, ids: readonly string[]) {
  return when(ids, () =>
    db
      .selectFrom('liveSessions')
      .select(['id', 'title', 'roomName', 'status', 'plannedStartAt', 'startedAt', 'endedAt'])
      .where('id', 'in', ids)
      .orderBy('plannedStartAt')
      .execute(),
  );
}
export type SessionRow = Awaited<ReturnType<typeof loadSessions>>[number];

export async function loadCertificates(db: Database, ids: readonly string[]) {
  return when(ids, () =>
    db
      .selectFrom('certificates')
      .leftJoin('organizations as lab', 'lab.id', 'certificates.labOrgId')
      .selectAll('certificates')
      .select('lab.name as labOrgName')
      .where('certificates.id', 'in', ids)
      .execute(),
  );
}
export type CertificateRow = Awaited<ReturnType<typeof loadCertificates>>[number];

export async function certificateHistory(db: Database, ids: readonly string[]) {
  return when(ids, () =>
    db
      .selectFrom('certificateEvents')
      .select(['certificateId', 'fromStatus', 'toStatus', 'via', 'reason', 'occurredAt'])
      .where('certificateId', 'in', ids)
      .orderBy('id')
      .execute(),
  );
}
export type CertificateEventRow = Awaited<ReturnType<typeof certificateHistory>>[number];

const ORDER_LIMIT = 500;

/**
 * The orders concerned: those the case points at, and those of the case's listings bought in the
 * case's live sessions (the sales a claim made there may have led to).
 */
export async function loadOrders(
  db: Database,
  sellerOrgId: string,
  refs: { orderIds: readonly string[]; listingIds: readonly string[]; sessionIds: readonly string[] },
) {
  const { orderIds, listingIds, sessionIds } = refs;
  if (orderIds.length === 0 && (listingIds.length === 0 || sessionIds.length === 0)) return [];
  return db
    .selectFrom('orders')
    .innerJoin('listings', 'listings.id', 'orders.listingId')
    .selectAll('orders')
    .select('listings.title as listingTitle')
    .where('orders.sellerOrgId', '=', sellerOrgId)
    .where((eb) => {
      const concerned = [];
      if (orderIds.length > 0) concerned.push(eb('orders.id', 'in', orderIds));
      if (listingIds.length > 0 && sessionIds.length > 0) {
        concerned.push(
          eb.and([eb('orders.listingId', 'in', listingIds), eb('orders.liveSessionId', 'in', sessionIds)]),
        );
      }
      return eb.or(concerned);
    })
    .orderBy('orders.createdAt')
    .orderBy('orders.id')
    .limit(ORDER_LIMIT)
    .execute();
}
export type OrderRow = Awaited<ReturnType<typeof loadOrders>>[number];

export async function loadImages(db: Database, ids: readonly string[]) {
  return when(ids, () =>
    db.selectFrom('images').select(['id', 'contentHash', 'mimeType']).where('id', 'in', ids).execute(),
  );
}

interface AuditTargets {
  caseId: string;
  byType: Record<string, readonly string[]>;
}

export const AUDIT_ENTRY_LIMIT = 2000;

/**
 * Ids of the audit entries the package rests on: the case's own steps and those of everything it
 * points at (its documents, observations, flags' reviews, listings, certificates, orders,
 * complaints, live sessions), oldest first; at most AUDIT_ENTRY_LIMIT, the newest kept. Entries a
 * buyer wrote are left out: they carry the buyer's network address, which no investigation of the
 * seller needs (个人信息保护法: minimum necessary).
 */
export async function referencedAuditEntryIds(db: Database, targets: AuditTargets): Promise<number[]> {
  const rows = await db
    .selectFrom('auditEvents')
    .leftJoin('users as actor', 'actor.id', 'auditEvents.actorUserId')
    .select('auditEvents.id')
    .where((eb) =>
      eb.or([
        eb.and([eb('targetType', '=', 'case'), eb('targetId', '=', targets.caseId)]),
        ...Object.entries(targets.byType)
          .filter(([, ids]) => ids.length > 0)
          .map(([type, ids]) => eb.and([eb('targetType', '=', type), eb('targetId', 'in', ids)])),
      ]),
    )
    .where((eb) =>
      eb.or([eb('auditEvents.actorUserId', 'is', null), eb('actor.organizationId', 'is not', null)]),
    )
    .orderBy('auditEvents.id', 'desc')
    .limit(AUDIT_ENTRY_LIMIT)
    .execute();
  return rows.map((row) => row.id).reverse();
}

export async function userName(db: Database, userId: string) {
  const row = await db
    .selectFrom('users')
    .select('displayName')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.displayName;
}
