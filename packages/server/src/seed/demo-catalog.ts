import { creditCodeCheckCharacter, type ListingCategory, type ListingStatusReason } from '@jadelive/shared';
import type { Database } from '../db/database';
import { describeIdentification } from '../features/certificates/service';
import { publishProblems, scanListingText } from '../features/listings/rules';
import { statusReasonColumns, statusReasonFacts } from '../features/listings/status-reason';
import { DEMO_PIECES, type DemoPiece } from './demo-catalog-data';
import { DEMO_JADE_SHOP_SLUG } from './demo-jade-shop';

const LAB_SLUG = 'yuzhou-gem-lab';
const DAY_MS = 86_400_000;

/**
 * Demo certificates, listings and price history. Every piece goes through the same publishing
 * rules and claim scan as a seller's would, so the demo never shows what the product forbids.
 */
export async function seedDemoCatalog(trx: Database): Promise<void> {
  const lab = await trx
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', LAB_SLUG)
    .executeTakeFirstOrThrow();
  let serial = 0;
  for (const [sellerSlug, pieces] of Object.entries(DEMO_PIECES)) {
    const seller = await trx
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('slug', '=', sellerSlug)
      .executeTakeFirstOrThrow();
    const existing = await trx
      .selectFrom('listings')
      .select('id')
      .where('sellerOrgId', '=', seller.id)
      .limit(1)
      .execute();
    if (existing.length > 0) continue;
    await seedProfile(trx, seller, pieces, serial);
    for (const piece of pieces) {
      serial += 1;
      const certificateId = piece.certificate
        ? await insertCertificate(
            trx,
            lab.id,
            seller.id,
            `YZ2026${String(serial).padStart(5, '0')}`,
            piece.certificate,
            'verified',
          )
        : null;
      await insertListing(trx, seller.id, piece, certificateId, 'published');
    }
  }
  await seedProblemCases(trx, lab.id);
}

async function seedProfile(
  trx: Database,
  seller: { id: string; name: string },
  pieces: DemoPiece[],
  serial: number,
) {
  const body = `915001${String(103 + serial).padStart(4, '0')}MA6${String(serial).padStart(6, '0')}`.slice(
    0,
    17,
  );
  const checkCharacter = creditCodeCheckCharacter(body);
  await trx
    .insertInto('sellerProfiles')
    .values({
      orgId: seller.id,
      creditCode: checkCharacter ? `${body}${checkCharacter}` : null,
      legalName: `重庆${seller.name}珠宝有限公司`,
      categories: [...new Set(pieces.map((piece) => piece.category))],
      contactName: '店长',
      contactPhone: '023-63800000',
      description: `${seller.name}，入驻玉链直播的演示商家。`,
    })
    .onConflict((oc) => oc.column('orgId').doNothing())
    .execute();
}

