import type { Giveaway } from '@jadelive/shared';
import type { Database } from '../../db/database';
import { iso, isoOrNull } from '../../lib/serialize';

export async function findGiveaway(db: Database, giveawayId: string) {
  return db.selectFrom('giveaways').selectAll().where('id', '=', giveawayId).executeTakeFirst();
}

export type GiveawayRow = NonNullable<Awaited<ReturnType<typeof findGiveaway>>>;

export async function listSessionGiveaways(db: Database, sessionId: string) {
  return db
    .selectFrom('giveaways')
    .selectAll()
    .where('sessionId', '=', sessionId)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .limit(50)
    .execute();
}

export function giveawayState(row: GiveawayRow, now: Date): Giveaway['state'] {
  if (row.drawnAt) return 'drawn';
  if (row.cancelledAt) return 'cancelled';
  if (now < row.startsAt) return 'scheduled';
  return now < row.drawAt ? 'open' : 'closed';
}

/** Entry counts and the caller's own entry (with whether it won), for a page of giveaways. */
async function entryFacts(db: Database, giveawayIds: string[], userId: string | null) {
  if (giveawayIds.length === 0) return { counts: new Map<string, number>(), mine: new Map() };
  const counts = await db
    .selectFrom('giveawayEntries')
    .select(['giveawayId', (eb) => eb.fn.countAll<string>().as('count')])
    .where('giveawayId', 'in', giveawayIds)
    .groupBy('giveawayId')
    .execute();
  const mine = userId
    ? await db
        .selectFrom('giveawayEntries')
        .leftJoin('giveawayWinners', 'giveawayWinners.entryId', 'giveawayEntries.id')
        .select(['giveawayEntries.giveawayId', 'giveawayEntries.id', 'giveawayWinners.rank'])
        .where('giveawayEntries.giveawayId', 'in', giveawayIds)
        .where('giveawayEntries.userId', '=', userId)
        .execute()
    : [];
  return {
    counts: new Map(counts.map((row) => [row.giveawayId, Number(row.count)])),
    mine: new Map(mine.map((row) => [row.giveawayId, { entryId: row.id, won: row.rank !== null }])),
  };
}

/** The public view: rules and commitment; the seed only once drawn. */
export async function describeGiveaways(
  db: Database,
  rows: GiveawayRow[],
  userId: string | null,
  now = new Date(),
): Promise<Giveaway[]> {
  const facts = await entryFacts(
    db,
    rows.map((row) => row.id),
    userId,
  );
  return rows.map((row) => ({
    id: row.id,
    sessionId: row.sessionId,
    prizeTitle: row.prizeTitle,
    prizeValueFen: row.prizeValueFen,
    winnerCount: row.winnerCount,
    entryCondition: row.entryCondition as Giveaway['entryCondition'],
    keyword: row.keyword,
    description: row.description,
    startsAt: iso(row.startsAt),
    drawAt: iso(row.drawAt),
    state: giveawayState(row, now),
    algorithm: row.algorithm,
    seedCommitment: row.seedCommitment,
    seed: row.drawnAt ? row.seed : null,
    entryCount: row.entryCount ?? facts.counts.get(row.id) ?? 0,
    drawnAt: isoOrNull(row.drawnAt),
    myEntry: facts.mine.get(row.id) ?? null,
    serverTime: iso(now),
  }));
}

/** 张*** style: enough for an entrant to recognise themselves, not enough to identify anyone. */
export const maskName = (name: string) => `${Array.from(name.trim())[0] ?? '?'}***`;
