import { z } from 'zod';
import { boundedText as text } from './text';

// No imports from ./commerce: its order detail embeds the return, so this module loads first.
const isoDateTime = z.iso.datetime({ offset: true });

/** Hours a seller has to agree to or refuse a return; silence is agreement. */
export const RETURN_RESPONSE_HOURS = 48;
/** Days a buyer whose return was refused has to take it to arbitration before the sale stands. */
export const RETURN_ESCALATION_DAYS = 7;

const photoIds = z.array(z.uuid()).max(9).default([]);

/** 申请退货: the buyer's words and photos. */
export const returnRequestBodySchema = z.strictObject({ reason: text(1, 500), photoIds });
export type ReturnRequestBody = z.infer<typeof returnRequestBodySchema>;

/** The seller's refusal needs a reason the buyer (and an arbiter) reads. */
export const returnRefusalBodySchema = z.strictObject({ reason: text(2, 500) });

/** A refused buyer's case for the platform, or a seller's report of a piece that came back damaged. */
export const returnStatementBodySchema = z.strictObject({ statement: text(2, 1000), photoIds });
export type ReturnStatementBody = z.infer<typeof returnStatementBodySchema>;

/** The buyer's parcel back to the seller: carrier and tracking, as when the seller shipped. */
export const returnShipmentBodySchema = z.strictObject({
  trackingNumber: text(4, 40).regex(/^[A-Za-z0-9-]+$/, 'letters, digits and dashes only'),
  carrier: text(1, 40),
});

export const ARBITRATION_SIDES = ['buyer', 'seller'] as const;
export const arbitrationDecisionBodySchema = z.strictObject({
  decideFor: z.enum(ARBITRATION_SIDES),
  /** Why, in the arbiter's words; both sides read it. */
  reason: text(2, 1000),
});
export type ArbitrationDecisionBody = z.infer<typeof arbitrationDecisionBodySchema>;

/** What each side said and showed in a return, with its deadlines. */
export const orderReturnSchema = z.object({
  reason: z.string(),
  photoIds: z.array(z.uuid()),
  requestedAt: isoDateTime,
  /** Past this the system agrees for a seller who has not answered. */
  respondBy: isoDateTime,
  approvedAt: isoDateTime.nullable(),
  refusalReason: z.string().nullable(),
  refusedAt: isoDateTime.nullable(),
  /** Past this a refused return can no longer go to arbitration. */
  escalateBy: isoDateTime.nullable(),
  buyerStatement: z.string().nullable(),
  buyerStatementPhotoIds: z.array(z.uuid()),
  escalatedAt: isoDateTime.nullable(),
  returnCarrier: z.string().nullable(),
  returnTrackingNumber: z.string().nullable(),
  returnShippedAt: isoDateTime.nullable(),
  damageReport: z.string().nullable(),
  damagePhotoIds: z.array(z.uuid()),
  damageReportedAt: isoDateTime.nullable(),
  arbitration: z
    .object({
      decidedFor: z.enum(ARBITRATION_SIDES),
      reason: z.string(),
      decidedAt: isoDateTime,
    })
    .nullable(),
});
export type OrderReturn = z.infer<typeof orderReturnSchema>;

/** One return waiting for the platform: the order, both sides' words, and what was shown. */
export const arbitrationCaseSchema = z.object({
  orderId: z.uuid(),
  listingTitle: z.string(),
  totalFen: z.number().int(),
  buyerName: z.string(),
  sellerName: z.string(),
  /** Refused return (before the piece went back) or damage reported on receipt. */
  stage: z.enum(['refused', 'damage']),
  return: orderReturnSchema,
});
export type ArbitrationCase = z.infer<typeof arbitrationCaseSchema>;
