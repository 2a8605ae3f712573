import { z } from 'zod';
import {
  COMPLIANCE_CATEGORIES,
  complianceContextSchema,
  localizedTextSchema,
  severitySchema,
} from './compliance/index';

export const claimSourceSchema = z.enum(['listing', 'caption', 'talking_point', 'chat', 'inspection']);

/**
 * Who said a flagged claim: the listing's own text (and what an inspection found against it), the
 * session's host or a co-host in chat, the caption/talking-point feed of the session, or a viewer.
 */
export const SPEAKER_KINDS = ['listing_text', 'host', 'co_host', 'caption_feed', 'viewer'] as const;
export const speakerKindSchema = z.enum(SPEAKER_KINDS);
export type SpeakerKind = z.infer<typeof speakerKindSchema>;

/**
 * Whether words of this kind are the seller's claims. A viewer's refused chat line is a moderation
 * event of that viewer: it is kept and shown, but never counted against the seller.
 */
export function speaksForSeller(kind: SpeakerKind): boolean {
  return kind !== 'viewer';
}

/** The speaker of a flag: its kind, the user who spoke (chat) and the name shown for them. */
export const flagSpeakerSchema = z.object({
  kind: speakerKindSchema,
  userId: z.uuid().nullable(),
  /** A chat user's display name at the time, or the label a caption feed sent (e.g. 主播). */
  name: z.string().nullable(),
});
export type FlagSpeaker = z.infer<typeof flagSpeakerSchema>;

const fen = z.number().int().nonnegative();
const contextCertificate = complianceContextSchema.shape.certificate.unwrap();
const contextListing = complianceContextSchema.shape.listing.unwrap();

/**
 * The facts a claim was checked against, as stored with the flag: what the engine read plus the
 * names a reader needs (the certificate's number and lab, the listing's title). The console words
 * them as sentences; every field is optional because each claim is checked against what was known.
 */
export const flagFactsSchema = z.object({
  certificate: contextCertificate
    .extend({ number: z.string().optional(), labName: z.string().optional() })
    .optional(),
  listing: contextListing.extend({ id: z.uuid().optional(), title: z.string().optional() }).optional(),
  /** What an on-site inspection found, for a flag raised by its result. */
  inspection: z
    .object({
      /** The order whose piece was inspected. */
      orderId: z.uuid().optional(),
      labName: z.string().nullable().optional(),
      identification: z.string(),
      weightMg: fen.nullable().optional(),
      note: z.string().optional(),
    })
    .optional(),
});
export type FlagFacts = z.infer<typeof flagFactsSchema>;

/** A flag as stored: the claim, where and when it was made, and the facts it was checked against. */
export const storedFlagSchema = z.object({
  id: z.uuid(),
  source: claimSourceSchema,
  seller: z.object({ id: z.uuid(), name: z.string(), district: z.string().nullable() }),
  sessionId: z.uuid().nullable(),
  listingId: z.uuid().nullable(),
  speaker: flagSpeakerSchema,
  text: z.string(),
  category: z.enum(COMPLIANCE_CATEGORIES),
  ruleId: z.string(),
  severity: severitySchema,
  start: z.number().int(),
  end: z.number().int(),
  basis: z.string(),
  message: localizedTextSchema,
  suggestion: localizedTextSchema,
  facts: flagFactsSchema,
  ruleSetVersion: z.string(),
  saidAt: z.iso.datetime({ offset: true }),
  createdAt: z.iso.datetime({ offset: true }),
  review: z
    .object({
      reviewedAt: z.iso.datetime({ offset: true }),
      reviewedBy: z.uuid().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
});
export type StoredFlag = z.infer<typeof storedFlagSchema>;

export const flagsQuerySchema = z.strictObject({
  category: z.enum(COMPLIANCE_CATEGORIES).optional(),
  severity: severitySchema.optional(),
  clusterId: z.uuid().optional(),
  baseId: z.uuid().optional(),
  sellerId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
  source: claimSourceSchema.optional(),
  speakerKind: speakerKindSchema.optional(),
  reviewed: z.enum(['true', 'false']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.iso.datetime({ offset: true }).optional(),
});
export type FlagsQuery = z.infer<typeof flagsQuerySchema>;

export const reviewFlagBodySchema = z.strictObject({ note: z.string().trim().min(1).max(1000) });

export const captionSegmentSchema = z.strictObject({
  text: z.string().trim().min(1).max(500),
  kind: z.enum(['caption', 'talking_point']).default('caption'),
  speaker: z.string().trim().max(40).optional(),
  saidAt: z.iso.datetime({ offset: true }).optional(),
  /** Which lineup listing the words are about; the pinned one when left out. */
  listingId: z.uuid().optional(),
});

export const ingestCaptionsBodySchema = z.strictObject({
  segments: z.array(captionSegmentSchema).min(1).max(20),
});

export const streamQuerySchema = z.strictObject({ sessionId: z.uuid().optional() });
