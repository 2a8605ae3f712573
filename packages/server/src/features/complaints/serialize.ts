import { type Complaint, type ComplaintDeadline, calendarDaysLeft, workingDaysLeft } from '@jadelive/shared';
import { iso, isoOrNull } from '../../lib/serialize';
import type { ComplaintRow } from './repository';

function deadline(dueAt: Date, now: Date, unit: ComplaintDeadline['unit']): ComplaintDeadline {
  return {
    dueAt: iso(dueAt),
    daysLeft: unit === 'working_days' ? workingDaysLeft(now, dueAt) : calendarDaysLeft(now, dueAt),
    unit,
    overdue: now.getTime() > dueAt.getTime(),
  };
}

/** A complaint as its parties read it, with what is left of each running deadline at `now`. */
export function toComplaint(row: ComplaintRow, now = new Date()): Complaint {
  const status = row.status as Complaint['status'];
  const escalation =
    row.escalatedAt && row.regulatorOrgId && row.decideBy
      ? {
          escalatedAt: iso(row.escalatedAt),
          note: row.escalationNote ?? '',
          regulator: {
            id: row.regulatorOrgId,
            name: row.regulatorName ?? '',
            district: row.regulatorDistrict ?? null,
          },
          decisionDeadline: status === 'escalated' ? deadline(row.decideBy, now, 'working_days') : null,
          decideBy: iso(row.decideBy),
        }
      : null;
  return {
    id: row.id,
    status,
    category: row.category as Complaint['category'],
    description: row.description,
    photoIds: row.photoIds,
    subject: {
      kind: row.subjectKind as Complaint['subject']['kind'],
      id: (row.subjectKind === 'order'
        ? row.orderId
        : row.subjectKind === 'listing'
          ? row.listingId
          : row.sessionId) as string,
      title: row.subjectTitle,
    },
    orderId: row.orderId,
    listingId: row.listingId,
    sessionId: row.sessionId,
    buyer: { id: row.buyerUserId, name: row.buyerName ?? '' },
    seller: { id: row.sellerOrgId, name: row.sellerName, district: row.sellerDistrict },
    filedAt: iso(row.filedAt),
    answerDeadline: status === 'awaiting_seller' ? deadline(row.answerBy, now, 'calendar_days') : null,
    answer:
      row.answer !== null && row.answeredAt ? { text: row.answer, answeredAt: iso(row.answeredAt) } : null,
    settledAt: isoOrNull(row.settledAt),
    escalation,
    decision:
      (status === 'accepted' || status === 'rejected') && row.decidedAt && row.decideBy
        ? {
            outcome: status,
            reason: row.decisionReason ?? '',
            decidedAt: iso(row.decidedAt),
            late: row.decidedAt.getTime() > row.decideBy.getTime(),
          }
        : null,
  };
}
