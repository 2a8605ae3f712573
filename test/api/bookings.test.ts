import { describe, expect, it } from 'vitest';
import { call, expectErrorShape } from '../support/app';
import { futureClock, inShanghai } from '../support/bases';
import { useBookingWorld } from '../support/booking-world';

const { at } = futureClock();

const w = useBookingWorld(at);

describe('bookings: happy paths', () => {
  it('a host books, the w.operator approves, both see it in their lists', async () => {
    const studioId = await w.newStudio();
    const created = await call(w.app, 'POST', `/api/bases/${w.baseId}/studios/${studioId}/bookings`, {
      session: w.sellerA.host,
      body: { startsAt: inShanghai(at(0)), endsAt: inShanghai(at(2)), purpose: '硒玉原石讲解' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      status: 'requested',
      startsAt: at(0),
      endsAt: at(2),
      purpose: '硒玉原石讲解',
      seller: { id: w.sellerA.org.id, name: w.sellerA.org.name },
      studio: { id: studioId },
      base: { id: w.baseId },
    });
    const approved = await w.change(w.operator.session, created.json.id, 'approved');
    expect(approved.status).toBe(200);
    expect(approved.json.status).toBe('approved');
    expect(approved.json.decidedAt).not.toBeNull();

    const mine = await call(w.app, 'GET', '/api/bookings/mine', { session: w.sellerA.owner });
    expect(mine.json.bookings.map((b: { id: string }) => b.id)).toContain(created.json.id);
    const others = await call(w.app, 'GET', '/api/bookings/mine', { session: w.sellerB.owner });
    expect(others.json.bookings.map((b: { id: string }) => b.id)).not.toContain(created.json.id);
    const queue = await call(w.app, 'GET', `/api/bases/${w.baseId}/bookings?status=approved`, {
      session: w.operator.session,
    });
    expect(queue.json.bookings.map((b: { id: string }) => b.id)).toContain(created.json.id);

    const audit = await w.database.db
      .selectFrom('auditEvents')
      .select(['action', 'organizationId'])
      .where('targetId', '=', created.json.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'studio_booking.requested', organizationId: w.sellerA.org.id },
      { action: 'studio_booking.approved', organizationId: w.operator.org.id },
    ]);
  });

  it('touching bookings both succeed; different studios never collide', async () => {
    const studioId = await w.newStudio();
    const otherStudio = await w.newStudio();
    expect((await w.book(w.sellerA.owner, studioId, 10, 12)).status).toBe(201);
    expect((await w.book(w.sellerB.owner, studioId, 12, 14)).status).toBe(201);
    expect((await w.book(w.sellerB.owner, studioId, 9, 10)).status).toBe(201);
    expect((await w.book(w.sellerB.owner, otherStudio, 10, 12)).status).toBe(201);
  });

  it('a cancelled or rejected booking frees its time', async () => {
    const studioId = await w.newStudio();
    const first = await w.book(w.sellerA.owner, studioId, 20, 22);
    expect((await w.book(w.sellerB.owner, studioId, 21, 23)).status).toBe(409);
    expect((await w.change(w.sellerA.host, first.json.id, 'cancelled')).json.status).toBe('cancelled');
    const second = await w.book(w.sellerB.owner, studioId, 21, 23);
    expect(second.status).toBe(201);
    expect((await w.change(w.operator.session, second.json.id, 'rejected')).json.status).toBe('rejected');
    expect((await w.book(w.sellerA.owner, studioId, 20, 23)).status).toBe(201);
  });
});

