import type { CaseEventKind, CaseStep } from '@jadelive/shared';
import { type Insertable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from '../../db/database';
import type { Cases, DB } from '../../db/schema.generated';

/** Case writes lock the case row and must commit or fail whole with their event and audit entry. */
export type Tx = Transaction<DB>;

function selectCases(db: Database) {
  return db
    .selectFrom('cases')
    .innerJoin('organizations as seller', 'seller.id', 'cases.sellerOrgId')
    .innerJoin('organizations as regulator', 'regulator.id', 'cases.regulatorOrgId')
    .innerJoin('users as opener', 'opener.id', 'cases.openedBy')
    .leftJoin('users as requester', 'requester.id', 'cases.filingRequestedBy')
    .selectAll('cases')
    .select([
      'seller.name as sellerName',
      'seller.district as sellerDistrict',
      'regulator.name as regulatorName',
      'opener.displayName as openedByName',
      'requester.displayName as filingRequestedByName',
    ]);
}

export type CaseRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectCases>['executeTakeFirst']>>>;

/**
 * A case as the regulator holding it sees it; undefined for any other organisation (another
 * district, the regulator it was transferred away from), which the routes answer with 404.
 */
export async function findCaseForRegulator(
  db: Database,
  regulatorOrgId: string,
  caseId: string,
): Promise<CaseRow | undefined> {
  return selectCases(db)
    .where('cases.id', '=', caseId)
    .where('cases.regulatorOrgId', '=', regulatorOrgId)
    .executeTakeFirst();
}

/** `findCaseForRegulator`, locking the case row until the transaction ends (one step at a time). */
export async function lockCaseForRegulator(trx: Tx, regulatorOrgId: string, caseId: string) {
  return trx
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', caseId)
    .where('regulatorOrgId', '=', regulatorOrgId)
    .forUpdate()
    .executeTakeFirst();
}

/** A case's step and regulator, whoever holds it, locking the row until the transaction ends (the party's answers). */
export async function lockCase(trx: Tx, caseId: string) {
  return trx
    .selectFrom('cases')
    .select(['step', 'regulatorOrgId'])
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function listCasesForRegulator(
  db: Database,
  regulatorOrgId: string,
  state: 'open' | 'ended' | 'all',
) {
  let query = selectCases(db).where('cases.regulatorOrgId', '=', regulatorOrgId);
  if (state !== 'all') {
    query = query.where('cases.step', state === 'open' ? 'not in' : 'in', ['closed', 'dropped']);
  }
  return query.orderBy('cases.updatedAt', 'desc').limit(200).execute();
}

export async function insertCase(trx: Tx, values: Insertable<Cases>) {
  return trx.insertInto('cases').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateCase(trx: Tx, caseId: string, values: Updateable<Cases>) {
  await trx
    .updateTable('cases')
    .set({ ...values, updatedAt: sql`now()` })
    .where('id', '=', caseId)
    .execute();
}

interface CaseEventInput {
  caseId: string;
  kind: CaseEventKind;
  fromStep?: CaseStep | null;
  toStep?: CaseStep | null;
  actorUserId: string | null;
  actorOrgId: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** One line of the case's record: who did what, when and why. */
export async function insertCaseEvent(trx: Tx, event: CaseEventInput) {
  await trx
    .insertInto('caseEvents')
    .values({
      caseId: event.caseId,
      kind: event.kind,
      fromStep: event.fromStep ?? null,
      toStep: event.toStep ?? null,
      actorUserId: event.actorUserId,
      actorOrgId: event.actorOrgId,
      reason: event.reason ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

/** The case's record in order, with the names of who acted. */
export async function listCaseEvents(db: Database, caseId: string) {
  return db
    .selectFrom('caseEvents')
    .innerJoin('organizations', 'organizations.id', 'caseEvents.actorOrgId')
    .leftJoin('users', 'users.id', 'caseEvents.actorUserId')
    .selectAll('caseEvents')
    .select(['organizations.name as organizationName', 'users.displayName as actorName'])
    .where('caseEvents.caseId', '=', caseId)
    .orderBy('caseEvents.id')
    .execute();
}

export type CaseEventRow = Awaited<ReturnType<typeof listCaseEvents>>[number];

/**
 * The next number of a regulator's document series in a year (立案号, 责令改正通知书 …), counted in
 * the caller's transaction: the counter row stays locked until it commits, so numbers have no gaps.
 */
export async function nextDocumentSequence(trx: Tx, orgId: string, series: string, year: number) {
  const row = await trx
    .insertInto('regulatorDocumentCounters')
    .values({ orgId, series, year, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(['orgId', 'series', 'year'])
        .doUpdateSet({ last: sql`regulator_document_counters.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

/** Regulators a case can be transferred to: every other regulator, with its district. */
export async function listOtherRegulators(db: Database, regulatorOrgId: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'district'])
    .where('kind', '=', 'regulator')
    .where('id', '!=', regulatorOrgId)
    .orderBy('name')
    .execute();
}

export async function findRegulator(db: Database, orgId: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'district'])
    .where('id', '=', orgId)
    .where('kind', '=', 'regulator')
    .executeTakeFirst();
}
