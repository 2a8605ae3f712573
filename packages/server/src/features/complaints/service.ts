import {
  type AcceptComplaintBody,
  type AnswerComplaintBody,
  addCalendarDays,
  addWorkingDays,
  COMPLAINT_ANSWER_DAYS,
  COMPLAINT_DECISION_WORKING_DAYS,
  type ComplaintStatus,
  ESCALATABLE_COMPLAINT_STATUSES,
  type EscalateComplaintBody,
  type FileComplaintBody,
  type RejectComplaintBody,
} from '@jadelive/shared';
import type { Database } from '../../db/database';
import { because, conflict, isUniqueViolation, notFound } from '../../http/errors';
import { type AuditAction, recordAudit } from '../audit/repository';
import { requireImagesOf } from '../images/repository';
import { insertBuyerNotification } from '../notifications/buyer-repository';
import { insertNotifications } from '../notifications/repository';
import { findOrganization } from '../organization/repository';
import {
  type ComplaintScope,
  findComplaintSubject,
  findOpenComplaint,
  findRegulatorFor,
  insertComplaint,
  type LockedComplaint,
  lockComplaint,
  type Tx,
  updateComplaint,
} from './repository';

const OPEN_STATUSES: readonly ComplaintStatus[] = ['awaiting_seller', 'answered', 'escalated'];

function requireStatus(complaint: LockedComplaint, allowed: readonly ComplaintStatus[]) {
  if (!allowed.includes(complaint.status as ComplaintStatus)) {
    throw conflict(
      `the complaint is ${complaint.status}`,
      because('complaint_status', { status: complaint.status }),
    );
  }
}

/** One audit entry per state change, in the change's transaction; the request fills in who and where. */
async function audit(
  trx: Tx,
  action: AuditAction,
  complaint: Pick<LockedComplaint, 'id' | 'sellerOrgId' | 'regulatorOrgId'>,
  actorUserId: string | null,
  details: Record<string, unknown>,
) {
  await recordAudit(trx, {
    action,
    actorUserId,
    targetType: 'complaint',
    targetId: complaint.id,
    details: { sellerOrgId: complaint.sellerOrgId, regulatorOrgId: complaint.regulatorOrgId, ...details },
  });
}

async function locked(trx: Tx, scope: ComplaintScope, id: string) {
  const complaint = await lockComplaint(trx, scope, id);
  if (!complaint) throw notFound('complaint');
  return complaint;
}

/** 投诉: the buyer names the subject, the category, what happened and photos; the seller is told. */
export async function fileComplaint(
  db: Database,
  buyerUserId: string,
  body: FileComplaintBody,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const subject = await findComplaintSubject(trx, buyerUserId, body.subject);
    if (!subject) throw notFound(body.subject.kind.replace('_', ' '));
    await requireImagesOf(trx, { userId: buyerUserId }, body.photoIds, 'photoIds');
    const open = await findOpenComplaint(trx, buyerUserId, body.subject, OPEN_STATUSES);
    if (open) {
      throw conflict(
        'you have an open complaint about this already',
        because('complaint_open', { complaintId: open.id }),
      );
    }
    const filedAt = new Date();
    const answerBy = addCalendarDays(filedAt, COMPLAINT_ANSWER_DAYS);
    const { id } = await insertComplaint(trx, {
      buyerUserId,
      sellerOrgId: subject.sellerOrgId,
      subjectKind: body.subject.kind,
      subjectTitle: subject.title,
      orderId: subject.orderId,
      listingId: subject.listingId,
      sessionId: subject.sessionId,
      category: body.category,
      description: body.description,
      photoIds: body.photoIds,
      status: 'awaiting_seller',
      filedAt,
      answerBy,
    }).catch((error: unknown) => {
      throw isUniqueViolation(error, 'complaints_one_open_idx')
        ? conflict(
            'you have an open complaint about this already',
            because('complaint_open', { complaintId: null }),
          )
        : error;
    });
    await audit(
      trx,
      'complaint.filed',
      { id, sellerOrgId: subject.sellerOrgId, regulatorOrgId: null },
      buyerUserId,
      {
        subjectKind: body.subject.kind,
        subjectId: body.subject.id,
        category: body.category,
        answerBy: answerBy.toISOString(),
      },
    );
    await insertNotifications(trx, [
      {
        orgId: subject.sellerOrgId,
        kind: 'complaint_filed',
        message: `买家就「${subject.title}」提出投诉，请在 ${COMPLAINT_ANSWER_DAYS} 日内答复。`,
        subjectType: 'complaint',
        subjectId: id,
        details: { title: subject.title, category: body.category, answerBy: answerBy.toISOString() },
      },
    ]);
    return id;
  });
}

/** The seller's answer, while the complaint waits for it (also after its deadline, if not escalated). */
export async function answerComplaint(
  db: Database,
  sellerOrgId: string,
  userId: string | null,
  id: string,
  body: AnswerComplaintBody,
) {
  await db.transaction().execute(async (trx) => {
    const complaint = await locked(trx, { sellerOrgId }, id);
    requireStatus(complaint, ['awaiting_seller']);
    const answeredAt = new Date();
    await updateComplaint(trx, id, {
      status: 'answered',
      answer: body.answer,
      answeredAt,
      answeredBy: userId,
    });
    await audit(trx, 'complaint.answered', complaint, userId, {
      from: complaint.status,
      to: 'answered',
      late: answeredAt.getTime() > complaint.answerBy.getTime(),
    });
    await insertBuyerNotification(trx, {
      userId: complaint.buyerUserId,
      kind: 'complaint_answered',
      subjectType: 'complaint',
      subjectId: id,
      details: {
        complaintId: id,
        title: complaint.subjectTitle,
        shopName: await organizationName(trx, sellerOrgId),
      },
    });
  });
}