describe('bookings: concurrency', () => {
  it('ten overlapping requests for one studio at once: exactly one wins, nine get 409, nothing half-written', async () => {
    const studioId = await w.newStudio();
    const sessions = [w.sellerA.owner, w.sellerA.host, w.sellerB.owner, w.sellerB.host];
    // Every request covers hour 31; each starts a little differently so none is a mere duplicate.
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        w.book(sessions[i % sessions.length]!, studioId, 30 + i * 0.1, 32),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
    const winnerIndex = responses.findIndex((response) => response.status === 201);
    const winner = responses[winnerIndex]!;
    const sellerOf = (index: number) => (index % sessions.length < 2 ? w.sellerA : w.sellerB);
    responses.forEach((loser, index) => {
      if (loser.status !== 409) return;
      expectErrorShape(loser.json, 'CONFLICT');
      // The seller is named only to itself; another seller's booking stays anonymous.
      const own = sellerOf(index) === sellerOf(winnerIndex);
      expect(loser.json.error.details).toMatchObject({ reason: 'booking_overlap' });
      expect(loser.json.error.details.overlapping).toEqual([
        {
          startsAt: winner.json.startsAt,
          endsAt: winner.json.endsAt,
          bookedBy: own ? sellerOf(winnerIndex).org.name : null,
        },
      ]);
    });
    const stored = await w.database.db
      .selectFrom('studioBookings')
      .select('id')
      .where('studioId', '=', studioId)
      .execute();
    expect(stored.map((row) => row.id)).toEqual([winner.json.id]);
    const audited = await w.database.db
      .selectFrom('auditEvents')
      .select('targetId')
      .where('action', '=', 'studio_booking.requested')
      .where('details', '@>', JSON.stringify({ studioId }))
      .execute();
    expect(audited.map((row) => row.targetId)).toEqual([winner.json.id]);
  });
});

