import type { CaseSubjectKind, CaseSubjects, ComplaintCategory, StoredFlag } from '@jadelive/shared';
import type { Database } from '../../db/database';
import { iso, isoOrNull } from '../../lib/serialize';
import { findComplaintLead } from '../complaints/repository';
import { type FlagViewer, selectVisibleFlags } from '../compliance/repository';
import type { Tx } from './repository';

export interface SubjectRef {
  kind: CaseSubjectKind;
  id: string;
}

/** Points a case at subjects; ones it already points at are left as they are. */
export async function addCaseSubjects(trx: Tx, caseId: string, subjects: SubjectRef[], addedBy: string) {
  if (subjects.length === 0) return [];
  return trx
    .insertInto('caseSubjects')
    .values(subjects.map((subject) => ({ caseId, kind: subject.kind, subjectId: subject.id, addedBy })))
    .onConflict((oc) => oc.columns(['caseId', 'kind', 'subjectId']).doNothing())
    .returning(['kind', 'subjectId'])
    .execute();
}

/** Subject ids of a case by kind, in the order they were added. */
export async function caseSubjectIds(
  db: Database,
  caseId: string,
): Promise<Record<CaseSubjectKind, string[]>> {
  const rows = await db
    .selectFrom('caseSubjects')
    .select(['kind', 'subjectId'])
    .where('caseId', '=', caseId)
    .orderBy('addedAt')
    .execute();
  const ids: Record<CaseSubjectKind, string[]> = {
    flag: [],
    complaint: [],
    observation: [],
    listing: [],
    session: [],
    order: [],
  };
  for (const row of rows) ids[row.kind as CaseSubjectKind].push(row.subjectId);
  return ids;
}

/** The case each of these leads is already part of (a lead belongs to one case at a time). */
export async function casesOfLeads(db: Database, kind: CaseSubjectKind, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('caseSubjects')
    .select(['subjectId', 'caseId'])
    .where('kind', '=', kind)
    .where('subjectId', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.subjectId, row.caseId]));
}

/**
 * The seller a lead, listing, live session or order belongs to, if the regulator may use it: flags
 * it can see (its district), its own observations (seller null when none was named), any listing,
 * session or order. Undefined when there is no such thing for this regulator.
 */
export async function sellerOfSubject(
  db: Database,
  viewer: FlagViewer,
  subject: SubjectRef,
): Promise<{ sellerOrgId: string | null } | undefined> {
  switch (subject.kind) {
    case 'flag':
      return selectVisibleFlags(db, viewer)
        .where('complianceFlags.id', '=', subject.id)
        .select('complianceFlags.sellerOrgId as sellerOrgId')
        .executeTakeFirst();
    case 'observation':
      return db
        .selectFrom('caseObservations')
        .select('sellerOrgId')
        .where('id', '=', subject.id)
        .where('regulatorOrgId', '=', viewer.orgId)
        .executeTakeFirst();
    case 'listing':
      return db.selectFrom('listings').select('sellerOrgId').where('id', '=', subject.id).executeTakeFirst();
    case 'session':
      return db
        .selectFrom('liveSessions')
        .select('sellerOrgId')
        .where('id', '=', subject.id)
        .executeTakeFirst();
    case 'order':
      return db.selectFrom('orders').select('sellerOrgId').where('id', '=', subject.id).executeTakeFirst();
    case 'complaint':
      // A complaint is a lead of the regulator it was escalated to.
      return findComplaintLead(db, viewer.orgId, subject.id);
  }
}

