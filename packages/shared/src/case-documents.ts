import { z } from 'zod';
import { CASE_DOCUMENT_STATUSES, caseDocumentKindSchema, RESPONSE_REVIEWS } from './case-steps';
import { boundedText as text } from './text';

const isoDateTime = z.iso.datetime({ offset: true });
const named = z.object({ id: z.uuid(), name: z.string() });

/**
 * 责令改正通知书: what was found, the law broken and applied, what to correct and by when (a
 * Beijing calendar day after today).
 */
export const issueNoticeBodySchema = z.strictObject({
  facts: text(2, 2000),
  items: z.array(text(2, 500)).min(1).max(10),
  legalBasis: z.array(text(2, 120)).min(1).max(8),
  dueOn: z.iso.date(),
  reason: text(2, 1000),
});
export type IssueNoticeBody = z.infer<typeof issueNoticeBodySchema>;

/**
 * The party's answer: to a rectification notice what was corrected (a statement, the changed
 * listing, photos from `POST /api/images`); to a 告知 its 陈述、申辩 and whether it asks for a hearing.
 */
export const documentResponseBodySchema = z.strictObject({
  statement: text(2, 2000),
  listingId: z.uuid().optional(),
  imageIds: z.array(z.uuid()).max(9).default([]),
  hearingRequested: z.boolean().default(false),
});
export type DocumentResponseBody = z.infer<typeof documentResponseBodySchema>;

/** The officer accepts the correction, or rejects it with what is still wrong (the party may answer again). */
export const reviewResponseBodySchema = z.strictObject({
  accept: z.boolean(),
  reason: text(2, 1000),
});
export type ReviewResponseBody = z.infer<typeof reviewResponseBodySchema>;

export const documentResponseSchema = z.object({
  id: z.uuid(),
  statement: z.string(),
  listing: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  imageIds: z.array(z.uuid()),
  hearingRequested: z.boolean(),
  respondedAt: isoDateTime,
  respondedBy: z.string(),
  review: z.enum(RESPONSE_REVIEWS).nullable(),
  /** The officer's words to the party on accepting or rejecting. */
  reviewReason: z.string().nullable(),
  reviewedAt: isoDateTime.nullable(),
});
export type DocumentResponse = z.infer<typeof documentResponseSchema>;

/** A document a case addressed to the party, as the party, its base operator and the officers read it. */
export const caseDocumentSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: caseDocumentKindSchema,
  /** 文书编号, e.g. 渝中市监责改〔2026〕3号. */
  number: z.string(),
  issuer: named,
  party: named,
  facts: z.string(),
  legalBasis: z.array(z.string()),
  items: z.array(z.string()),
  penalty: z.string().nullable(),
  fineFen: z.number().int().nullable(),
  dueOn: z.iso.date().nullable(),
  issuedAt: isoDateTime,
  issuedBy: z.string(),
  /** The read receipt: the first member of the party who opened it. */
  firstRead: z.object({ at: isoDateTime, by: z.string() }).nullable(),
  status: z.enum(CASE_DOCUMENT_STATUSES),
  responses: z.array(documentResponseSchema),
  /** Whether the party may answer now (see `partyMayRespond`). */
  mayRespond: z.boolean(),
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

/** The series letters of each document's number (渝中市监责改〔2026〕1号). */
const DOCUMENT_SERIES = {
  case: '立',
  rectification: '责改',
  penalty_notice: '罚告',
  decision: '处罚',
} as const;

/**
 * The short name of a regulator in its documents' numbers: 重庆市渝中区市场监督管理局 → 渝中,
 * 大足区市场监督管理局 → 大足; a name of another shape is used as it is.
 */
export function regulatorShortName(name: string): string {
  const match = /^(?:重庆市)?(.+?)[区县市]?市场监督管理局$/u.exec(name.trim());
  return match?.[1] ?? name.trim();
}

/** 文书编号 of the `sequence`th document of a series in a year: 渝中市监责改〔2026〕3号. */
export function documentNumber(
  regulatorName: string,
  series: keyof typeof DOCUMENT_SERIES,
  year: number,
  sequence: number,
): string {
  return `${regulatorShortName(regulatorName)}市监${DOCUMENT_SERIES[series]}〔${year}〕${sequence}号`;
}