describe('bookings: errors', () => {
  it('refuses bad datetimes with 400', async () => {
    const studioId = await w.newStudio();
    const bodies = [
      { startsAt: 'tomorrow', endsAt: at(2) },
      { startsAt: at(0).slice(0, 19), endsAt: at(2).slice(0, 19) },
      { startsAt: at(2), endsAt: at(0) },
      { startsAt: at(0), endsAt: at(0) },
      { startsAt: at(0), endsAt: at(0.2) },
      { startsAt: at(0), endsAt: at(13) },
      { startsAt: at(0), endsAt: at(1), seller: w.sellerB.org.id },
      { startsAt: at(0) },
      { startsAt: '2030-01-01T10:00:00+23:59', endsAt: '2030-01-01T11:00:00+23:59' },
    ];
    for (const body of bodies) {
      const response = await call(w.app, 'POST', `/api/bases/${w.baseId}/studios/${studioId}/bookings`, {
        session: w.sellerA.owner,
        body,
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expectErrorShape(response.json, 'VALIDATION_FAILED');
    }
    const none = await w.database.db
      .selectFrom('studioBookings')
      .select('id')
      .where('studioId', '=', studioId)
      .execute();
    expect(none).toEqual([]);
  });

  it('refuses the past, the far future and studios out of service with 422', async () => {
    const studioId = await w.newStudio();
    const past = await w.book(w.sellerA.owner, studioId, -60, -59);
    expect(past.status).toBe(422);
    expectErrorShape(past.json, 'UNPROCESSABLE');
    expect((await w.book(w.sellerA.owner, studioId, 24 * 200, 24 * 200 + 1)).status).toBe(422);
    const closed = await w.newStudio('maintenance');
    expect((await w.book(w.sellerA.owner, closed, 0, 1)).status).toBe(422);
  });

  it('refuses changes the workflow does not allow', async () => {
    const studioId = await w.newStudio();
    const booking = await w.book(w.sellerA.owner, studioId, 40, 41);
    const selfApproved = await w.change(w.sellerA.owner, booking.json.id, 'approved');
    expect(selfApproved.status).toBe(403);
    expectErrorShape(selfApproved.json, 'FORBIDDEN');
    await w.change(w.sellerA.owner, booking.json.id, 'cancelled');
    const approveCancelled = await w.change(w.operator.session, booking.json.id, 'approved');
    expect(approveCancelled.status).toBe(409);
    expect(approveCancelled.json.error.details).toEqual({
      reason: 'invalid_transition',
      from: 'cancelled',
      to: 'approved',
      allowed: [],
    });
    expect((await w.change(w.sellerA.owner, booking.json.id, 'cancelled')).status).toBe(409);
    expect((await w.change(w.operator.session, booking.json.id, 'requested')).status).toBe(400);
  });

  it('a studio with bookings still to come cannot be retired', async () => {
    const studioId = await w.newStudio();
    await w.book(w.sellerA.owner, studioId, 50, 51);
    const retire = await call(w.app, 'PATCH', `/api/bases/${w.baseId}/studios/${studioId}`, {
      session: w.operator.session,
      body: { status: 'retired' },
    });
    expect(retire.status).toBe(409);
    expect(retire.json.error.details).toEqual({
      reason: 'studio_has_open_bookings',
      count: 1,
      openBookings: 1,
    });
  });
});

describe('bookings: who may', () => {
  it('sellers not admitted to the base get 403 (applied, suspended, never applied)', async () => {
    // The base and its studios are public, so hiding them behind 404 would protect nothing; 403
    // tells the seller what to do next: apply, or talk to the w.operator.
    const studioId = await w.newStudio();
    const applicant = await w.signedInSeller();
    await call(w.app, 'POST', `/api/bases/${w.baseId}/applications`, { session: applicant.owner, body: {} });
    const suspended = await w.signedInSeller();
    await w.admit(suspended);
    await call(w.app, 'PATCH', `/api/bases/${w.baseId}/members/${suspended.org.id}`, {
      session: w.operator.session,
      body: { status: 'suspended' },
    });
    const stranger = await w.signedInSeller();
    for (const seller of [applicant, suspended, stranger]) {
      const response = await w.book(seller.host, studioId, 60, 61);
      expect(response.status).toBe(403);
      expectErrorShape(response.json, 'FORBIDDEN');
    }
    const other = await w.signedInOperator();
    expect((await w.book(other.session, studioId, 60, 61)).status).toBe(403);
  });

  it('a studio of another base answers 404', async () => {
    const other = await w.signedInOperator();
    const otherBase = await call(w.app, 'POST', '/api/bases', {
      session: other.session,
      body: {
        name: '大足石刻文创直播基地',
        address: '大足区宝顶镇',
        district: '大足区',
        kind: 'cultural_creative',
      },
    });
    const foreignStudio = await w.newStudio('available', otherBase.json.id, other.session);
    const response = await w.book(w.sellerA.owner, foreignStudio, 70, 71);
    expect(response.status).toBe(404);
    expectErrorShape(response.json, 'NOT_FOUND');
  });

  it('another seller cannot cancel my booking, another w.operator cannot approve it: 404, nothing changes', async () => {
    const studioId = await w.newStudio();
    const booking = await w.book(w.sellerA.owner, studioId, 80, 81);
    const bySeller = await w.change(w.sellerB.owner, booking.json.id, 'cancelled');
    expect(bySeller.status).toBe(404);
    expectErrorShape(bySeller.json, 'NOT_FOUND');
    const other = await w.signedInOperator();
    expect((await w.change(other.session, booking.json.id, 'approved')).status).toBe(404);
    expect((await w.change(other.session, booking.json.id, 'cancelled')).status).toBe(404);
    const stored = await w.database.db
      .selectFrom('studioBookings')
      .select('status')
      .where('id', '=', booking.json.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('requested');
  });

  it('suspending a seller cancels its bookings on the base that have not ended', async () => {
    const studioId = await w.newStudio();
    const seller = await w.signedInSeller();
    await w.admit(seller);
    const kept = await w.book(w.sellerA.owner, studioId, 90, 91);
    const first = await w.book(seller.host, studioId, 91, 92);
    const second = await w.book(seller.owner, studioId, 92, 93);
    await w.change(w.operator.session, first.json.id, 'approved');
    const suspended = await call(w.app, 'PATCH', `/api/bases/${w.baseId}/members/${seller.org.id}`, {
      session: w.operator.session,
      body: { status: 'suspended', note: '违规宣传' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.json.cancelledBookings).toBe(2);
    const statuses = await w.database.db
      .selectFrom('studioBookings')
      .select(['id', 'status'])
      .where('id', 'in', [kept.json.id, first.json.id, second.json.id])
      .execute();
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      [kept.json.id]: 'requested',
      [first.json.id]: 'cancelled',
      [second.json.id]: 'cancelled',
    });
  });
});
