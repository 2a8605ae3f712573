import type { AddCaseSubjectBody, CaseStep, OpenCaseBody, RecordObservationBody } from '@jadelive/shared';
import { isOpenCaseStep } from '@jadelive/shared';
import type { AppDeps } from '../../deps';
import { because, conflict, isUniqueViolation, notFound, unprocessable } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import { nothingToAudit } from '../audit/request-context';
import { loadFlagViewer } from '../compliance/repository';
import { requireOwnImages } from '../images/repository';
import type { Acting } from '../notices/service';
import { insertObservation, sellerOfObservedThing } from './leads-repository';
import { insertCase, insertCaseEvent, lockCaseForRegulator, type Tx } from './repository';
import { auditCase } from './service';
import {
  addCaseSubjects,
  casesOfLeads,
  contextOfLeads,
  type SubjectRef,
  sellerOfSubject,
} from './subjects-repository';

type Deps = Pick<AppDeps, 'db'>;

/**
 * The seller each subject belongs to, refusing what the regulator may not use (422) and leads already
 * in another case than `caseId` (409).
 */
async function sellersOf(trx: Tx, officer: Acting, subjects: SubjectRef[], caseId?: string) {
  const viewer = await loadFlagViewer(trx, officer.orgId);
  const sellers = new Set<string>();
  for (const subject of subjects) {
    const found = await sellerOfSubject(trx, viewer, subject);
    if (!found) {
      throw unprocessable(
        `${subject.kind} ${subject.id} not found among your leads`,
        because('lead_not_found', { kind: subject.kind, id: subject.id }),
      );
    }
    if (found.sellerOrgId) sellers.add(found.sellerOrgId);
  }
  for (const kind of ['flag', 'complaint', 'observation'] as const) {
    const ids = subjects.filter((subject) => subject.kind === kind).map((subject) => subject.id);
    const taken = [...(await casesOfLeads(trx, kind, ids)).values()].find((other) => other !== caseId);
    if (taken)
      throw conflict('this lead is part of a case already', because('lead_in_case', { caseId: taken }));
  }
  return sellers;
}

/** Adds subjects, turning a lead taken by a concurrent case into the same 409 as the check. */
async function addSubjectsOnce(trx: Tx, caseId: string, subjects: SubjectRef[], userId: string) {
  try {
    return await addCaseSubjects(trx, caseId, subjects, userId);
  } catch (error) {
    if (isUniqueViolation(error, 'case_subjects_lead_once')) {
      throw conflict('this lead is part of a case already', because('lead_in_case', { caseId: null }));
    }
    throw error;
  }
}

/**
 * 核查: opens a case against the one seller its leads are about, pointing it at the leads and at
 * the listings and live sessions they were made in.
 */
export async function openCase(deps: Deps, officer: Acting, body: OpenCaseBody) {
  return deps.db.transaction().execute(async (trx) => {
    const leads: SubjectRef[] = [
      ...body.flagIds.map((id) => ({ kind: 'flag' as const, id })),
      ...body.complaintIds.map((id) => ({ kind: 'complaint' as const, id })),
      ...body.observationIds.map((id) => ({ kind: 'observation' as const, id })),
    ];
    const sellers = await sellersOf(trx, officer, leads);
    if (sellers.size > 1) {
      throw unprocessable('the leads concern more than one seller', because('leads_of_several_sellers'));
    }
    const [sellerOrgId] = sellers;
    if (!sellerOrgId) throw unprocessable('no lead names a seller', because('lead_without_seller'));
    const { id } = await insertCase(trx, {
      regulatorOrgId: officer.orgId,
      sellerOrgId,
      title: body.title,
      openedBy: officer.userId,
    });
    const context = await contextOfLeads(trx, body);
    await addSubjectsOnce(trx, id, [...leads, ...context], officer.userId);
    const details = { title: body.title, sellerOrgId, leads: leads.length };
    await insertCaseEvent(trx, {
      caseId: id,
      kind: 'opened',
      toStep: 'checking',
      actorUserId: officer.userId,
      actorOrgId: officer.orgId,
      reason: body.reason,
      details,
    });
    await auditCase(trx, officer, 'case.opened', id, details);
    return { id };
  });
}

/** Points an open case at one more lead, listing, live session or order of its seller. */
export async function addCaseSubject(deps: Deps, officer: Acting, caseId: string, body: AddCaseSubjectBody) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockCaseForRegulator(trx, officer.orgId, caseId);
    if (!row) throw notFound('case');
    if (!isOpenCaseStep(row.step as CaseStep)) {
      throw conflict('the case has ended', because('case_step', { step: row.step, action: 'add_subject' }));
    }
    const sellers = await sellersOf(trx, officer, [body], caseId);
    if ([...sellers].some((seller) => seller !== row.sellerOrgId)) {
      throw unprocessable('it belongs to another seller than the case', because('subject_of_other_seller'));
    }
    const added = await addSubjectsOnce(trx, caseId, [body], officer.userId);
    if (added.length === 0) return nothingToAudit('the case points at it already');
    await insertCaseEvent(trx, {
      caseId,
      kind: 'subject_added',
      actorUserId: officer.userId,
      actorOrgId: officer.orgId,
      details: { ...body },
    });
    await auditCase(trx, officer, 'case.subject_added', caseId, { ...body });
  });
}

/** An internal note of the officers (never shown to the party). */
export async function addCaseNote(deps: Deps, officer: Acting, caseId: string, text: string) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockCaseForRegulator(trx, officer.orgId, caseId);
    if (!row) throw notFound('case');
    await insertCaseEvent(trx, {
      caseId,
      kind: 'note',
      actorUserId: officer.userId,
      actorOrgId: officer.orgId,
      reason: text,
    });
    await auditCase(trx, officer, 'case.note_added', caseId, { length: text.length });
  });
}

/**
 * 巡查发现: the regulator's own observation as a lead, with its screenshots (the regulator's own
 * uploads) and what it was seen in. The seller comes from the session or listing, or is named.
 */
export async function recordObservation(deps: Deps, officer: Acting, body: RecordObservationBody) {
  return deps.db.transaction().execute(async (trx) => {
    await requireOwnImages(trx, officer.orgId, body.imageIds, 'imageIds');
    const { session, listing, seller } = await sellerOfObservedThing(trx, body);
    const missing =
      (body.sessionId && !session && { kind: 'session', id: body.sessionId }) ||
      (body.listingId && !listing && { kind: 'listing', id: body.listingId }) ||
      (body.sellerId && !seller && { kind: 'seller', id: body.sellerId });
    if (missing) {
      throw unprocessable(`${missing.kind} ${missing.id} not found`, because('lead_not_found', missing));
    }
    const sellers = new Set(
      [session, listing, seller].flatMap((found) => (found ? [found.sellerOrgId] : [])),
    );
    if (sellers.size > 1) {
      throw unprocessable(
        'the session, listing and seller named disagree',
        because('leads_of_several_sellers'),
      );
    }
    const [sellerOrgId = null] = sellers;
    const row = await insertObservation(trx, {
      ...body,
      regulatorOrgId: officer.orgId,
      sellerOrgId,
      recordedBy: officer.userId,
    });
    await recordAudit(trx, {
      actorUserId: officer.userId,
      organizationId: officer.orgId,
      action: 'case_observation.recorded',
      targetType: 'case_observation',
      targetId: row.id,
      details: {
        sellerOrgId,
        sessionId: body.sessionId ?? null,
        listingId: body.listingId ?? null,
        url: body.url ?? null,
        screenshots: body.imageIds.length,
      },
      requestId: officer.requestId,
      ip: officer.ip,
    });
    return row;
  });
}
