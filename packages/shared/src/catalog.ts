import { z } from 'zod';

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
const dateTime = z.iso.datetime({ offset: true });

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
  /** How many pieces the certificate covers: what the listing holds and sells never exceeds it. */
  pieces: z.number().int().positive(),
});

/** Why a listing is suspended, as facts; each console words them in its reader's language. */
export const LISTING_STATUS_REASON_KINDS = ['certificate_revoked', 'inspection_mismatch', 'other'] as const;
export type ListingStatusReasonKind = (typeof LISTING_STATUS_REASON_KINDS)[number];

export const listingStatusReasonSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('certificate_revoked'),
      reason: z.string().describe('The revoking lab or admin’s own words, shown as given'),
    }),
    z.object({
      kind: z.literal('inspection_mismatch'),
      identification: z.string().describe('What the on-site inspection found'),
      certificateNumber: z.string(),
      certificateIdentification: z.string().describe('What the certificate says'),
    }),
    z.object({
      kind: z.literal('other'),
      text: z.string().describe('A reason recorded before reasons had kinds, shown as given'),
    }),
  ])
  .describe('Why the listing is suspended: a kind and its facts; null when nothing is to explain');
export type ListingStatusReason = z.infer<typeof listingStatusReasonSchema>;

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
  statusReason: listingStatusReasonSchema.nullable(),
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
