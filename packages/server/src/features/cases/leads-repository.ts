import type {
  CaseLead,
  CaseLeadKind,
  ComplaintCategory,
  ComplaintStatus,
  RecordObservationBody,
  StoredFlag,
} from '@jadelive/shared';
import type { Database } from '../../db/database';
import { iso } from '../../lib/serialize';
import { listComplaintLeads } from '../complaints/repository';
import { type FlagViewer, selectVisibleFlags } from '../compliance/repository';
import type { Tx } from './repository';
import { casesOfLeads } from './subjects-repository';

const LEADS_PER_KIND = 100;

interface LeadsFilter {
  kind?: CaseLeadKind;
  /** Leads already part of a case too. */
  includeLinked: boolean;
}

/** Flags the regulator may see (its district) that speak for the seller, newest first, as leads. */
async function flagLeads(db: Database, viewer: FlagViewer, includeLinked: boolean) {
  let query = selectVisibleFlags(db, viewer)
    .leftJoin('caseSubjects', (join) =>
      join.onRef('caseSubjects.subjectId', '=', 'complianceFlags.id').on('caseSubjects.kind', '=', 'flag'),
    )
    .select('caseSubjects.caseId')
    // A viewer's refused chat line is that viewer's moderation event, not a lead against the seller.
    .where('complianceFlags.speakerKind', '!=', 'viewer');
  if (!includeLinked) query = query.where('caseSubjects.caseId', 'is', null);
  const rows = await query.orderBy('complianceFlags.createdAt', 'desc').limit(LEADS_PER_KIND).execute();
  return rows.map(
    (row): CaseLead => ({
      kind: 'flag',
      id: row.id,
      seller: { id: row.sellerOrgId, name: row.sellerName },
      text: row.text,
      at: iso(row.createdAt),
      sessionId: row.sessionId,
      listingId: row.listingId,
      caseId: row.caseId,
      flag: {
        category: row.category as StoredFlag['category'],
        severity: row.severity as StoredFlag['severity'],
        source: row.source as StoredFlag['source'],
        ruleId: row.ruleId,
      },
      observation: null,
      complaint: null,
    }),
  );
}

/** The regulator's own observations, newest first, as leads. */
async function observationLeads(db: Database, regulatorOrgId: string, includeLinked: boolean) {
  let query = db
    .selectFrom('caseObservations')
    .innerJoin('users', 'users.id', 'caseObservations.recordedBy')
    .leftJoin('organizations as seller', 'seller.id', 'caseObservations.sellerOrgId')
    .leftJoin('caseSubjects', (join) =>
      join
        .onRef('caseSubjects.subjectId', '=', 'caseObservations.id')
        .on('caseSubjects.kind', '=', 'observation'),
    )
    .selectAll('caseObservations')
    .select(['users.displayName as recordedByName', 'seller.name as sellerName', 'caseSubjects.caseId'])
    .where('caseObservations.regulatorOrgId', '=', regulatorOrgId);
  if (!includeLinked) query = query.where('caseSubjects.caseId', 'is', null);
  const rows = await query.orderBy('caseObservations.observedAt', 'desc').limit(LEADS_PER_KIND).execute();
  return rows.map(
    (row): CaseLead => ({
      kind: 'observation',
      id: row.id,
      seller: row.sellerOrgId && row.sellerName ? { id: row.sellerOrgId, name: row.sellerName } : null,
      text: row.note,
      at: iso(row.observedAt),
      sessionId: row.sessionId,
      listingId: row.listingId,
      caseId: row.caseId,
      flag: null,
      observation: { imageIds: row.imageIds, url: row.url, recordedBy: row.recordedByName },
      complaint: null,
    }),
  );
}

/**
 * Complaints escalated to the regulator (read through the complaints feature), newest escalation
 * first, as leads; those it declined to take up (不予受理) are not.
 */
async function complaintLeads(db: Database, regulatorOrgId: string, includeLinked: boolean) {
  const rows = (await listComplaintLeads(db, regulatorOrgId, { limit: LEADS_PER_KIND })).filter(
    (row) => row.status !== 'rejected',
  );
  const cases = await casesOfLeads(
    db,
    'complaint',
    rows.map((row) => row.id),
  );
  return rows
    .filter((row) => includeLinked || !cases.has(row.id))
    .map(
      (row): CaseLead => ({
        kind: 'complaint',
        id: row.id,
        seller: { id: row.sellerOrgId, name: row.sellerName },
        text: row.description,
        at: iso(row.escalatedAt ?? row.filedAt),
        sessionId: row.sessionId,
        listingId: row.listingId,
        caseId: cases.get(row.id) ?? null,
        flag: null,
        observation: null,
        complaint: { category: row.category as ComplaintCategory, status: row.status as ComplaintStatus },
      }),
    );
}

/** The regulator's inbox: flags of its district, complaints passed on to it and its own observations. */
export async function listLeads(db: Database, viewer: FlagViewer, filter: LeadsFilter): Promise<CaseLead[]> {
  const wanted = (kind: CaseLeadKind) => filter.kind === undefined || filter.kind === kind;
  const [flags, complaints, observations] = await Promise.all([
    wanted('flag') ? flagLeads(db, viewer, filter.includeLinked) : [],
    wanted('complaint') ? complaintLeads(db, viewer.orgId, filter.includeLinked) : [],
    wanted('observation') ? observationLeads(db, viewer.orgId, filter.includeLinked) : [],
  ]);
  return [...flags, ...complaints, ...observations].sort((a, b) => b.at.localeCompare(a.at));
}

/** What a session or listing tells about an observation: whose it is. */
export async function sellerOfObservedThing(db: Database, body: RecordObservationBody) {
  const [session, listing] = await Promise.all([
    body.sessionId
      ? db
          .selectFrom('liveSessions')
          .select('sellerOrgId')
          .where('id', '=', body.sessionId)
          .executeTakeFirst()
      : undefined,
    body.listingId
      ? db.selectFrom('listings').select('sellerOrgId').where('id', '=', body.listingId).executeTakeFirst()
      : undefined,
  ]);
  const seller = body.sellerId
    ? await db
        .selectFrom('organizations')
        .select('id as sellerOrgId')
        .where('id', '=', body.sellerId)
        .where('kind', '=', 'seller')
        .executeTakeFirst()
    : undefined;
  return { session, listing, seller };
}

export async function insertObservation(
  trx: Tx,
  values: RecordObservationBody & { regulatorOrgId: string; sellerOrgId: string | null; recordedBy: string },
) {
  return trx
    .insertInto('caseObservations')
    .values({
      regulatorOrgId: values.regulatorOrgId,
      sellerOrgId: values.sellerOrgId,
      note: values.note,
      imageIds: values.imageIds,
      sessionId: values.sessionId ?? null,
      listingId: values.listingId ?? null,
      url: values.url ?? null,
      recordedBy: values.recordedBy,
    })
    .returning(['id', 'observedAt'])
    .executeTakeFirstOrThrow();
}
