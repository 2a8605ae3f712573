import { z } from 'zod';
import { caseDocumentSchema } from './case-documents';
import { caseActionSchema, caseStepSchema } from './case-steps';
import { complaintCategorySchema, complaintStatusSchema } from './complaints';
import { COMPLIANCE_CATEGORIES, severitySchema } from './compliance/index';
import { claimSourceSchema } from './compliance-records';
import { boundedText as text } from './text';

export * from './case-clocks';
export * from './case-documents';
export * from './case-steps';

const isoDateTime = z.iso.datetime({ offset: true });
const ids = (max: number) => z.array(z.uuid()).max(max).default([]);
const why = text(2, 1000);
const named = z.object({ id: z.uuid(), name: z.string() });

/** Where a lead came from: a compliance flag, an escalated complaint, or the regulator's own observation. */
export const CASE_LEAD_KINDS = ['flag', 'complaint', 'observation'] as const;
export const caseLeadKindSchema = z.enum(CASE_LEAD_KINDS);
export type CaseLeadKind = z.infer<typeof caseLeadKindSchema>;

/** What a case can point at: its leads and the listings, live sessions and orders concerned. */
export const CASE_SUBJECT_KINDS = [...CASE_LEAD_KINDS, 'listing', 'session', 'order'] as const;
export const caseSubjectKindSchema = z.enum(CASE_SUBJECT_KINDS);
export type CaseSubjectKind = z.infer<typeof caseSubjectKindSchema>;

/** A web address the observation was made at (a live room, a shop page, another platform). */
const observedUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((value) => !value.includes('\u0000'));

/**
 * The regulator's own observation (巡查发现): a note, screenshots uploaded through `POST /api/images`,
 * and what it was seen in — a live session, a listing, a URL. The seller is taken from the session
 * or listing, or named.
 */
export const recordObservationBodySchema = z.strictObject({
  note: text(2, 1000),
  imageIds: ids(9),
  sessionId: z.uuid().optional(),
  listingId: z.uuid().optional(),
  sellerId: z.uuid().optional(),
  url: observedUrl.optional(),
});
export type RecordObservationBody = z.infer<typeof recordObservationBodySchema>;

/** 核查: a case opened from leads of one seller, with what it is about and why. */
export const openCaseBodySchema = z
  .strictObject({
    title: text(2, 120),
    reason: why,
    flagIds: ids(50),
    complaintIds: ids(50),
    observationIds: ids(50),
  })
  .refine((body) => body.flagIds.length + body.complaintIds.length + body.observationIds.length > 0, {
    message: 'name at least one lead (flagIds, complaintIds or observationIds)',
    path: ['flagIds'],
  });
export type OpenCaseBody = z.infer<typeof openCaseBodySchema>;

const legalBasis = z.array(text(2, 120)).min(1).max(8);

/**
 * One step of a case, with the officer's reason. 告知 and 处罚决定 also write the document the
 * party receives; a rectification notice is issued through its own route.
 */
export const caseStepBodySchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('request_filing'), reason: why }),
  z.strictObject({ action: z.literal('approve_filing'), reason: why }),
  z.strictObject({ action: z.literal('refuse_filing'), reason: why }),
  z.strictObject({ action: z.literal('investigate'), reason: why }),
  z.strictObject({
    action: z.literal('notify'),
    reason: why,
    facts: text(2, 2000),
    legalBasis,
    /** The intended penalty the party is told of (拟作出的行政处罚). */
    penalty: text(2, 1000),
  }),
  z.strictObject({
    action: z.literal('decide'),
    reason: why,
    facts: text(2, 2000),
    legalBasis,
    penalty: text(2, 1000),
    /** A fine in fen, when the decision imposes one. */
    fineFen: z.number().int().min(0).max(100_000_000_000).optional(),
  }),
  /** 送达: how the decision reached the party (e.g. 电子送达 via the console, 直接送达). */
  z.strictObject({ action: z.literal('deliver'), reason: why }),
  z.strictObject({ action: z.literal('publish'), reason: why, url: observedUrl.optional() }),
  z.strictObject({ action: z.literal('close'), reason: why }),
  /** 不予立案 before filing, 销案 after. */
  z.strictObject({ action: z.literal('drop'), reason: why }),
]);
export type CaseStepBody = z.infer<typeof caseStepBodySchema>;
export type CaseStepAction = CaseStepBody['action'];

/** 移送: to another district's regulator, which takes the case over. */
export const transferCaseBodySchema = z.strictObject({ toRegulatorId: z.uuid(), reason: why });
export type TransferCaseBody = z.infer<typeof transferCaseBodySchema>;

/** An internal note of the officers; never shown to the party. */
export const caseNoteBodySchema = z.strictObject({ text: text(2, 2000) });

/** Points the case at one more lead, listing, live session or order of the same seller. */
export const addCaseSubjectBodySchema = z.strictObject({ kind: caseSubjectKindSchema, id: z.uuid() });
export type AddCaseSubjectBody = z.infer<typeof addCaseSubjectBodySchema>;

