import { z } from 'zod';
import { boundedText as text } from './text';

const isoDateTime = z.iso.datetime({ offset: true });

/**
 * 投诉: a buyer's complaint about an order, a listing or a live session. The seller answers; the
 * buyer accepts the answer (settled) or takes a complaint not settled to the market regulator of the
 * seller's district, where it is a lead the regulator accepts (受理) or rejects (不予受理).
 */
export const COMPLAINT_SUBJECT_KINDS = ['order', 'listing', 'live_session'] as const;
export const complaintSubjectKindSchema = z.enum(COMPLAINT_SUBJECT_KINDS);
export type ComplaintSubjectKind = z.infer<typeof complaintSubjectKindSchema>;

/** 虚假宣传 · 证书不符 · 货不对板 · 价格欺诈 · 直播间违规 · 其他. */
export const COMPLAINT_CATEGORIES = [
  'false_advertising',
  'certificate_mismatch',
  'not_as_described',
  'price_fraud',
  'live_room_violation',
  'other',
] as const;
export const complaintCategorySchema = z.enum(COMPLAINT_CATEGORIES);
export type ComplaintCategory = z.infer<typeof complaintCategorySchema>;

/**
 * awaiting_seller → answered → settled (the buyer accepts the answer), or awaiting_seller / answered
 * → escalated (to the regulator) → accepted (受理) | rejected (不予受理).
 */
export const COMPLAINT_STATUSES = [
  'awaiting_seller',
  'answered',
  'settled',
  'escalated',
  'accepted',
  'rejected',
] as const;
export const complaintStatusSchema = z.enum(COMPLAINT_STATUSES);
export type ComplaintStatus = z.infer<typeof complaintStatusSchema>;

/** Statuses a buyer may still take to the regulator. */
export const ESCALATABLE_COMPLAINT_STATUSES = ['awaiting_seller', 'answered'] as const;

/**
 * Calendar days the seller has to answer. Our own rule, not a statute: a buyer who hears nothing in
 * that time may take the complaint to the regulator.
 */
export const COMPLAINT_ANSWER_DAYS = 7;
/** 投诉举报处理暂行办法 第14条: accept or reject within 7 working days of receiving the complaint. */
export const COMPLAINT_DECISION_WORKING_DAYS = 7;

const photoIds = z.array(z.uuid()).max(9).default([]);

/** What the complaint is about: the buyer's own order, a listing, or a live session. */
export const complaintSubjectRefSchema = z.strictObject({
  kind: complaintSubjectKindSchema,
  id: z.uuid(),
});
export type ComplaintSubjectRef = z.infer<typeof complaintSubjectRefSchema>;

/** 投诉: category, what happened, photos from `POST /api/images/buyer`. */
export const fileComplaintBodySchema = z.strictObject({
  subject: complaintSubjectRefSchema,
  category: complaintCategorySchema,
  description: text(10, 2000),
  photoIds,
});
export type FileComplaintBody = z.infer<typeof fileComplaintBodySchema>;

/** The seller's answer, which the buyer (and, if escalated, the regulator) reads. */
export const answerComplaintBodySchema = z.strictObject({ answer: text(5, 2000) });
export type AnswerComplaintBody = z.infer<typeof answerComplaintBodySchema>;

/** Why the buyer takes the complaint further; optional. */
export const escalateComplaintBodySchema = z.strictObject({ note: text(0, 1000).default('') });
export type EscalateComplaintBody = z.infer<typeof escalateComplaintBodySchema>;

/** 受理, with an optional note for the file. */
export const acceptComplaintBodySchema = z.strictObject({ note: text(0, 1000).default('') });
export type AcceptComplaintBody = z.infer<typeof acceptComplaintBodySchema>;

/** 不予受理 needs the reason the buyer is told. */
export const rejectComplaintBodySchema = z.strictObject({ reason: text(5, 1000) });
export type RejectComplaintBody = z.infer<typeof rejectComplaintBodySchema>;

export const complaintsQuerySchema = z.strictObject({
  status: complaintStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Older than this filing (or, for leads, escalation) time: the next page. */
  before: isoDateTime.optional(),
});
export type ComplaintsQuery = z.infer<typeof complaintsQuerySchema>;

/** A deadline with what is left of it, counted in its own unit at the time of the answer. */
export const complaintDeadlineSchema = z.object({
  dueAt: isoDateTime,
  /** Days left (calendar or working, as the rule counts); 0 on the last day, negative once passed. */
  daysLeft: z.number().int(),
  unit: z.enum(['calendar_days', 'working_days']),
  overdue: z.boolean(),
});
export type ComplaintDeadline = z.infer<typeof complaintDeadlineSchema>;

/** A complaint as each party reads it (buyer, seller, and the regulator once escalated). */
export const complaintSchema = z.object({
  id: z.uuid(),
  status: complaintStatusSchema,
  category: complaintCategorySchema,
  description: z.string(),
  photoIds: z.array(z.uuid()),
  subject: z.object({
    kind: complaintSubjectKindSchema,
    id: z.uuid(),
    /** The listing's or session's title when the complaint was filed. */
    title: z.string(),
  }),
  /** The order, listing and live session concerned, as far as known (an order's listing and session). */
  orderId: z.uuid().nullable(),
  listingId: z.uuid().nullable(),
  sessionId: z.uuid().nullable(),
  buyer: z.object({ id: z.uuid(), name: z.string() }),
  seller: z.object({ id: z.uuid(), name: z.string(), district: z.string().nullable() }),
  filedAt: isoDateTime,
  /** The seller's deadline to answer; null once answered or the complaint moved on. */
  answerDeadline: complaintDeadlineSchema.nullable(),
  answer: z.object({ text: z.string(), answeredAt: isoDateTime }).nullable(),
  settledAt: isoDateTime.nullable(),
  escalation: z
    .object({
      escalatedAt: isoDateTime,
      note: z.string(),
      regulator: z.object({ id: z.uuid(), name: z.string(), district: z.string().nullable() }),
      /** 7 working days from receipt to accept or reject; null once decided. */
      decisionDeadline: complaintDeadlineSchema.nullable(),
      decideBy: isoDateTime,
    })
    .nullable(),
  decision: z
    .object({
      outcome: z.enum(['accepted', 'rejected']),
      /** The note of an acceptance, the reason of a rejection. */
      reason: z.string(),
      decidedAt: isoDateTime,
      /** Decided after the 7 working days. */
      late: z.boolean(),
    })
    .nullable(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const complaintListSchema = z.object({ complaints: z.array(complaintSchema) });
export type ComplaintList = z.infer<typeof complaintListSchema>;
