import { drawGiveawayWinners } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { conflict, notFound } from '../../http/errors';
import { recordAudit } from '../audit/repository';

/**
 * Draws the winners from the committed seed and every entry (the shared, browser-checkable
 * algorithm), records them and reveals the seed, in one transaction under the giveaway's row lock:
 * a second draw finds it drawn (409). `now` is the caller's clock (the sweeper runs ahead in tests).
 * The end of its session draws it at once: entries closed with the room.
 */
export async function drawGiveaway(
  db: Database,
  giveawayId: string,
  by: 'stage' | 'system' | 'session_ended',
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    const giveaway = await trx
      .selectFrom('giveaways')
      .select(['id', 'sellerOrgId', 'seed', 'winnerCount', 'drawAt', 'drawnAt', 'cancelledAt'])
      .where('id', '=', giveawayId)
      .forUpdate()
      .executeTakeFirst();
    if (!giveaway) throw notFound('giveaway');
    if (giveaway.drawnAt) throw conflict('the giveaway was drawn already', { reason: 'already_drawn' });
    if (giveaway.cancelledAt) throw conflict('the giveaway was called off', { reason: 'closed' });
    if (now < giveaway.drawAt && by !== 'session_ended') {
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
    await recordAudit(trx, {
      action: 'giveaway.drawn',
      ...(by === 'system' ? { actorUserId: null, actorTokenId: null } : {}),
      organizationId: giveaway.sellerOrgId,
      targetType: 'giveaway',
      targetId: giveawayId,
      details: { by, entries: entries.length, winnerEntryIds: winners },
    });
  });
}

/** Giveaways whose draw time passed without a draw, oldest first. */
export async function listDueGiveaways(db: Database, now: Date, limit: number) {
  const rows = await db
    .selectFrom('giveaways')
    .select('id')
    .where('drawnAt', 'is', null)
    .where('cancelledAt', 'is', null)
    .where('drawAt', '<=', now)
    .orderBy('drawAt')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Calls off a giveaway whose session ended before it started: nobody could enter, so there is
 * nothing to draw. False when it was drawn or called off already.
 */
export async function cancelGiveaway(db: Database, giveawayId: string, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('giveaways')
      .set({ cancelledAt: now })
      .where('id', '=', giveawayId)
      .where('drawnAt', 'is', null)
      .where('cancelledAt', 'is', null)
      .returning(['id', 'sellerOrgId'])
      .executeTakeFirst();
    if (!row) return false;
    await recordAudit(trx, {
      action: 'giveaway.cancelled',
      organizationId: row.sellerOrgId,
      targetType: 'giveaway',
      targetId: row.id,
      details: { reason: 'session_ended_before_start' },
    });
    return true;
  });
}