export const caseLeadsQuerySchema = z.strictObject({
  kind: caseLeadKindSchema.optional(),
  /** Leads already in a case too (default: only the free ones). */
  includeLinked: z.enum(['true', 'false']).default('false'),
});

export const casesQuerySchema = z.strictObject({
  state: z.enum(['open', 'ended', 'all']).default('open'),
});

/** A lead in the regulator's inbox, whatever its source. */
export const caseLeadSchema = z.object({
  kind: caseLeadKindSchema,
  id: z.uuid(),
  seller: named.nullable(),
  text: z.string(),
  at: isoDateTime,
  sessionId: z.uuid().nullable(),
  listingId: z.uuid().nullable(),
  /** The open or ended case this lead is already part of. */
  caseId: z.uuid().nullable(),
  flag: z
    .object({
      category: z.enum(COMPLIANCE_CATEGORIES),
      severity: severitySchema,
      source: claimSourceSchema,
      ruleId: z.string(),
    })
    .nullable(),
  observation: z
    .object({ imageIds: z.array(z.uuid()), url: z.string().nullable(), recordedBy: z.string() })
    .nullable(),
  complaint: z.object({ category: complaintCategorySchema, status: complaintStatusSchema }).nullable(),
});
export type CaseLead = z.infer<typeof caseLeadSchema>;

/** A statutory clock of a case (see `caseClocks`). */
export const caseClockSchema = z.object({
  kind: z.enum(['decision', 'delivery', 'publication']),
  basis: z.string(),
  unit: z.enum(['calendar_days', 'working_days']),
  days: z.number().int(),
  startedOn: z.iso.date(),
  dueOn: z.iso.date(),
  /** Days left in the clock's unit (negative once overdue); null once stopped. */
  daysLeft: z.number().int().nullable(),
  state: z.enum(['running', 'warning', 'overdue', 'met', 'missed', 'stopped']),
});
export type CaseClock = z.infer<typeof caseClockSchema>;

export const caseClosureSchema = z.object({
  kind: z.enum(['closed', 'not_filed', 'withdrawn']),
  reason: z.string(),
});

export const caseSummarySchema = z.object({
  id: z.uuid(),
  /** 立案号, given when filing is approved. */
  number: z.string().nullable(),
  title: z.string(),
  step: caseStepSchema,
  seller: named.extend({ district: z.string().nullable() }),
  regulator: named,
  openedAt: isoDateTime,
  updatedAt: isoDateTime,
  filedAt: isoDateTime.nullable(),
  filingRequest: z.object({ by: named, at: isoDateTime }).nullable(),
  closure: caseClosureSchema.nullable(),
  clocks: z.array(caseClockSchema),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const CASE_EVENT_KINDS = [
  'opened',
  ...caseActionSchema.options,
  'note',
  'subject_added',
  'document_read',
  'response_submitted',
  'response_accepted',
  'response_rejected',
  'evidence_packaged',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** One line of the case's record: who did what, when and why. */
export const caseEventSchema = z.object({
  id: z.number().int(),
  kind: z.enum(CASE_EVENT_KINDS),
  fromStep: caseStepSchema.nullable(),
  toStep: caseStepSchema.nullable(),
  actor: named.nullable(),
  organization: named,
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  occurredAt: isoDateTime,
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const caseSubjectsSchema = z.object({
  flags: z.array(
    z.object({
      id: z.uuid(),
      text: z.string(),
      category: z.enum(COMPLIANCE_CATEGORIES),
      severity: severitySchema,
      source: claimSourceSchema,
      saidAt: isoDateTime,
    }),
  ),
  observations: z.array(
    z.object({
      id: z.uuid(),
      note: z.string(),
      imageIds: z.array(z.uuid()),
      url: z.string().nullable(),
      sessionId: z.uuid().nullable(),
      listingId: z.uuid().nullable(),
      observedAt: isoDateTime,
      recordedBy: z.string(),
    }),
  ),
  complaints: z.array(
    z.object({ id: z.uuid(), category: complaintCategorySchema, text: z.string(), at: isoDateTime }),
  ),
  listings: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string() })),
  sessions: z.array(
    z.object({ id: z.uuid(), title: z.string(), status: z.string(), startedAt: isoDateTime.nullable() }),
  ),
  orders: z.array(
    z.object({ id: z.uuid(), status: z.string(), totalFen: z.number().int(), createdAt: isoDateTime }),
  ),
});
export type CaseSubjects = z.infer<typeof caseSubjectsSchema>;

/** Everything the officers of the regulator holding a case read about it. */
export const caseDetailSchema = caseSummarySchema.extend({
  openedBy: named,
  decidedAt: isoDateTime.nullable(),
  deliveredAt: isoDateTime.nullable(),
  publishedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  /** What the caller may do now (see `availableCaseActions`). */
  actions: z.array(caseActionSchema),
  subjects: caseSubjectsSchema,
  events: z.array(caseEventSchema),
  documents: z.array(caseDocumentSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;