/** The listing, live session and order a flag, complaint or observation was about, to point the case at them too. */
export async function contextOfLeads(
  db: Database,
  leads: { flagIds: readonly string[]; complaintIds: readonly string[]; observationIds: readonly string[] },
) {
  const { flagIds, complaintIds, observationIds } = leads;
  const refs: SubjectRef[] = [];
  const add = (kind: 'listing' | 'session' | 'order', id: string | null) => {
    if (id && !refs.some((ref) => ref.kind === kind && ref.id === id)) refs.push({ kind, id });
  };
  if (flagIds.length > 0) {
    const flags = await db
      .selectFrom('complianceFlags')
      .select(['listingId', 'sessionId'])
      .where('id', 'in', flagIds)
      .execute();
    for (const flag of flags) {
      add('listing', flag.listingId);
      add('session', flag.sessionId);
    }
  }
  if (complaintIds.length > 0) {
    const complaints = await db
      .selectFrom('complaints')
      .select(['listingId', 'sessionId', 'orderId'])
      .where('id', 'in', complaintIds)
      .execute();
    for (const complaint of complaints) {
      add('listing', complaint.listingId);
      add('session', complaint.sessionId);
      add('order', complaint.orderId);
    }
  }
  if (observationIds.length > 0) {
    const observations = await db
      .selectFrom('caseObservations')
      .select(['listingId', 'sessionId'])
      .where('id', 'in', observationIds)
      .execute();
    for (const observation of observations) {
      add('listing', observation.listingId);
      add('session', observation.sessionId);
    }
  }
  return refs;
}

/** What a case points at, read for its page (a complaint as the case holds it, whichever regulator it went to). */
export async function loadCaseSubjects(
  db: Database,
  ids: Record<CaseSubjectKind, string[]>,
): Promise<CaseSubjects> {
  const when = <T>(list: string[], load: () => Promise<T[]>) =>
    list.length > 0 ? load() : Promise.resolve([]);
  const [flags, complaints, observations, listings, sessions, orders] = await Promise.all([
    when(ids.flag, () =>
      db
        .selectFrom('complianceFlags')
        .select(['id', 'text', 'category', 'severity', 'source', 'saidAt'])
        .where('id', 'in', ids.flag)
        .orderBy('saidAt')
        .execute(),
    ),
    when(ids.complaint, () =>
      db
        .selectFrom('complaints')
        .select(['id', 'category', 'description', 'escalatedAt', 'filedAt'])
        .where('id', 'in', ids.complaint)
        .orderBy('filedAt')
        .execute(),
    ),
    when(ids.observation, () =>
      db
        .selectFrom('caseObservations')
        .innerJoin('users', 'users.id', 'caseObservations.recordedBy')
        .selectAll('caseObservations')
        .select('users.displayName as recordedByName')
        .where('caseObservations.id', 'in', ids.observation)
        .orderBy('observedAt')
        .execute(),
    ),
    when(ids.listing, () =>
      db.selectFrom('listings').select(['id', 'title', 'status']).where('id', 'in', ids.listing).execute(),
    ),
    when(ids.session, () =>
      db
        .selectFrom('liveSessions')
        .select(['id', 'title', 'status', 'startedAt'])
        .where('id', 'in', ids.session)
        .execute(),
    ),
    when(ids.order, () =>
      db
        .selectFrom('orders')
        .select(['id', 'status', 'totalFen', 'createdAt'])
        .where('id', 'in', ids.order)
        .orderBy('createdAt')
        .execute(),
    ),
  ]);
  return {
    flags: flags.map((flag) => ({
      ...flag,
      category: flag.category as StoredFlag['category'],
      severity: flag.severity as StoredFlag['severity'],
      source: flag.source as StoredFlag['source'],
      saidAt: iso(flag.saidAt),
    })),
    complaints: complaints.map((row) => ({
      id: row.id,
      category: row.category as ComplaintCategory,
      text: row.description,
      at: iso(row.escalatedAt ?? row.filedAt),
    })),
    observations: observations.map((row) => ({
      id: row.id,
      note: row.note,
      imageIds: row.imageIds,
      url: row.url,
      sessionId: row.sessionId,
      listingId: row.listingId,
      observedAt: iso(row.observedAt),
      recordedBy: row.recordedByName,
    })),
    listings,
    sessions: sessions.map((session) => ({ ...session, startedAt: isoOrNull(session.startedAt) })),
    orders: orders.map((order) => ({ ...order, createdAt: iso(order.createdAt) })),
  };
}
