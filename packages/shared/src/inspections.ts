import { z } from 'zod';
import { boundedText as text } from './text';

// 就地检验: a buyer asks for the piece to be inspected by the base's lab before it ships; the lab
// compares it with the listing's certificate.

const isoDateTime = z.iso.datetime({ offset: true });

export const INSPECTION_STATUSES = ['requested', 'matched', 'mismatched'] as const;
export const inspectionStatusSchema = z.enum(INSPECTION_STATUSES);
export type InspectionStatus = z.infer<typeof inspectionStatusSchema>;

export const inspectionResultBodySchema = z.strictObject({
  outcome: z.enum(['match', 'mismatch']),
  /** The identification as the lab writes it, e.g. 翡翠（处理）手镯. */
  identification: text(1, 100),
  weightMg: z.number().int().positive().max(100_000_000).optional(),
  note: text(1, 500),
});
export type InspectionResultBody = z.infer<typeof inspectionResultBodySchema>;

export const inspectionSchema = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  listingId: z.uuid(),
  listingTitle: z.string(),
  orderStatus: z.string(),
  labOrgId: z.uuid(),
  labName: z.string(),
  /** Why this lab: the inspection lab of a base the seller is admitted to, or the certificate's issuer. */
  labChosenBy: z.enum(['base', 'certificate']),
  status: inspectionStatusSchema,
  requestedAt: isoDateTime,
  certificate: z.object({
    id: z.uuid(),
    number: z.string(),
    /** As printed when the inspection was requested. */
    identification: z.string(),
    weightMg: z.number().int().nullable(),
  }),
  result: z
    .object({
      identification: z.string(),
      weightMg: z.number().int().nullable(),
      note: z.string().nullable(),
      recordedAt: isoDateTime,
    })
    .nullable(),
  /** When a mismatch's refund or cancellation went through; null while it is still owed. */
  settledAt: isoDateTime.nullable(),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const labInspectionsQuerySchema = z.strictObject({
  status: inspectionStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const setInspectionLabBodySchema = z.strictObject({ labOrgId: z.uuid().nullable() });