async function insertCertificate(
  trx: Database,
  labOrgId: string | null,
  holderOrgId: string,
  number: string,
  certificate: NonNullable<DemoPiece['certificate']>,
  status: 'verified' | 'unverified' | 'revoked',
  extra: { externalLabName?: string; revokeReason?: string } = {},
): Promise<string> {
  const { id } = await trx
    .insertInto('certificates')
    .values({
      labOrgId,
      externalLabName: extra.externalLabName ?? null,
      number,
      holderOrgId,
      ...certificate,
      ...describeIdentification(certificate.identification),
      issuedOn: new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10),
      quantity: certificate.quantity ?? 1,
      status,
      revokeReason: extra.revokeReason ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('certificateEvents')
    .values({
      certificateId: id,
      fromStatus: null,
      toStatus: status,
      actorOrgId: labOrgId,
      via: labOrgId ? 'lab_issue' : 'seller_registration',
      reason: extra.revokeReason ?? null,
    })
    .execute();
  return id;
}

async function insertListing(
  trx: Database,
  sellerOrgId: string,
  piece: DemoPiece,
  certificateId: string | null,
  status: 'published' | 'draft' | 'suspended',
  statusReason: ListingStatusReason | null = null,
) {
  const lowestDeal = piece.deals?.length ? Math.min(...piece.deals.map((deal) => deal.priceFen)) : null;
  if (status === 'published') assertHonest(piece, lowestDeal);
  const { id } = await trx
    .insertInto('listings')
    .values({
      sellerOrgId,
      title: piece.title,
      description: piece.description,
      category: piece.category,
      certificateId,
      priceFen: piece.priceFen,
      comparisonPriceFen: piece.comparisonPriceFen ?? null,
      stock: piece.stock,
      soldCount: piece.soldCount ?? piece.deals?.length ?? 0,
      customMade: piece.customMade ?? false,
      purityMark: piece.purityMark ?? null,
      metalWeightMg: piece.metalWeightMg ?? null,
      status,
      ...statusReasonColumns(statusReason),
      publishedAt: status === 'draft' ? null : new Date(Date.now() - 10 * DAY_MS),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('priceEvents')
    .values([
      {
        listingId: id,
        kind: 'list_price',
        priceFen: piece.priceFen,
        source: 'created',
        occurredAt: new Date(Date.now() - 10 * DAY_MS),
      },
      ...(piece.deals ?? []).map((deal) => ({
        listingId: id,
        kind: 'deal',
        priceFen: deal.priceFen,
        quantity: 1,
        source: 'store sale (demo)',
        occurredAt: new Date(Date.now() - deal.daysAgo * DAY_MS),
      })),
    ])
    .execute();
  return id;
}

function assertHonest(piece: DemoPiece, lowestDealPriceFen7d: number | null) {
  const facts = {
    title: piece.title,
    description: piece.description,
    category: piece.category as ListingCategory,
    priceFen: piece.priceFen,
    comparisonPriceFen: piece.comparisonPriceFen ?? null,
    stock: piece.stock,
    soldCount: piece.soldCount ?? 0,
    purityMark: piece.purityMark ?? null,
    metalWeightMg: piece.metalWeightMg ?? null,
    lowestDealPriceFen7d,
    certificate: piece.certificate
      ? {
          id: 'demo',
          status: 'verified',
          quantity: piece.certificate.quantity ?? 1,
          identification: piece.certificate.identification,
          weightMg: piece.certificate.weightMg ?? null,
          weightCt100: piece.certificate.weightCt100 ?? null,
          origin: piece.certificate.origin ?? null,
        }
      : null,
  };
  const problems = publishProblems(facts);
  const blocking = scanListingText(facts).filter((flag) => flag.severity === 'block');
  if (problems.length > 0 || blocking.length > 0) {
    throw new Error(
      `demo piece "${piece.title}" breaks the rules: ${JSON.stringify({ problems, blocking })}`,
    );
  }
}

/** What regulators and sellers should also see: a registration awaiting confirmation and a revoked certificate. */
async function seedProblemCases(trx: Database, labOrgId: string) {
  const seller = await trx
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', DEMO_JADE_SHOP_SLUG)
    .executeTakeFirstOrThrow();
  const already = await trx
    .selectFrom('certificates')
    .select('id')
    .where('number', '=', 'EXT-2026-0815')
    .executeTakeFirst();
  if (already) return;
  const unverified = await insertCertificate(
    trx,
    null,
    seller.id,
    'EXT-2026-0815',
    { identification: '翡翠（A货）手镯', weightMg: 41_000 },
    'unverified',
    { externalLabName: '云南某珠宝检测站' },
  );
  await insertListing(
    trx,
    seller.id,
    {
      title: '紫罗兰翡翠手镯（待核验证书）',
      description: '证书待平台核验，核验通过后上架。',
      category: 'jadeite',
      priceFen: 9_800_00,
      stock: 1,
    },
    unverified,
    'draft',
  );
  const reason = '复检发现经充填处理，与原证书结论不符';
  const revoked = await insertCertificate(
    trx,
    labOrgId,
    seller.id,
    'YZ2026REV01',
    { identification: '翡翠（A货）手镯', weightMg: 39_500 },
    'revoked',
    { revokeReason: reason },
  );
  const suspension: ListingStatusReason = { kind: 'certificate_revoked', reason };
  const listingId = await insertListing(
    trx,
    seller.id,
    {
      title: '满绿翡翠手镯',
      description: '已下架：证书已被撤销。',
      category: 'jadeite',
      priceFen: 26_000_00,
      stock: 1,
    },
    revoked,
    'suspended',
    suspension,
  );
  await trx
    .insertInto('notifications')
    .values({
      orgId: seller.id,
      kind: 'listing_suspended',
      message: `商品「满绿翡翠手镯」已下架：所绑定的检测证书已被撤销（${reason}）。`,
      subjectType: 'listing',
      subjectId: listingId,
      details: JSON.stringify({ title: '满绿翡翠手镯', ...statusReasonFacts(suspension) }),
    })
    .execute();
}
