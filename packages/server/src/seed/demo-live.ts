import type { Database } from '../db/database';
import { shanghaiDate } from '../features/bases/calendar';
import { findDemoJadeShop } from './demo-jade-shop';

const HOUR_MS = 3600_000;

/**
 * Two sessions of the 解放碑 jadeite shop: tonight's (scheduled, with its lineup) and last week's
 * (ended, with its figures), so the console has something to show. Idempotent by title.
 */
export async function seedDemoLive(trx: Database): Promise<void> {
  const shop = await findDemoJadeShop(trx);
  if (!shop) return;
  const listings = await trx
    .selectFrom('listings')
    .select('id')
    .where('sellerOrgId', '=', shop.sellerOrgId)
    .where('status', '=', 'published')
    .orderBy('createdAt')
    .limit(6)
    .execute();
  // 今晚八点 in Chongqing, whatever zone the server runs in.
  const tonight = new Date(`${shanghaiDate()}T20:00:00+08:00`);
  if (tonight.getTime() < Date.now()) tonight.setTime(tonight.getTime() + 24 * HOUR_MS);
  const lastWeek = new Date(tonight.getTime() - 7 * 24 * HOUR_MS);

  const sessions = [
    { title: '冰种翡翠手镯专场 · 今晚八点', plannedStartAt: tonight, ended: false },
    { title: '和田玉籽料把件鉴赏夜', plannedStartAt: lastWeek, ended: true },
  ];
  for (const demo of sessions) {
    const existing = await trx
      .selectFrom('liveSessions')
      .select('id')
      .where('sellerOrgId', '=', shop.sellerOrgId)
      .where('title', '=', demo.title)
      .executeTakeFirst();
    if (existing) continue;
    const { id } = await trx
      .insertInto('liveSessions')
      .values({
        sellerOrgId: shop.sellerOrgId,
        title: demo.title,
        plannedStartAt: demo.plannedStartAt,
        createdBy: shop.hostUserId,
        ...(demo.ended
          ? {
              status: 'ended',
              startedAt: demo.plannedStartAt,
              endedAt: new Date(demo.plannedStartAt.getTime() + 1.5 * HOUR_MS),
            }
          : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('liveSessionHosts').values({ sessionId: id, userId: shop.hostUserId }).execute();
    if (listings.length > 0) {
      await trx
        .insertInto('liveSessionLineup')
        .values(listings.map((listing, position) => ({ sessionId: id, listingId: listing.id, position })))
        .execute();
    }
    await trx
      .insertInto('liveSessionStats')
      .values(
        demo.ended
          ? {
              sessionId: id,
              peakViewers: 38,
              averageViewers: 21.4,
              uniqueViewers: 112,
              liveSeconds: 5400,
              pinCount: 9,
            }
          : { sessionId: id },
      )
      .execute();
  }
}
