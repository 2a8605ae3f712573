import { z } from 'zod';
import { catalogItemSchema, LISTING_CATEGORIES, listingCategorySchema } from './catalog';
import { isValidCreditCode } from './credit-code';
import { upcomingSessionSchema } from './follows';

export const creditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, { message: 'not a valid 统一社会信用代码 (check character does not match)' });

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
export type SellerProfileBody = z.infer<typeof sellerProfileBodySchema>;

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
  /** Of `listings`, those a running auction holds: bid there, no 立即购买. */
  auctionListingIds: z.array(z.uuid()),
  /** Planned and on-air sessions, soonest first; a buyer may book a reminder (预约) for a planned one. */
  upcomingSessions: z.array(upcomingSessionSchema),
  followerCount: z.number().int().nonnegative(),
});
export type Storefront = z.infer<typeof storefrontSchema>;

export const imageSchema = z.object({
  id: z.uuid(),
  mimeType: z.string(),
  byteSize: z.number().int(),
  url: z.string(),
});
