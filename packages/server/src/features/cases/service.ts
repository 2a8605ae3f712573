import {
  beijingDate,
  type CaseAction,
  type CaseDocumentKind,
  type CaseStep,
  type CaseStepAction,
  type CaseStepBody,
  checkCaseAction,
  documentNumber,
  dropKind,
  type IssueNoticeBody,
  officerMayReview,
  type ResponseReview,
  type ReviewResponseBody,
} from '@jadelive/shared';
import type { Updateable } from 'kysely';
import type { Cases } from '../../db/schema.generated';
import type { AppDeps } from '../../deps';
import { ApiError, because, conflict, notFound, unprocessable } from '../../http/errors';
import { type AuditAction, recordAudit } from '../audit/repository';
import { findDocumentOfCase, lockResponses, reviewResponse } from '../notices/repository';
import { type Acting, type DocumentContent, issueDocument } from '../notices/service';
import { insertNotifications } from '../notifications/repository';
import {
  findRegulator,
  insertCaseEvent,
  lockCaseForRegulator,
  nextDocumentSequence,
  type Tx,
  updateCase,
} from './repository';

type Deps = Pick<AppDeps, 'db'>;
type LockedCase = NonNullable<Awaited<ReturnType<typeof lockCaseForRegulator>>>;

/** Appends to the audit trail what an officer did to a case, in the step's transaction. */
export function auditCase(
  trx: Tx,
  officer: Acting,
  action: AuditAction,
  caseId: string,
  details: Record<string, unknown>,
) {
  return recordAudit(trx, {
    actorUserId: officer.userId,
    organizationId: officer.orgId,
    action,
    targetType: 'case',
    targetId: caseId,
    details,
    requestId: officer.requestId,
    ip: officer.ip,
  });
}

/** The case, locked, if it is this regulator's, and the step `action` leads to; refusals worded. */
export async function lockForAction(trx: Tx, officer: Acting, caseId: string, action: CaseAction) {
  const row = await lockCaseForRegulator(trx, officer.orgId, caseId);
  if (!row) throw notFound('case');
  const check = checkCaseAction(
    { step: row.step as CaseStep, filingRequestedBy: row.filingRequestedBy },
    action,
    officer.userId,
  );
  if (!check.ok && check.refusal === 'second_officer') {
    throw new ApiError(
      'FORBIDDEN',
      'filing is approved or refused by an officer other than the one who asked for it',
      because('second_officer_required'),
    );
  }
  if (!check.ok) {
    throw conflict(
      `a case at ${row.step} cannot ${action}`,
      because('case_step', { step: row.step, action }),
    );
  }
  return { row, to: check.to };
}

async function regulatorName(trx: Tx, orgId: string) {
  const regulator = await findRegulator(trx, orgId);
  if (!regulator) throw new Error(`regulator ${orgId} not found`);
  return regulator.name;
}

const beijingYear = () => Number(beijingDate(new Date()).slice(0, 4));

/** What a step writes on the case row besides its step, and the document it issues (告知, 决定). */
async function applyStep(trx: Tx, officer: Acting, row: LockedCase, body: CaseStepBody) {
  const now = new Date();
  const set: Updateable<Cases> = {};
  let document: DocumentContent | null = null;
  switch (body.action) {
    case 'request_filing':
      Object.assign(set, { filingRequestedBy: officer.userId, filingRequestedAt: now });
      break;
    case 'approve_filing': {
      const year = beijingYear();
      const sequence = await nextDocumentSequence(trx, officer.orgId, 'case', year);
      const number = documentNumber(await regulatorName(trx, officer.orgId), 'case', year, sequence);
      Object.assign(set, { filedAt: now, number, filingRequestedBy: null });
      break;
    }
    case 'refuse_filing':
      Object.assign(set, { filingRequestedBy: null, filingRequestedAt: null });
      break;
    case 'notify':
      document = {
        kind: 'penalty_notice',
        facts: body.facts,
        legalBasis: body.legalBasis,
        penalty: body.penalty,
      };
      break;
    case 'decide':
      Object.assign(set, { decidedAt: now });
      document = {
        kind: 'decision',
        facts: body.facts,
        legalBasis: body.legalBasis,
        penalty: body.penalty,
        fineFen: body.fineFen ?? null,
      };
      break;
    case 'deliver':
      Object.assign(set, { deliveredAt: now });
      break;
    case 'publish':
      Object.assign(set, { publishedAt: now });
      break;
    case 'close':
      Object.assign(set, { closedAt: now, closureKind: 'closed', closureReason: body.reason });
      break;
    case 'drop':
      Object.assign(set, { closedAt: now, closureKind: dropKind(row.filedAt), closureReason: body.reason });
      break;
  }
  const issued = document
    ? await issueDocument(
        trx,
        officer,
        {
          caseId: row.id,
          sellerOrgId: row.sellerOrgId,
          regulatorName: await regulatorName(trx, officer.orgId),
          year: beijingYear(),
        },
        document,
      )
    : null;
  return { set, issued };
}

