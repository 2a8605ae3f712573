import type { PinnedCard } from '@jadelive/shared';
import type { Database } from '../../db/database';

function cardQuery(db: Database) {
  return db
    .selectFrom('listings')
    .leftJoin('certificates', 'certificates.id', 'listings.certificateId')
    .select([
      'listings.id as listingId',
      'listings.title',
      'listings.priceFen',
      'listings.comparisonPriceFen',
      'listings.imageIds',
      'listings.stock',
      'listings.status as listingStatus',
      'certificates.id as certificateId',
      'certificates.number as certificateNumber',
      'certificates.status as certificateStatus',
    ]);
}

type CardRow = Awaited<ReturnType<ReturnType<typeof cardQuery>['executeTakeFirstOrThrow']>>;

export function toCard(row: CardRow): PinnedCard {
  return {
    listingId: row.listingId,
    title: row.title,
    priceFen: row.priceFen,
    comparisonPriceFen: row.comparisonPriceFen,
    imageId: row.imageIds[0] ?? null,
    stock: row.stock,
    listingStatus: row.listingStatus,
    certificate:
      row.certificateId && row.certificateNumber && row.certificateStatus
        ? {
            id: row.certificateId,
            number: row.certificateNumber,
            status: row.certificateStatus as 'unverified' | 'verified' | 'revoked',
          }
        : null,
  };
}

/** The card of one listing of the session's lineup, or undefined when it is not in the lineup. */
export async function lineupCard(db: Database, sessionId: string, listingId: string) {
  const row = await cardQuery(db)
    .innerJoin('liveSessionLineup as lineup', 'lineup.listingId', 'listings.id')
    .where('lineup.sessionId', '=', sessionId)
    .where('listings.id', '=', listingId)
    .executeTakeFirst();
  return row ? toCard(row) : undefined;
}

export async function lineupCards(db: Database, sessionId: string) {
  const rows = await cardQuery(db)
    .innerJoin('liveSessionLineup as lineup', 'lineup.listingId', 'listings.id')
    .select('lineup.position')
    .where('lineup.sessionId', '=', sessionId)
    .orderBy('lineup.position')
    .execute();
  return rows.map((row) => ({ ...toCard(row), position: row.position }));
}
