import { drawGiveawayWinners } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { conflict, notFound } from '../../http/errors';

/**
 * Draws the winners from the committed seed and every entry (the shared, browser-checkable
 * algorithm), records them and reveals the seed, in one transaction under the giveaway's row lock:
 * a second draw finds it drawn (409). `now` is the caller's clock (the sweeper runs ahead in tests).
 */
export async function drawGiveaway(
  db: Database,
  giveawayId: string,
  by: 'stage' | 'system',
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    const giveaway = await trx
      .selectFrom('giveaways')
      .select(['id', 'seed', 'winnerCount', 'drawAt', 'drawnAt'])
      .where('id', '=', giveawayId)
      .forUpdate()
      .executeTakeFirst();
    if (!giveaway) throw notFound('giveaway');
    if (giveaway.drawnAt) throw conflict('the giveaway was drawn already', { reason: 'already_drawn' });
    if (now < giveaway.drawAt) {
      throw conflict('the draw time has not come', {
        reason: 'too_early',
        drawAt: giveaway.drawAt.toISOString(),
      });
    }
    const entries = await trx
      .selectFrom('giveawayEntries')
      .select('id')
      .where('giveawayId', '=', giveawayId)
      .execute();
    const winners = drawGiveawayWinners(
      giveaway.seed,
      entries.map((entry) => entry.id),
      giveaway.winnerCount,
    );
    if (winners.length > 0) {
      await trx
        .insertInto('giveawayWinners')
        .values(winners.map((entryId, index) => ({ giveawayId, entryId, rank: index + 1 })))
        .execute();
    }
    await trx
      .updateTable('giveaways')
      .set({ drawnAt: sql`now()`, drawnBy: by, entryCount: entries.length })
      .where('id', '=', giveawayId)
      .execute();
  });
}

/** Giveaways whose draw time passed without a draw, oldest first. */
export async function listDueGiveaways(db: Database, now: Date, limit: number) {
  const rows = await db
    .selectFrom('giveaways')
    .select('id')
    .where('drawnAt', 'is', null)
    .where('drawAt', '<=', now)
    .orderBy('drawAt')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