/** The buyer accepts the seller's answer: the complaint is settled. */
export async function settleComplaint(db: Database, buyerUserId: string, id: string) {
  await db.transaction().execute(async (trx) => {
    const complaint = await locked(trx, { buyerUserId }, id);
    requireStatus(complaint, ['answered']);
    await updateComplaint(trx, id, { status: 'settled', settledAt: new Date() });
    await audit(trx, 'complaint.settled', complaint, buyerUserId, { from: complaint.status, to: 'settled' });
    await insertNotifications(trx, [
      {
        orgId: complaint.sellerOrgId,
        kind: 'complaint_settled',
        message: `买家接受了你对「${complaint.subjectTitle}」投诉的答复，投诉已和解。`,
        subjectType: 'complaint',
        subjectId: id,
        details: { title: complaint.subjectTitle },
      },
    ]);
  });
}

/**
 * A complaint not settled goes to the market regulator of the seller's district (a city-wide one when
 * the district has none): after the seller answered, or once the seller's time to answer has passed.
 * The regulator then has 7 working days from receipt to accept or reject it. `now` is the receipt
 * (a parameter so the Beijing working-day deadline can be checked against known dates).
 */
export async function escalateComplaint(
  db: Database,
  buyerUserId: string,
  id: string,
  body: EscalateComplaintBody,
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    const complaint = await locked(trx, { buyerUserId }, id);
    requireStatus(complaint, ESCALATABLE_COMPLAINT_STATUSES);
    if (complaint.status === 'awaiting_seller' && now.getTime() <= complaint.answerBy.getTime()) {
      throw conflict(
        'the seller still has time to answer',
        because('complaint_seller_has_time', { answerBy: complaint.answerBy.toISOString() }),
      );
    }
    const { sellerDistrict, regulator } = await findRegulatorFor(trx, complaint.sellerOrgId);
    if (!regulator) {
      throw conflict(
        sellerDistrict
          ? `no market regulator serves ${sellerDistrict} or the whole city on this platform`
          : 'no city-wide market regulator is on this platform',
        because('no_regulator', { district: sellerDistrict }),
      );
    }
    const decideBy = addWorkingDays(now, COMPLAINT_DECISION_WORKING_DAYS);
    await updateComplaint(trx, id, {
      status: 'escalated',
      escalatedAt: now,
      escalationNote: body.note,
      regulatorOrgId: regulator.id,
      decideBy,
    });
    await audit(trx, 'complaint.escalated', { ...complaint, regulatorOrgId: regulator.id }, buyerUserId, {
      from: complaint.status,
      to: 'escalated',
      regulatorName: regulator.name,
      decideBy: decideBy.toISOString(),
    });
    await insertNotifications(trx, [
      {
        orgId: complaint.sellerOrgId,
        kind: 'complaint_escalated',
        message: `买家已将「${complaint.subjectTitle}」的投诉提交${regulator.name}。`,
        subjectType: 'complaint',
        subjectId: id,
        details: { title: complaint.subjectTitle, regulatorName: regulator.name },
      },
    ]);
  });
}

/** 受理 or 不予受理 by the regulator the complaint was escalated to; both parties are told. */
export async function decideComplaint(
  db: Database,
  regulatorOrgId: string,
  userId: string | null,
  id: string,
  decision: ({ outcome: 'accepted' } & AcceptComplaintBody) | ({ outcome: 'rejected' } & RejectComplaintBody),
  decidedAt = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    const complaint = await locked(trx, { regulatorOrgId }, id);
    requireStatus(complaint, ['escalated']);
    const reason = decision.outcome === 'accepted' ? decision.note : decision.reason;
    await updateComplaint(trx, id, {
      status: decision.outcome,
      decidedAt,
      decidedBy: userId,
      decisionReason: reason,
    });
    const late = complaint.decideBy !== null && decidedAt.getTime() > complaint.decideBy.getTime();
    await audit(
      trx,
      decision.outcome === 'accepted' ? 'complaint.accepted' : 'complaint.rejected',
      complaint,
      userId,
      { from: complaint.status, to: decision.outcome, reason, late },
    );
    const regulatorName = await organizationName(trx, regulatorOrgId);
    await insertBuyerNotification(trx, {
      userId: complaint.buyerUserId,
      kind: 'complaint_decided',
      subjectType: 'complaint',
      subjectId: id,
      details: {
        complaintId: id,
        title: complaint.subjectTitle,
        outcome: decision.outcome,
        regulatorName,
        reason,
      },
    });
    await insertNotifications(trx, [
      {
        orgId: complaint.sellerOrgId,
        kind: `complaint_${decision.outcome}`,
        message: `${regulatorName}对「${complaint.subjectTitle}」的投诉${decision.outcome === 'accepted' ? '予以受理' : '不予受理'}。`,
        subjectType: 'complaint',
        subjectId: id,
        details: { title: complaint.subjectTitle, outcome: decision.outcome, regulatorName },
      },
    ]);
  });
}

async function organizationName(trx: Tx, orgId: string) {
  const org = await findOrganization(trx, orgId);
  if (!org) throw new Error(`organization ${orgId} not found`);
  return org.name;
}
