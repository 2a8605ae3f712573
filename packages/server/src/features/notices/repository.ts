import type { CaseDocumentKind, ResponseReview } from '@jadelive/shared';
import { type Insertable, sql } from 'kysely';
import type { Database } from '../../db/database';
import type { CaseDocuments } from '../../db/schema.generated';
import { sellerAdmitted } from '../../db/scopes';
import type { Tx } from '../cases/repository';

/** Who reads documents as the party's side: the seller itself, or the operator of a base it is admitted to. */
export type PartyViewer = { kind: 'seller'; orgId: string } | { kind: 'cluster_operator'; orgId: string };

function selectDocuments(db: Database) {
  return db
    .selectFrom('caseDocuments')
    .innerJoin('cases', 'cases.id', 'caseDocuments.caseId')
    .innerJoin('organizations as issuer', 'issuer.id', 'caseDocuments.issuingOrgId')
    .innerJoin('organizations as party', 'party.id', 'caseDocuments.sellerOrgId')
    .innerJoin('users as issuedBy', 'issuedBy.id', 'caseDocuments.issuedBy')
    .leftJoin('users as reader', 'reader.id', 'caseDocuments.firstReadBy')
    .selectAll('caseDocuments')
    .select([
      'cases.step as caseStep',
      'issuer.name as issuerName',
      'party.name as partyName',
      'issuedBy.displayName as issuedByName',
      'reader.displayName as firstReadByName',
    ]);
}

export type DocumentRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof selectDocuments>['executeTakeFirst']>>
>;

function forParty(db: Database, viewer: PartyViewer) {
  const query = selectDocuments(db);
  return viewer.kind === 'seller'
    ? query.where('caseDocuments.sellerOrgId', '=', viewer.orgId)
    : query.where((eb) => sellerAdmitted(eb, 'caseDocuments.sellerOrgId', { operatorOrgId: viewer.orgId }));
}

/** Documents addressed to the seller (or to sellers of the operator's bases), newest first. */
export async function listDocumentsForParty(db: Database, viewer: PartyViewer) {
  return forParty(db, viewer).orderBy('caseDocuments.issuedAt', 'desc').limit(200).execute();
}

/** One document the viewer may read; undefined (404) for anybody else's. */
export async function findDocumentForParty(db: Database, viewer: PartyViewer, documentId: string) {
  return forParty(db, viewer).where('caseDocuments.id', '=', documentId).executeTakeFirst();
}

export async function listDocumentsOfCase(db: Database, caseId: string) {
  return selectDocuments(db)
    .where('caseDocuments.caseId', '=', caseId)
    .orderBy('caseDocuments.issuedAt')
    .execute();
}

export async function findDocumentOfCase(db: Database, caseId: string, documentId: string) {
  return selectDocuments(db)
    .where('caseDocuments.caseId', '=', caseId)
    .where('caseDocuments.id', '=', documentId)
    .executeTakeFirst();
}

export async function insertDocument(
  trx: Tx,
  values: Omit<Insertable<CaseDocuments>, 'kind'> & { kind: CaseDocumentKind },
) {
  return trx.insertInto('caseDocuments').values(values).returning(['id', 'number']).executeTakeFirstOrThrow();
}

/** Records the first reading by the party; undefined when it was read before (the receipt stays the first). */
export async function markFirstRead(trx: Tx, documentId: string, userId: string) {
  return trx
    .updateTable('caseDocuments')
    .set({ firstReadAt: sql`now()`, firstReadBy: userId })
    .where('id', '=', documentId)
    .where('firstReadAt', 'is', null)
    .returning(['id', 'firstReadAt'])
    .executeTakeFirst();
}

/** The party's answers to these documents, oldest first, with who answered and the listing named. */
export async function listResponses(db: Database, documentIds: readonly string[]) {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom('caseDocumentResponses')
    .innerJoin('users', 'users.id', 'caseDocumentResponses.respondedBy')
    .leftJoin('listings', 'listings.id', 'caseDocumentResponses.listingId')
    .selectAll('caseDocumentResponses')
    .select(['users.displayName as respondedByName', 'listings.title as listingTitle'])
    .where('caseDocumentResponses.documentId', 'in', documentIds)
    .orderBy('caseDocumentResponses.respondedAt')
    .execute();
}

export type ResponseRow = Awaited<ReturnType<typeof listResponses>>[number];

/** Locks a document's answers while one is added or reviewed, so two clicks cannot both pass the checks. */
export async function lockResponses(trx: Tx, documentId: string) {
  await trx.selectFrom('caseDocuments').select('id').where('id', '=', documentId).forUpdate().execute();
  return trx
    .selectFrom('caseDocumentResponses')
    .select(['id', 'review'])
    .where('documentId', '=', documentId)
    .orderBy('respondedAt')
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, review: row.review as ResponseReview | null })));
}

export async function insertResponse(
  trx: Tx,
  values: {
    documentId: string;
    statement: string;
    listingId: string | null;
    imageIds: string[];
    hearingRequested: boolean;
    respondedBy: string;
  },
) {
  return trx.insertInto('caseDocumentResponses').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function reviewResponse(
  trx: Tx,
  responseId: string,
  values: { review: ResponseReview; reviewReason: string; reviewedBy: string },
) {
  await trx
    .updateTable('caseDocumentResponses')
    .set({ ...values, reviewedAt: sql`now()` })
    .where('id', '=', responseId)
    .execute();
}
