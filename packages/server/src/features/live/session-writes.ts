import type { CreateLiveSessionBody } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { because, unprocessable } from '../../http/errors';
import { requestAuditFields } from '../audit/request-context';
import { requireOwnImages } from '../images/repository';
import { notifySessionLive } from '../reminders/notify';
import { auditSession } from './audit';

const HOST_ROLES = ['host', 'owner', 'admin'];

/** Refuses (422) anything in the body that is not the seller's own: hosts, image, booking, listings. */
export async function checkSessionInputs(
  db: Database,
  sellerOrgId: string,
  body: Pick<CreateLiveSessionBody, 'hostUserIds' | 'coverImageId' | 'studioBookingId'> & {
    listingIds?: string[];
  },
) {
  const hostIds = [...new Set(body.hostUserIds)];
  const hosts = await db
    .selectFrom('users')
    .select('id')
    .where('organizationId', '=', sellerOrgId)
    .where('role', 'in', HOST_ROLES)
    .where('disabledAt', 'is', null)
    .where('id', 'in', hostIds)
    .execute();
  if (hosts.length !== hostIds.length) {
    throw unprocessable('hosts must be members of your organisation with role host, owner or admin', {
      ...because('hosts_not_members'),
      unknown: hostIds.filter((id) => !hosts.some((host) => host.id === id)),
    });
  }
  if (body.coverImageId) await requireOwnImages(db, sellerOrgId, [body.coverImageId], 'coverImageId');
  if (body.studioBookingId) {
    const booking = await db
      .selectFrom('studioBookings')
      .select('id')
      .where('id', '=', body.studioBookingId)
      .where('sellerOrgId', '=', sellerOrgId)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (!booking) {
      throw unprocessable(
        'studio booking not found among your approved bookings',
        because('booking_not_found'),
      );
    }
  }
  if (body.listingIds) await checkLineup(db, sellerOrgId, body.listingIds);
}

async function checkLineup(db: Database, sellerOrgId: string, listingIds: string[]) {
  if (new Set(listingIds).size !== listingIds.length)
    throw unprocessable('a listing appears twice in the lineup', because('lineup_duplicate'));
  if (listingIds.length === 0) return;
  const found = await db
    .selectFrom('listings')
    .select('id')
    .where('sellerOrgId', '=', sellerOrgId)
    .where('status', '=', 'published')
    .where('id', 'in', listingIds)
    .execute();
  if (found.length !== listingIds.length) {
    throw unprocessable('the lineup may only hold your published listings', {
      ...because('lineup_unpublished'),
      notPublished: listingIds.filter((id) => !found.some((row) => row.id === id)),
    });
  }
}

export async function insertSession(
  db: Database,
  sellerOrgId: string,
  createdBy: string,
  body: CreateLiveSessionBody,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('liveSessions')
      .values({
        sellerOrgId,
        title: body.title,
        coverImageId: body.coverImageId ?? null,
        plannedStartAt: body.plannedStartAt,
        studioBookingId: body.studioBookingId ?? null,
        createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('liveSessionHosts')
      .values([...new Set(body.hostUserIds)].map((userId) => ({ sessionId: id, userId })))
      .execute();
    await writeLineup(trx, id, body.listingIds);
    await trx.insertInto('liveSessionStats').values({ sessionId: id }).execute();
    await auditSession(trx, { id, sellerOrgId }, 'live_session.created', {
      title: body.title,
      plannedStartAt: body.plannedStartAt,
      hostUserIds: [...new Set(body.hostUserIds)],
      listingIds: body.listingIds,
      studioBookingId: body.studioBookingId ?? null,
    });
    return id;
  });
}

async function writeLineup(db: Database, sessionId: string, listingIds: string[]) {
  await db.deleteFrom('liveSessionLineup').where('sessionId', '=', sessionId).execute();
  if (listingIds.length === 0) return;
  await db
    .insertInto('liveSessionLineup')
    .values(listingIds.map((listingId, position) => ({ sessionId, listingId, position })))
    .execute();
}

