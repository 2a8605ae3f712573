import type { ComplaintStatus, ComplaintSubjectRef } from '@jadelive/shared';
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/database';
import type { Complaints, DB } from '../../db/schema.generated';

export type Tx = Transaction<DB>;

/** Whose complaints a caller reads: a buyer its own, a seller those about it, a regulator its leads. */
export type ComplaintScope = { buyerUserId: string } | { sellerOrgId: string } | { regulatorOrgId: string };

function selectComplaints(db: Database) {
  return db
    .selectFrom('complaints')
    .innerJoin('users as buyer', 'buyer.id', 'complaints.buyerUserId')
    .innerJoin('organizations as seller', 'seller.id', 'complaints.sellerOrgId')
    .leftJoin('organizations as regulator', 'regulator.id', 'complaints.regulatorOrgId')
    .selectAll('complaints')
    .select([
      'buyer.displayName as buyerName',
      'seller.name as sellerName',
      'seller.district as sellerDistrict',
      'regulator.name as regulatorName',
      'regulator.district as regulatorDistrict',
    ]);
}

function scoped(db: Database, scope: ComplaintScope) {
  const query = selectComplaints(db);
  if ('buyerUserId' in scope) return query.where('complaints.buyerUserId', '=', scope.buyerUserId);
  if ('sellerOrgId' in scope) return query.where('complaints.sellerOrgId', '=', scope.sellerOrgId);
  return query.where('complaints.regulatorOrgId', '=', scope.regulatorOrgId);
}

export type ComplaintRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof selectComplaints>['executeTakeFirst']>>
>;

interface ComplaintListOptions {
  status?: ComplaintStatus;
  limit: number;
  before?: string;
}

/** A buyer's or a seller's complaints, newest first. */
export async function listComplaints(db: Database, scope: ComplaintScope, options: ComplaintListOptions) {
  let query = scoped(db, scope);
  if (options.status) query = query.where('complaints.status', '=', options.status);
  if (options.before) query = query.where('complaints.filedAt', '<', new Date(options.before));
  return query.orderBy('complaints.filedAt', 'desc').limit(options.limit).execute();
}

/** One complaint within the caller's scope; undefined for anyone else's. */
export async function findComplaint(db: Database, scope: ComplaintScope, id: string) {
  return scoped(db, scope).where('complaints.id', '=', id).executeTakeFirst();
}

/**
 * The complaints escalated to a regulator: its leads, newest escalation first (`status` narrows them
 * to the undecided `escalated`, or to `accepted` / `rejected`). The cases feature reads them here.
 */
export async function listComplaintLeads(
  db: Database,
  regulatorOrgId: string,
  options: ComplaintListOptions = { limit: 100 },
) {
  let query = scoped(db, { regulatorOrgId });
  if (options.status) query = query.where('complaints.status', '=', options.status);
  if (options.before) query = query.where('complaints.escalatedAt', '<', new Date(options.before));
  return query.orderBy('complaints.escalatedAt', 'desc').limit(options.limit).execute();
}

/** One lead of a regulator; undefined when the complaint was not escalated to it. */
export async function findComplaintLead(db: Database, regulatorOrgId: string, id: string) {
  return findComplaint(db, { regulatorOrgId }, id);
}

/** Locks a complaint of the scope for a state change; undefined for anyone else's. */
export async function lockComplaint(trx: Tx, scope: ComplaintScope, id: string) {
  let query = trx.selectFrom('complaints').selectAll().where('id', '=', id);
  if ('buyerUserId' in scope) query = query.where('buyerUserId', '=', scope.buyerUserId);
  else if ('sellerOrgId' in scope) query = query.where('sellerOrgId', '=', scope.sellerOrgId);
  else query = query.where('regulatorOrgId', '=', scope.regulatorOrgId);
  return query.forUpdate().executeTakeFirst();
}

export type LockedComplaint = NonNullable<Awaited<ReturnType<typeof lockComplaint>>>;

export async function insertComplaint(trx: Tx, row: Insertable<Complaints>) {
  return trx.insertInto('complaints').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateComplaint(trx: Tx, id: string, set: Updateable<Complaints>) {
  await trx.updateTable('complaints').set(set).where('id', '=', id).execute();
}

/** What a complaint is about, as far as the buyer may name it: seller, title and context ids. */
export async function findComplaintSubject(db: Database, buyerUserId: string, subject: ComplaintSubjectRef) {
  switch (subject.kind) {
    case 'order':
      // Only the buyer's own order.
      return db
        .selectFrom('orders')
        .innerJoin('listings', 'listings.id', 'orders.listingId')
        .select([
          'orders.sellerOrgId',
          'listings.title',
          'orders.id as orderId',
          'orders.listingId',
          'orders.liveSessionId as sessionId',
        ])
        .where('orders.id', '=', subject.id)
        .where('orders.buyerUserId', '=', buyerUserId)
        .executeTakeFirst();
    case 'listing':
      // A listing the public has seen: not a draft.
      return db
        .selectFrom('listings')
        .select([
          'sellerOrgId',
          'title',
          (eb) => eb.val<string | null>(null).as('orderId'),
          'id as listingId',
          (eb) => eb.val<string | null>(null).as('sessionId'),
        ])
        .where('id', '=', subject.id)
        .where('status', '!=', 'draft')
        .executeTakeFirst();
    case 'live_session':
      // A session that went on air.
      return db
        .selectFrom('liveSessions')
        .select([
          'sellerOrgId',
          'title',
          (eb) => eb.val<string | null>(null).as('orderId'),
          (eb) => eb.val<string | null>(null).as('listingId'),
          'id as sessionId',
        ])
        .where('id', '=', subject.id)
        .where('status', 'in', ['live', 'ended'])
        .executeTakeFirst();
  }
}

/**
 * The market regulator a complaint about a seller goes to: the regulator of the seller's district,
 * else a city-wide one (no district); the longest-registered when there are several.
 */
export async function findRegulatorFor(db: Database, sellerOrgId: string) {
  const seller = await db
    .selectFrom('organizations')
    .select('district')
    .where('id', '=', sellerOrgId)
    .executeTakeFirstOrThrow();
  const regulators = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'district'])
    .where('kind', '=', 'regulator')
    .where((eb) =>
      seller.district === null
        ? eb('district', 'is', null)
        : eb.or([eb('district', '=', seller.district), eb('district', 'is', null)]),
    )
    .orderBy((eb) => eb.case().when('district', 'is', null).then(1).else(0).end())
    .orderBy('createdAt')
    .orderBy('id')
    .limit(1)
    .execute();
  return { sellerDistrict: seller.district, regulator: regulators[0] };
}

/** The buyer's complaint in one of these statuses about the same order, listing or live session. */
export async function findOpenComplaint(
  db: Database,
  buyerUserId: string,
  subject: ComplaintSubjectRef,
  statuses: readonly ComplaintStatus[],
) {
  const column =
    subject.kind === 'order' ? 'orderId' : subject.kind === 'listing' ? 'listingId' : 'sessionId';
  return db
    .selectFrom('complaints')
    .select('id')
    .where('buyerUserId', '=', buyerUserId)
    .where('subjectKind', '=', subject.kind)
    .where(column, '=', subject.id)
    .where('status', 'in', statuses)
    .executeTakeFirst();
}