/**
 * One step of a case (see `checkCaseAction`): the case row, its record and the audit log change
 * together, with the officer's reason. 立案 takes a second officer; 告知 and 处罚决定 issue their
 * document to the party.
 */
export async function takeCaseStep(deps: Deps, officer: Acting, caseId: string, body: CaseStepBody) {
  await deps.db.transaction().execute(async (trx) => {
    const { row, to } = await lockForAction(trx, officer, caseId, body.action);
    const { set, issued } = await applyStep(trx, officer, row, body);
    await updateCase(trx, caseId, { ...set, step: to });
    const details: Record<string, unknown> = issued ? { documentId: issued.id, number: issued.number } : {};
    if (body.action === 'approve_filing') {
      Object.assign(details, { number: set.number, requestedBy: row.filingRequestedBy });
    }
    if (body.action === 'publish' && body.url) details.url = body.url;
    if (body.action === 'decide' && body.fineFen !== undefined) details.fineFen = body.fineFen;
    if (body.action === 'drop') details.closure = set.closureKind;
    await insertCaseEvent(trx, {
      caseId,
      kind: body.action satisfies CaseStepAction,
      fromStep: row.step as CaseStep,
      toStep: to,
      actorUserId: officer.userId,
      actorOrgId: officer.orgId,
      reason: body.reason,
      details,
    });
    await auditCase(trx, officer, `case.${body.action}`, caseId, { from: row.step, to, ...details });
  });
}

/** 责令改正通知书: issued from a case under investigation (or with notices out), due after today. */
export async function issueRectificationNotice(
  deps: Deps,
  officer: Acting,
  caseId: string,
  body: IssueNoticeBody,
) {
  return deps.db.transaction().execute(async (trx) => {
    const { row, to } = await lockForAction(trx, officer, caseId, 'issue_notice');
    const today = beijingDate(new Date());
    if (body.dueOn <= today) {
      throw unprocessable(
        'the deadline must be a day after today (Beijing time)',
        because('due_date_not_future', { today }),
      );
    }
    const issued = await issueDocument(
      trx,
      officer,
      {
        caseId,
        sellerOrgId: row.sellerOrgId,
        regulatorName: await regulatorName(trx, officer.orgId),
        year: beijingYear(),
      },
      {
        kind: 'rectification',
        facts: body.facts,
        legalBasis: body.legalBasis,
        items: body.items,
        dueOn: body.dueOn,
      },
    );
    await updateCase(trx, caseId, { step: to });
    const details = { documentId: issued.id, number: issued.number, dueOn: body.dueOn };
    await insertCaseEvent(trx, {
      caseId,
      kind: 'issue_notice',
      fromStep: row.step as CaseStep,
      toStep: to,
      actorUserId: officer.userId,
      actorOrgId: officer.orgId,
      reason: body.reason,
      details,
    });
    await auditCase(trx, officer, 'case.issue_notice', caseId, details);
    return issued;
  });
}

/** An officer accepts a party's correction or rejects it (the party may then answer again). */
export async function reviewDocumentResponse(
  deps: Deps,
  officer: Acting,
  ids: { caseId: string; documentId: string; responseId: string },
  body: ReviewResponseBody,
) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockCaseForRegulator(trx, officer.orgId, ids.caseId);
    if (!row) throw notFound('case');
    const document = await findDocumentOfCase(trx, ids.caseId, ids.documentId);
    if (!document) throw notFound('document');
    const response = (await lockResponses(trx, ids.documentId)).find(
      (answer) => answer.id === ids.responseId,
    );
    if (!response) throw notFound('response');
    if (!officerMayReview(document.kind as CaseDocumentKind, response)) {
      throw conflict('this answer was reviewed already or takes no review', because('response_reviewed'));
    }
    const review: ResponseReview = body.accept ? 'accepted' : 'rejected';
    await reviewResponse(trx, ids.responseId, {
      review,
      reviewReason: body.reason,
      reviewedBy: officer.userId,
    });
    const details = { documentId: ids.documentId, responseId: ids.responseId, number: document.number };
    await insertCaseEvent(trx, {
      caseId: ids.caseId,
      kind: body.accept ? 'response_accepted' : 'response_rejected',
      actorUserId: officer.userId,
      actorOrgId: officer.orgId,
      reason: body.reason,
      details,
    });
    await auditCase(trx, officer, `case.response_${review}`, ids.caseId, details);
    await insertNotifications(trx, [
      {
        orgId: row.sellerOrgId,
        kind: 'case_document_review',
        message: `${document.number}：整改回复${body.accept ? '已通过' : '未通过'}`,
        subjectType: 'case_document',
        subjectId: ids.documentId,
        details: { number: document.number, status: review, note: body.reason },
      },
    ]);
  });
}
