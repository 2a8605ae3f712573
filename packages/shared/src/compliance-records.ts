import { z } from 'zod';
import { COMPLIANCE_CATEGORIES, localizedTextSchema, severitySchema } from './compliance/index';

export const claimSourceSchema = z.enum(['listing', 'caption', 'talking_point', 'chat', 'inspection']);

/** A flag as stored: the claim, where and when it was made, and the facts it was checked against. */
export const storedFlagSchema = z.object({
  id: z.uuid(),
  source: claimSourceSchema,
  seller: z.object({ id: z.uuid(), name: z.string(), district: z.string().nullable() }),
  sessionId: z.uuid().nullable(),
  listingId: z.uuid().nullable(),
  speaker: z.string().nullable(),
  text: z.string(),
  category: z.enum(COMPLIANCE_CATEGORIES),
  ruleId: z.string(),
  severity: severitySchema,
  start: z.number().int(),
  end: z.number().int(),
  basis: z.string(),
  message: localizedTextSchema,
  suggestion: localizedTextSchema,
  facts: z.unknown(),
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
