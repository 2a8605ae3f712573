import type { createListingBodySchema, Listing, updateListingBodySchema } from '@jadelive/shared';
import type { ComplianceFlag } from '@jadelive/shared/compliance';
import type { z } from 'zod';
import type { Database } from '../../db/database';
import { ApiError, because, conflict, isUniqueViolation, notFound } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import { nothingToAudit } from '../audit/request-context';
import { requireOwnImages } from '../images/repository';
import * as repo from './repository';
import {
  type CertificateFacts,
  type ListingFacts,
  type Problem,
  publishProblems,
  scanListingText,
} from './rules';
import { toListing } from './serialize';
import { statusReasonColumns } from './status-reason';

type CreateBody = z.infer<typeof createListingBodySchema>;
type UpdateBody = z.infer<typeof updateListingBodySchema>;

export interface ListingResult {
  listing: Listing;
  flags: ComplianceFlag[];
}

const CERTIFICATE_TAKEN = 'listings_one_active_per_certificate';

/** The certificate a seller may bind: only one it holds. */
async function certificateFacts(db: Database, sellerOrgId: string, certificateId: string | null | undefined) {
  if (!certificateId) return null;
  const row = await db
    .selectFrom('certificates')
    .select(['id', 'status', 'quantity', 'identification', 'weightMg', 'weightCt100', 'origin'])
    .where('id', '=', certificateId)
    .where('holderOrgId', '=', sellerOrgId)
    .executeTakeFirst();
  if (!row) throw notFound('certificate');
  return row satisfies CertificateFacts;
}

function refuse(problems: Problem[], flags: ComplianceFlag[] = []): never {
  const blocking = flags.filter((flag) => flag.severity === 'block');
  const first = problems[0]?.message ?? blocking[0]?.message['zh-CN'] ?? 'refused';
  throw new ApiError('UNPROCESSABLE', first, {
    ...because('publish_refused', { problems }),
    flags: blocking,
  });
}

/**
 * The listing on sale (or sold out, or suspended) that a certificate backs, other than `exceptId`;
 * null when the certificate is free to go on sale.
 */
async function certificateBacks(
  db: Database,
  sellerOrgId: string,
  certificateId: string | null,
  exceptId: string,
) {
  if (!certificateId) return null;
  const row = await repo.findListingBackedBy(db, sellerOrgId, certificateId, exceptId);
  return row ? { listingId: row.id, listingTitle: row.title } : null;
}

/** A publish that lost the race for a certificate (the unique index decided) is a 409 naming the winner. */
async function rethrowCertificateTaken(
  db: Database,
  sellerOrgId: string,
  listingId: string,
  error: unknown,
): Promise<never> {
  if (!isUniqueViolation(error, CERTIFICATE_TAKEN)) throw error;
  const listing = await repo.findOwnListing(db, sellerOrgId, listingId);
  const backs = await certificateBacks(db, sellerOrgId, listing?.certificateId ?? null, listingId);
  throw conflict(
    'this certificate already backs another active listing: one certificate, one piece on sale',
    because('certificate_in_use', backs ?? { listingId: '', listingTitle: '' }),
  );
}

export async function createListing(
  db: Database,
  sellerOrgId: string,
  body: CreateBody,
): Promise<ListingResult> {
  const id = await db.transaction().execute(async (trx) => {
    await requireOwnImages(trx, sellerOrgId, body.imageIds, 'imageIds');
    // A new listing is a draft: it only has to be the seller's own certificate. Whether it may go
    // on sale (comparison price, a certificate already in use …) is asked when it is published.
    await certificateFacts(trx, sellerOrgId, body.certificateId);
    const { id } = await repo.insertListing(trx, {
      sellerOrgId,
      title: body.title,
      description: body.description,
      category: body.category,
      certificateId: body.certificateId ?? null,
      priceFen: body.priceFen,
      comparisonPriceFen: body.comparisonPriceFen ?? null,
      stock: body.stock,
      customMade: body.customMade,
      purityMark: body.purityMark ?? null,
      metalWeightMg: body.metalWeightMg ?? null,
      imageIds: body.imageIds,
      status: 'draft',
    });
    await repo.recordPriceEvent(trx, {
      listingId: id,
      kind: 'list_price',
      priceFen: body.priceFen,
      source: 'created',
    });
    await recordAudit(trx, {
      action: 'listing.created',
      organizationId: sellerOrgId,
      targetType: 'listing',
      targetId: id,
      details: { title: body.title, priceFen: body.priceFen, stock: body.stock },
    });
    return id;
  });
  return loadResult(db, sellerOrgId, id);
}