export async function replaceLineup(
  db: Database,
  sellerOrgId: string,
  sessionId: string,
  listingIds: string[],
) {
  await checkLineup(db, sellerOrgId, listingIds);
  await db.transaction().execute(async (trx) => {
    await writeLineup(trx, sessionId, listingIds);
    // A pinned listing taken out of the lineup is unpinned with it.
    await trx
      .updateTable('liveSessions')
      .set({ pinnedListingId: null })
      .where('id', '=', sessionId)
      .where((eb) =>
        listingIds.length === 0 ? eb.lit(true) : eb.not(eb('pinnedListingId', 'in', listingIds)),
      )
      .execute();
    await auditSession(trx, { id: sessionId, sellerOrgId }, 'live_session.lineup_changed', { listingIds });
  });
}

/** Pins a listing of the lineup: the session's card, its pin history and its pin count move together. */
export async function pinListing(db: Database, session: SessionRef, listingId: string, pinnedBy: string) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('liveSessions')
      .set({ pinnedListingId: listingId })
      .where('id', '=', session.id)
      .execute();
    await closePinEvents(trx, session.id);
    await trx.insertInto('livePinEvents').values({ sessionId: session.id, listingId, pinnedBy }).execute();
    await trx
      .updateTable('liveSessionStats')
      .set((eb) => ({ pinCount: eb('pinCount', '+', 1) }))
      .where('sessionId', '=', session.id)
      .execute();
    await auditSession(trx, session, 'live_session.pinned', { listingId });
  });
}

export async function unpinListing(db: Database, session: SessionRef) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('liveSessions')
      .set({ pinnedListingId: null })
      .where('id', '=', session.id)
      .execute();
    await closePinEvents(trx, session.id);
    await auditSession(trx, session, 'live_session.unpinned', {
      listingId: session.pinnedListingId ?? null,
    });
  });
}

/** Ends the open pin of a session in its history (unpinned, replaced, or the session over). */
export async function closePinEvents(db: Database, sessionId: string) {
  await db
    .updateTable('livePinEvents')
    .set({ unpinnedAt: sql`now()` })
    .where('sessionId', '=', sessionId)
    .where('unpinnedAt', 'is', null)
    .execute();
}

type SessionRef = { id: string; sellerOrgId: string; pinnedListingId?: string | null };

type Transition = 'start' | 'end' | 'cancel';

const TRANSITIONS: Record<Transition, { from: string[]; to: string }> = {
  start: { from: ['scheduled'], to: 'live' },
  end: { from: ['live'], to: 'ended' },
  cancel: { from: ['scheduled'], to: 'cancelled' },
};

/**
 * Moves the session if it is in a state that allows it; false when it was not (→ 409). Going live
 * (by the host, a webhook or reconciliation: all come here) tells its reminded buyers and its
 * shop's followers in the same transaction, so the move and the news happen together, once; every
 * move writes its audit entry in that transaction too.
 */
export async function transition(
  db: Database,
  sessionId: string,
  step: Transition,
  at: Date | null = null,
): Promise<boolean> {
  if (db.isTransaction) return move(db, sessionId, step, at);
  return db.transaction().execute((trx) => move(trx, sessionId, step, at));
}

async function move(db: Database, sessionId: string, step: Transition, at: Date | null) {
  const { from, to } = TRANSITIONS[step];
  const when = at ?? sql<Date>`now()`;
  const row = await db
    .updateTable('liveSessions')
    .set(
      step === 'start'
        ? { status: to, startedAt: when }
        : step === 'end'
          ? { status: to, endedAt: when, pinnedListingId: null }
          : { status: to, cancelledAt: when, pinnedListingId: null },
    )
    .where('id', '=', sessionId)
    .where('status', 'in', from)
    .returning(['id', 'sellerOrgId'])
    .executeTakeFirst();
  if (!row) return false;
  if (step === 'start') await notifySessionLive(db, sessionId);
  await auditSession(db, row, AUDIT_ACTION[step], { to, by: movedBy(row.sellerOrgId) });
  return true;
}

const AUDIT_ACTION = {
  start: 'live_session.started',
  end: 'live_session.ended',
  cancel: 'live_session.cancelled',
} as const;

/**
 * Who moved the session: its seller, another organisation (a base operator ending it by force), or
 * the system (a LiveKit webhook, reconciliation), which acts outside any caller's request.
 */
function movedBy(sellerOrgId: string): 'seller' | 'operator' | 'system' {
  const request = requestAuditFields();
  if (!request || (request.actorUserId === null && request.actorTokenId === null)) return 'system';
  return request.organizationId === sellerOrgId ? 'seller' : 'operator';
}
