import { type MembershipStatus, REAPPLY_FROM } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';

// Memberships of sellers in bases. Operator functions take the operator organisation and see
// only memberships of its own bases; seller functions take the seller organisation.

function selectMemberships(db: Database) {
  return db
    .selectFrom('baseMemberships')
    .innerJoin('bases', 'bases.id', 'baseMemberships.baseId')
    .innerJoin('organizations as sellers', 'sellers.id', 'baseMemberships.sellerOrgId')
    .select([
      'baseMemberships.baseId',
      'bases.name as baseName',
      'baseMemberships.sellerOrgId',
      'sellers.name as sellerName',
      'baseMemberships.status',
      'baseMemberships.note',
      'baseMemberships.appliedAt',
      'baseMemberships.decidedAt',
    ]);
}

/**
 * Applies, or applies again after a rejection or removal, in one statement so two clicks at once
 * cannot both pass. Undefined when a membership is already applied, admitted or suspended.
 */
export async function applyForMembership(
  db: Database,
  sellerOrgId: string,
  baseId: string,
  note: string | null,
) {
  return db
    .insertInto('baseMemberships')
    .values({ baseId, sellerOrgId, status: 'applied', note })
    .onConflict((oc) =>
      oc
        .columns(['baseId', 'sellerOrgId'])
        .doUpdateSet({ status: 'applied', note, appliedAt: sql`now()`, decidedAt: null, decidedBy: null })
        .where('baseMemberships.status', 'in', REAPPLY_FROM),
    )
    .returning(['baseId'])
    .executeTakeFirst();
}

export async function findMembership(db: Database, baseId: string, sellerOrgId: string) {
  return selectMemberships(db)
    .where('baseMemberships.baseId', '=', baseId)
    .where('baseMemberships.sellerOrgId', '=', sellerOrgId)
    .executeTakeFirst();
}

export async function listMembershipsOfSeller(db: Database, sellerOrgId: string) {
  return selectMemberships(db)
    .where('baseMemberships.sellerOrgId', '=', sellerOrgId)
    .orderBy('baseMemberships.appliedAt', 'desc')
    .execute();
}

export async function listMembersOfBase(
  db: Database,
  operatorOrgId: string,
  baseId: string,
  status: MembershipStatus | undefined,
) {
  let query = selectMemberships(db)
    .where('bases.operatorOrgId', '=', operatorOrgId)
    .where('baseMemberships.baseId', '=', baseId)
    .orderBy('baseMemberships.appliedAt', 'desc');
  if (status) query = query.where('baseMemberships.status', '=', status);
  return query.execute();
}

/** Locks a membership of the operator's base for a decision; undefined when there is none. */
export async function lockMembershipOfOperatedBase(
  db: Database,
  operatorOrgId: string,
  baseId: string,
  sellerOrgId: string,
) {
  return db
    .selectFrom('baseMemberships')
    .innerJoin('bases', 'bases.id', 'baseMemberships.baseId')
    .select('baseMemberships.status')
    .where('bases.operatorOrgId', '=', operatorOrgId)
    .where('baseMemberships.baseId', '=', baseId)
    .where('baseMemberships.sellerOrgId', '=', sellerOrgId)
    .forUpdate('baseMemberships')
    .executeTakeFirst();
}

export async function setMembershipStatus(
  db: Database,
  baseId: string,
  sellerOrgId: string,
  change: { status: MembershipStatus; note: string | undefined; decidedBy: string },
) {
  await db
    .updateTable('baseMemberships')
    .set({
      status: change.status,
      decidedAt: sql`now()`,
      decidedBy: change.decidedBy,
      ...(change.note !== undefined && { note: change.note }),
    })
    .where('baseId', '=', baseId)
    .where('sellerOrgId', '=', sellerOrgId)
    .execute();
}

/**
 * The seller's membership row locked against a concurrent decision while a booking is written;
 * a suspension waits for the booking and then cancels it with the rest.
 */
export async function lockMembershipForBooking(db: Database, baseId: string, sellerOrgId: string) {
  return db
    .selectFrom('baseMemberships')
    .select('status')
    .where('baseId', '=', baseId)
    .where('sellerOrgId', '=', sellerOrgId)
    .forShare()
    .executeTakeFirst();
}
