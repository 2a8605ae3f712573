import { z } from 'zod';
import { certificateStatusSchema, listingStatusSchema, treatmentSchema } from './catalog';
import { INPUT_PATTERNS, wholeValue } from './input-patterns';

const isoDate = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });

const certificateFields = {
  number: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(wholeValue(INPUT_PATTERNS.certificateNumber), 'letters, digits and dashes only'),
  identification: z.string().trim().min(2).max(80),
  weightMg: z.number().int().positive().max(100_000_000).optional(),
  weightCt100: z.number().int().positive().max(10_000_000).optional(),
  dimensions: z.string().trim().max(80).optional(),
  shape: z.string().trim().max(40).optional(),
  color: z.string().trim().max(40).optional(),
  origin: z.string().trim().max(40).optional(),
  photoImageId: z.uuid().optional(),
  issuedOn: isoDate,
  quantity: z.number().int().min(1).max(10_000).default(1),
};

function oneWeight<T extends { weightMg?: number; weightCt100?: number }>(value: T) {
  return !(value.weightMg !== undefined && value.weightCt100 !== undefined);
}

export const issueCertificateBodySchema = z
  .strictObject({ ...certificateFields, holderOrgId: z.uuid() })
  .refine(oneWeight, { message: 'give weightMg or weightCt100, not both', path: ['weightCt100'] });

export const registerCertificateBodySchema = z
  .strictObject({
    ...certificateFields,
    labOrgId: z.uuid().optional(),
    externalLabName: z.string().trim().min(2).max(80).optional(),
  })
  .refine(oneWeight, { message: 'give weightMg or weightCt100, not both', path: ['weightCt100'] })
  .refine((value) => (value.labOrgId === undefined) !== (value.externalLabName === undefined), {
    message: 'name exactly one lab: labOrgId (a lab on the platform) or externalLabName',
    path: ['labOrgId'],
  });

export const certificateDecisionBodySchema = z.strictObject({ reason: z.string().trim().min(2).max(500) });
export const certificateConfirmBodySchema = z.strictObject({ note: z.string().trim().max(500).optional() });

export const certificateSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  lab: z.object({
    orgId: z.uuid().nullable(),
    name: z.string(),
    onPlatform: z.boolean(),
    slug: z.string().nullable(),
  }),
  holderOrgId: z.uuid(),
  identification: z.string(),
  material: z.string(),
  treatment: treatmentSchema,
  weightMg: z.number().int().nullable(),
  weightCt100: z.number().int().nullable(),
  dimensions: z.string().nullable(),
  shape: z.string().nullable(),
  color: z.string().nullable(),
  origin: z.string().nullable(),
  photoImageId: z.uuid().nullable(),
  issuedOn: isoDate,
  quantity: z.number().int(),
  status: certificateStatusSchema,
  revokeReason: z.string().nullable(),
  createdAt: dateTime,
  statusChangedAt: dateTime,
});
export type Certificate = z.infer<typeof certificateSchema>;

export const certificateEventSchema = z.object({
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  via: z.string(),
  reason: z.string().nullable(),
  actorOrgId: z.string().nullable(),
  occurredAt: dateTime,
});

export const verifyQuerySchema = z.strictObject({
  lab: z.string().trim().min(2).max(80),
  number: z.string().trim().min(3).max(40),
});

export const verificationResultSchema = z.object({
  found: z.literal(true),
  certificate: certificateSchema
    .pick({
      number: true,
      lab: true,
      identification: true,
      weightMg: true,
      weightCt100: true,
      dimensions: true,
      shape: true,
      color: true,
      origin: true,
      photoImageId: true,
      issuedOn: true,
      status: true,
      revokeReason: true,
    })
    .extend({
      /** Null once revoked: the lab withdrew its finding, so the old treatment line is not shown. */
      treatment: treatmentSchema.nullable(),
      /** When the lab revoked it (null unless revoked); `revokeReason` says why. */
      revokedAt: dateTime.nullable(),
    }),
  listing: z
    .object({
      id: z.uuid(),
      title: z.string(),
      status: listingStatusSchema,
      sellerName: z.string(),
      sellerSlug: z.string(),
    })
    .nullable(),
});
export type VerificationResult = z.infer<typeof verificationResultSchema>;

/** A certificate as its holder sees it in the listing editor: with the listings it is bound to. */
export const heldCertificateSchema = certificateSchema.extend({
  /** The holder's listings (not archived) bound to it; one on sale means it is in use. */
  usedBy: z.array(z.object({ listingId: z.uuid(), title: z.string(), status: listingStatusSchema })),
});
export type HeldCertificate = z.infer<typeof heldCertificateSchema>;