export async function updateListing(
  db: Database,
  sellerOrgId: string,
  id: string,
  patch: UpdateBody,
): Promise<ListingResult> {
  await db.transaction().execute(async (trx) => {
    if (!(await repo.lockOwnListing(trx, sellerOrgId, id))) throw notFound('listing');
    const current = await repo.findOwnListing(trx, sellerOrgId, id);
    if (!current) throw notFound('listing');
    if (current.status === 'archived') {
      throw conflict('an archived listing cannot change', because('listing_archived'));
    }
    if (patch.imageIds) await requireOwnImages(trx, sellerOrgId, patch.imageIds, 'imageIds');
    const next = { ...current, ...patch };
    const certificate = await certificateFacts(trx, sellerOrgId, next.certificateId);
    // A listing on sale must stay publishable after every edit; a draft saves freely and is
    // checked when it is published.
    if (current.status === 'published') {
      const backs = await certificateBacks(trx, sellerOrgId, next.certificateId, id);
      const facts = { ...toFacts(next, certificate, current.lowestDealPriceFen7d), certificateBacks: backs };
      const problems = publishProblems(facts);
      const flags = scanListingText(facts);
      if (problems.length > 0 || flags.some((flag) => flag.severity === 'block')) refuse(problems, flags);
    }
    await repo
      .updateListing(trx, sellerOrgId, id, patch)
      .catch((error: unknown) => rethrowCertificateTaken(db, sellerOrgId, id, error));
    if (patch.priceFen !== undefined && patch.priceFen !== current.priceFen) {
      await repo.recordPriceEvent(trx, {
        listingId: id,
        kind: 'list_price',
        priceFen: patch.priceFen,
        source: 'edited',
      });
    }
    if (patch.comparisonPriceFen !== undefined && patch.comparisonPriceFen !== current.comparisonPriceFen) {
      await repo.recordPriceEvent(trx, {
        listingId: id,
        kind: 'comparison_price',
        priceFen: patch.comparisonPriceFen,
        source: 'edited',
      });
    }
    await recordAudit(trx, {
      action: 'listing.updated',
      organizationId: sellerOrgId,
      targetType: 'listing',
      targetId: id,
      details: { title: next.title, changed: changedFields(current, patch) },
    });
  });
  return loadResult(db, sellerOrgId, id);
}

/** The fields an edit changed, with their values before and after (long text only named). */
function changedFields(current: Record<string, unknown>, patch: UpdateBody) {
  const changed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined || JSON.stringify(value) === JSON.stringify(current[field])) continue;
    changed[field] = field === 'description' ? true : { from: current[field] ?? null, to: value };
  }
  return changed;
}

/** Publishing re-checks everything: certificate, stock, purity mark, comparison price and claims. */
export async function publishListing(db: Database, sellerOrgId: string, id: string): Promise<ListingResult> {
  await db
    .transaction()
    .execute(async (trx) => {
      if (!(await repo.lockOwnListing(trx, sellerOrgId, id))) throw notFound('listing');
      const current = await repo.findOwnListing(trx, sellerOrgId, id);
      if (!current) throw notFound('listing');
      if (current.status === 'published') return nothingToAudit('the listing is on sale already');
      if (current.status === 'archived') {
        throw conflict('an archived listing cannot be published', because('listing_archived'));
      }
      const certificate = await certificateFacts(trx, sellerOrgId, current.certificateId);
      const backs = await certificateBacks(trx, sellerOrgId, current.certificateId, id);
      const facts = {
        ...toFacts(current, certificate, current.lowestDealPriceFen7d),
        certificateBacks: backs,
      };
      const problems = publishProblems(facts);
      const flags = scanListingText(facts);
      if (problems.length > 0 || flags.some((flag) => flag.severity === 'block')) refuse(problems, flags);
      await repo.updateListing(trx, sellerOrgId, id, {
        status: 'published',
        ...statusReasonColumns(null),
        publishedAt: new Date(),
      });
      await recordAudit(trx, {
        action: 'listing.published',
        organizationId: sellerOrgId,
        targetType: 'listing',
        targetId: id,
        details: { title: current.title, from: current.status },
      });
    })
    .catch((error: unknown) => rethrowCertificateTaken(db, sellerOrgId, id, error));
  return loadResult(db, sellerOrgId, id);
}

export async function setListingStatus(
  db: Database,
  sellerOrgId: string,
  id: string,
  to: 'draft' | 'archived',
): Promise<ListingResult> {
  await db.transaction().execute(async (trx) => {
    if (!(await repo.lockOwnListing(trx, sellerOrgId, id))) throw notFound('listing');
    const current = await repo.findOwnListing(trx, sellerOrgId, id);
    if (!current) throw notFound('listing');
    if (current.status === 'archived') throw conflict('the listing is archived', because('listing_archived'));
    if (to === 'draft' && current.status === 'suspended') {
      throw conflict(
        'a suspended listing stays suspended until the seller binds a valid certificate and publishes',
        because('listing_suspended'),
      );
    }
    if (current.status === to) return nothingToAudit(`the listing is ${to} already`);
    await repo.updateListing(trx, sellerOrgId, id, { status: to });
    await recordAudit(trx, {
      action: to === 'draft' ? 'listing.unpublished' : 'listing.archived',
      organizationId: sellerOrgId,
      targetType: 'listing',
      targetId: id,
      details: { title: current.title, from: current.status },
    });
  });
  return loadResult(db, sellerOrgId, id);
}

function toFacts(
  row: Omit<repo.ListingRow, 'lowestDealPriceFen7d'>,
  certificate: CertificateFacts | null,
  lowestDealPriceFen7d: number | null,
): ListingFacts {
  return {
    title: row.title,
    description: row.description,
    category: row.category as ListingFacts['category'],
    priceFen: row.priceFen,
    comparisonPriceFen: row.comparisonPriceFen,
    stock: row.stock,
    soldCount: row.soldCount,
    purityMark: row.purityMark,
    metalWeightMg: row.metalWeightMg,
    lowestDealPriceFen7d: lowestDealPriceFen7d === null ? null : Number(lowestDealPriceFen7d),
    certificate,
  };
}

export async function loadResult(db: Database, sellerOrgId: string, id: string): Promise<ListingResult> {
  const row = await repo.findOwnListing(db, sellerOrgId, id);
  if (!row) throw notFound('listing');
  const certificate = await certificateFacts(db, sellerOrgId, row.certificateId);
  return {
    listing: toListing(row),
    flags: scanListingText(toFacts(row, certificate, row.lowestDealPriceFen7d)),
  };
}
