import { randomBytes } from 'node:crypto';
import {
  type CreateGiveawayBody,
  GIVEAWAY_ALGORITHM,
  GIVEAWAY_MAX_HOURS,
  GIVEAWAY_MAX_PRIZE_FEN,
  giveawaySeedCommitment,
} from '@jadelive/shared';
import type { AppDeps } from '../../deps';
import { because, conflict, unprocessable } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import type { SessionRow } from '../live/session-repository';

const START_GRACE_MS = 60_000;
const MAX_START_AHEAD_MS = 24 * 3_600_000;

/**
 * Publishes a giveaway's rules with the commitment to a fresh 32-byte seed; both are fixed from
 * here on (规范促销行为暂行规定: rules stated before the start, not changed afterwards). The seed
 * stays secret until the draw, so nobody — the host included — can know the winners in advance.
 */
export async function createGiveaway(
  deps: Pick<AppDeps, 'db'>,
  session: SessionRow,
  createdBy: string,
  body: CreateGiveawayBody,
): Promise<string> {
  if (session.status !== 'scheduled' && session.status !== 'live') {
    throw conflict(`cannot run a giveaway in a session that is ${session.status}`, {
      ...because('session_status', { status: session.status }),
    });
  }
  if (body.prizeValueFen > GIVEAWAY_MAX_PRIZE_FEN) {
    throw unprocessable('a single prize of a prize draw is worth at most ¥50,000', {
      reason: 'prize_over_limit',
      maxFen: GIVEAWAY_MAX_PRIZE_FEN,
    });
  }
  const now = Date.now();
  const startsAt = body.startsAt ? new Date(body.startsAt) : new Date(now);
  if (startsAt.getTime() < now - START_GRACE_MS || startsAt.getTime() > now + MAX_START_AHEAD_MS) {
    throw unprocessable('a giveaway starts now or within the next 24 hours', {
      ...because('start_out_of_range'),
      field: 'startsAt',
    });
  }
  const drawAt = new Date(body.drawAt);
  const window = drawAt.getTime() - startsAt.getTime();
  if (window <= 0 || window > GIVEAWAY_MAX_HOURS * 3_600_000) {
    throw unprocessable(`the draw comes after the start, within ${GIVEAWAY_MAX_HOURS} hours`, {
      ...because('draw_out_of_range', { maxHours: GIVEAWAY_MAX_HOURS }),
      field: 'drawAt',
    });
  }
  const seed = randomBytes(32).toString('hex');
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('giveaways')
      .values({
        sessionId: session.id,
        sellerOrgId: session.sellerOrgId,
        createdBy,
        prizeTitle: body.prizeTitle,
        prizeValueFen: body.prizeValueFen,
        winnerCount: body.winnerCount,
        entryCondition: body.entryCondition,
        keyword: body.keyword ?? null,
        description: body.description,
        startsAt,
        drawAt,
        seed,
        seedCommitment: giveawaySeedCommitment(seed),
        algorithm: GIVEAWAY_ALGORITHM,
      })
      .returning(['id', 'seedCommitment'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: 'giveaway.created',
      organizationId: session.sellerOrgId,
      targetType: 'giveaway',
      targetId: row.id,
      details: {
        sessionId: session.id,
        prizeTitle: body.prizeTitle,
        prizeValueFen: body.prizeValueFen,
        winnerCount: body.winnerCount,
        entryCondition: body.entryCondition,
        drawAt: drawAt.toISOString(),
        seedCommitment: row.seedCommitment,
      },
    });
    return row.id;
  });
}
