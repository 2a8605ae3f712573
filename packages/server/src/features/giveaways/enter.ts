import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { because, conflict, notFound, unprocessable } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import { nothingToAudit } from '../audit/request-context';

/**
 * One entry per person, kept if asked again (idempotent). The giveaway row is read FOR SHARE so an
 * entry and the draw cannot interleave: an entry either commits before the draw reads the list or
 * finds the giveaway closed.
 */
export async function enterGiveaway(deps: Pick<AppDeps, 'db'>, giveawayId: string, userId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const giveaway = await trx
      .selectFrom('giveaways')
      .select([
        'id',
        'sessionId',
        'startsAt',
        'drawAt',
        'drawnAt',
        'cancelledAt',
        'entryCondition',
        'keyword',
      ])
      .where('id', '=', giveawayId)
      .forShare()
      .executeTakeFirst();
    if (!giveaway) throw notFound('giveaway');
    const existing = await trx
      .selectFrom('giveawayEntries')
      .select(['id', 'enteredAt'])
      .where('giveawayId', '=', giveawayId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    if (existing) {
      nothingToAudit('the caller’s entry is answered again');
      return { entry: existing, created: false };
    }
    const now = new Date();
    if (now < giveaway.startsAt) throw conflict('the giveaway has not started', { reason: 'not_started' });
    if (giveaway.drawnAt || giveaway.cancelledAt || now >= giveaway.drawAt) {
      throw conflict('entries are closed', { reason: 'closed' });
    }
    if (giveaway.entryCondition === 'comment_keyword' && giveaway.keyword) {
      const commented = await trx
        .selectFrom('chatMessages')
        .select('id')
        .where('sessionId', '=', giveaway.sessionId)
        .where('userId', '=', userId)
        .where('status', '=', 'visible')
        .where('deletedAt', 'is', null)
        .where('createdAt', '>=', giveaway.startsAt)
        .where(sql<boolean>`position(${giveaway.keyword} in text) > 0`)
        .executeTakeFirst();
      if (!commented) {
        throw unprocessable(`post 「${giveaway.keyword}」 in the chat first`, {
          ...because('keyword_not_posted', { keyword: giveaway.keyword }),
        });
      }
    }
    const entry = await trx
      .insertInto('giveawayEntries')
      .values({ giveawayId, userId })
      .onConflict((oc) => oc.constraint('giveaway_entries_one_per_user').doNothing())
      .returning(['id', 'enteredAt'])
      .executeTakeFirst();
    if (entry) {
      await recordAudit(trx, {
        action: 'giveaway.entered',
        // An entrant's own step: entrants stay masked to the seller, whose record is the entry list.
        organizationId: null,
        targetType: 'giveaway',
        targetId: giveawayId,
        details: { entryId: entry.id },
      });
      return { entry, created: true };
    }
    const raced = await trx
      .selectFrom('giveawayEntries')
      .select(['id', 'enteredAt'])
      .where('giveawayId', '=', giveawayId)
      .where('userId', '=', userId)
      .executeTakeFirstOrThrow();
    nothingToAudit('a twin request entered first');
    return { entry: raced, created: false };
  });
}
