import {
  availableCaseActions,
  type CaseDetail,
  type CaseEvent,
  type CaseStep,
  type CaseSummary,
  caseClocks,
} from '@jadelive/shared';
import type { Database } from '../../db/database';
import { iso, isoOrNull } from '../../lib/serialize';
import { listDocumentsOfCase } from '../notices/repository';
import { toCaseDocuments } from '../notices/serialize';
import { type CaseEventRow, type CaseRow, listCaseEvents } from './repository';
import { caseSubjectIds, loadCaseSubjects } from './subjects-repository';

export function toCaseSummary(row: CaseRow, now = new Date()): CaseSummary {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    step: row.step as CaseStep,
    seller: { id: row.sellerOrgId, name: row.sellerName, district: row.sellerDistrict },
    regulator: { id: row.regulatorOrgId, name: row.regulatorName },
    openedAt: iso(row.openedAt),
    updatedAt: iso(row.updatedAt),
    filedAt: isoOrNull(row.filedAt),
    filingRequest:
      row.filingRequestedBy && row.filingRequestedAt && row.filingRequestedByName
        ? {
            by: { id: row.filingRequestedBy, name: row.filingRequestedByName },
            at: iso(row.filingRequestedAt),
          }
        : null,
    closure:
      row.closureKind && row.closureReason
        ? { kind: row.closureKind as 'closed' | 'not_filed' | 'withdrawn', reason: row.closureReason }
        : null,
    clocks: caseClocks(
      {
        filedAt: row.filedAt,
        decidedAt: row.decidedAt,
        deliveredAt: row.deliveredAt,
        publishedAt: row.publishedAt,
        endedAt: row.closedAt,
      },
      now,
    ),
  };
}

function toCaseEvent(row: CaseEventRow): CaseEvent {
  return {
    id: row.id,
    kind: row.kind as CaseEvent['kind'],
    fromStep: row.fromStep as CaseStep | null,
    toStep: row.toStep as CaseStep | null,
    actor: row.actorUserId && row.actorName ? { id: row.actorUserId, name: row.actorName } : null,
    organization: { id: row.actorOrgId, name: row.organizationName },
    reason: row.reason,
    details: (row.details ?? {}) as Record<string, unknown>,
    occurredAt: iso(row.occurredAt),
  };
}

/**
 * Everything the regulator holding a case reads about it, for officer `userId`: its record, the
 * subjects it points at, the documents it issued with the party's answers, the clocks and what the
 * officer may do now.
 */
export async function toCaseDetail(db: Database, row: CaseRow, userId: string): Promise<CaseDetail> {
  const [events, ids, documents] = await Promise.all([
    listCaseEvents(db, row.id),
    caseSubjectIds(db, row.id),
    listDocumentsOfCase(db, row.id),
  ]);
  const subjects = await loadCaseSubjects(db, ids);
  return {
    ...toCaseSummary(row),
    openedBy: { id: row.openedBy, name: row.openedByName },
    decidedAt: isoOrNull(row.decidedAt),
    deliveredAt: isoOrNull(row.deliveredAt),
    publishedAt: isoOrNull(row.publishedAt),
    closedAt: isoOrNull(row.closedAt),
    actions: availableCaseActions(
      { step: row.step as CaseStep, filingRequestedBy: row.filingRequestedBy },
      userId,
    ),
    subjects,
    events: events.map(toCaseEvent),
    documents: await toCaseDocuments(db, documents, { partyAnswers: false }),
  };
}
