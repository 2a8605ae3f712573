import { z } from 'zod';
import { isValidCreditCode } from './credit-code';

export const LISTING_CATEGORIES = [
  'jadeite',
  'nephrite',
  'other_jade',
  'pearl',
  'diamond',
  'colored_gem',
  'precious_metal',
  'cultural_creative',
] as const;
export const listingCategorySchema = z.enum(LISTING_CATEGORIES);
export type ListingCategory = z.infer<typeof listingCategorySchema>;

/** Gem categories: a listing cannot be published without a verified certificate. */
export const GEM_CATEGORIES: readonly ListingCategory[] = [
  'jadeite',
  'nephrite',
  'other_jade',
  'pearl',
  'diamond',
  'colored_gem',
];

export function requiresCertificate(category: ListingCategory): boolean {
  return GEM_CATEGORIES.includes(category);
}

/** Purity marks of GB 11887 (precious metals); gold goods must carry one. */
export const PURITY_MARKS = [
  '足金',
  '千足金',
  'Au990',
  'Au999',
  'Au9999',
  'Au916',
  'Au750',
  'Au585',
  'Au375',
  '足铂',
  'Pt990',
  'Pt950',
  'Pt900',
  '足银',
  'S990',
  'S925',
] as const;
export const purityMarkSchema = z.enum(PURITY_MARKS);

export const LISTING_STATUSES = ['draft', 'published', 'suspended', 'sold_out', 'archived'] as const;
export const listingStatusSchema = z.enum(LISTING_STATUSES);
export type ListingStatus = z.infer<typeof listingStatusSchema>;

export const CERTIFICATE_STATUSES = ['unverified', 'verified', 'revoked'] as const;
export const certificateStatusSchema = z.enum(CERTIFICATE_STATUSES);
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;

export const treatmentSchema = z.enum(['natural', 'enhanced', 'treated']);

const fen = z.number().int().positive().max(100_000_000_00);
const isoDate = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });

export const creditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, { message: 'not a valid 统一社会信用代码 (check character does not match)' });

// ---------- certificates ----------

const certificateFields = {
  number: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and dashes only'),
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
  certificate: certificateSchema.pick({
    number: true,
    lab: true,
    identification: true,
    treatment: true,
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

// ---------- listings ----------

const listingFields = {
  title: z.string().trim().min(2).max(60),
  description: z.string().trim().max(2000).default(''),
  category: listingCategorySchema,
  certificateId: z.uuid().nullable().optional(),
  priceFen: fen,
  comparisonPriceFen: fen.nullable().optional(),
  stock: z.number().int().min(0).max(100_000),
  customMade: z.boolean().default(false),
  purityMark: purityMarkSchema.nullable().optional(),
  metalWeightMg: z.number().int().positive().max(100_000_000).nullable().optional(),
  imageIds: z.array(z.uuid()).max(9).default([]),
};

export const createListingBodySchema = z.strictObject(listingFields);
export const updateListingBodySchema = z
  .strictObject({
    title: listingFields.title,
    description: z.string().trim().max(2000),
    category: listingCategorySchema,
    certificateId: z.uuid().nullable(),
    priceFen: fen,
    comparisonPriceFen: fen.nullable(),
    stock: listingFields.stock,
    customMade: z.boolean(),
    purityMark: purityMarkSchema.nullable(),
    metalWeightMg: z.number().int().positive().max(100_000_000).nullable(),
    imageIds: z.array(z.uuid()).max(9),
  })
  .partial();

export const listingCertificateSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  labName: z.string(),
  labKey: z.string(),
  identification: z.string(),
  status: certificateStatusSchema,
});

export const listingSchema = z.object({
  id: z.uuid(),
  sellerOrgId: z.uuid(),
  title: z.string(),
  description: z.string(),
  category: listingCategorySchema,
  certificate: listingCertificateSummarySchema.nullable(),
  priceFen: z.number().int(),
  comparisonPriceFen: z.number().int().nullable(),
  lowestDealPriceFen7d: z.number().int().nullable(),
  stock: z.number().int(),
  soldCount: z.number().int(),
  customMade: z.boolean(),
  purityMark: z.string().nullable(),
  metalWeightMg: z.number().int().nullable(),
  imageIds: z.array(z.uuid()),
  status: listingStatusSchema,
  statusReason: z.string().nullable(),
  createdAt: dateTime,
  updatedAt: dateTime,
  publishedAt: dateTime.nullable(),
});
export type Listing = z.infer<typeof listingSchema>;

export const catalogQuerySchema = z.strictObject({
  q: z.string().trim().max(40).optional(),
  category: listingCategorySchema.optional(),
  clusterId: z.uuid().optional(),
  baseId: z.uuid().optional(),
  sellerId: z.uuid().optional(),
  minPriceFen: z.coerce.number().int().min(0).optional(),
  maxPriceFen: z.coerce.number().int().min(0).optional(),
  certificateStatus: certificateStatusSchema.optional(),
  sort: z.enum(['newest', 'price_asc', 'price_desc']).default('newest'),
  limit: z.coerce.number().int().min(1).max(60).default(24),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

export const catalogItemSchema = listingSchema
  .pick({
    id: true,
    title: true,
    category: true,
    priceFen: true,
    comparisonPriceFen: true,
    stock: true,
    soldCount: true,
    imageIds: true,
    status: true,
    certificate: true,
    purityMark: true,
  })
  .extend({ seller: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }) });
export type CatalogItem = z.infer<typeof catalogItemSchema>;

// ---------- storefronts ----------

export const sellerProfileBodySchema = z.strictObject({
  creditCode: creditCodeSchema,
  legalName: z.string().trim().min(2).max(100),
  categories: z.array(listingCategorySchema).max(LISTING_CATEGORIES.length),
  contactName: z.string().trim().min(1).max(40),
  contactPhone: z
    .string()
    .trim()
    .regex(/^(\+?86)?1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'a mainland mobile or landline number'),
  description: z.string().trim().max(1000).default(''),
});

export const storefrontSchema = z.object({
  seller: z.object({ id: z.uuid(), name: z.string(), slug: z.string(), district: z.string().nullable() }),
  profile: z
    .object({
      creditCode: z.string().nullable(),
      legalName: z.string().nullable(),
      categories: z.array(listingCategorySchema),
      contactName: z.string().nullable(),
      contactPhone: z.string().nullable(),
      description: z.string(),
    })
    .nullable(),
  bases: z.array(z.object({ id: z.uuid(), name: z.string(), status: z.string() })),
  listings: z.array(catalogItemSchema),
});
export type Storefront = z.infer<typeof storefrontSchema>;

export const imageSchema = z.object({
  id: z.uuid(),
  mimeType: z.string(),
  byteSize: z.number().int(),
  url: z.string(),
});
