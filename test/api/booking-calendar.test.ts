import { describe, expect, it } from 'vitest';
import { call } from '../support/app';
import { futureClock, HOUR, inShanghai } from '../support/bases';
import { useBookingWorld } from '../support/booking-world';

const { at, nextWednesdayMorning } = futureClock();

const w = useBookingWorld(at);

describe('week calendar', () => {
  it('the w.operator sees sellers and statuses; a member sees its own bookings and others only as busy', async () => {
    const studioId = await w.newStudio();
    const wednesday = nextWednesdayMorning();
    const mine = await w.book(w.sellerA.host, studioId, wednesday, wednesday + 2, { purpose: '翠玉专场' });
    const theirs = await w.book(w.sellerB.owner, studioId, wednesday + 3, wednesday + 5, {
      purpose: '秘密新品',
    });
    await w.change(w.operator.session, theirs.json.id, 'approved');
    const weekStart = inShanghai(at(wednesday)).slice(0, 10);
    const path = `/api/bases/${w.baseId}/calendar?weekStart=${weekStart}`;

    const asOperator = await call(w.app, 'GET', path, { session: w.operator.session });
    expect(asOperator.status).toBe(200);
    expect(asOperator.json).toMatchObject({ viewer: 'operator', timeZone: 'Asia/Shanghai' });
    const operatorSlots = asOperator.json.studios.find((s: { id: string }) => s.id === studioId).slots;
    expect(operatorSlots).toEqual([
      expect.objectContaining({
        bookingId: mine.json.id,
        status: 'requested',
        seller: { id: w.sellerA.org.id, name: w.sellerA.org.name },
      }),
      expect.objectContaining({ bookingId: theirs.json.id, status: 'approved', purpose: '秘密新品' }),
    ]);

    const asMember = await call(w.app, 'GET', path, { session: w.sellerA.host });
    expect(asMember.status).toBe(200);
    expect(asMember.json.viewer).toBe('member');
    const memberSlots = asMember.json.studios.find((s: { id: string }) => s.id === studioId).slots;
    expect(memberSlots).toEqual([
      { ...operatorSlots[0], mine: true },
      {
        bookingId: null,
        startsAt: at(wednesday + 3),
        endsAt: at(wednesday + 5),
        status: 'busy',
        seller: null,
        purpose: null,
        mine: false,
      },
    ]);
    expect(asMember.text).not.toContain(w.sellerB.org.name);
    expect(asMember.text).not.toContain(theirs.json.id);
  });

  it('weeks run Monday to Monday in Asia/Shanghai, whatever day is asked for', async () => {
    const studioId = await w.newStudio();
    const wednesday = nextWednesdayMorning();
    const booking = await w.book(w.sellerA.owner, studioId, wednesday, wednesday + 1);
    const day = inShanghai(at(wednesday)).slice(0, 10);
    const response = await call(
      w.app,
      'GET',
      `/api/bases/${w.baseId}/studios/${studioId}/calendar?weekStart=${day}`,
      {
        session: w.sellerA.owner,
      },
    );
    expect(response.status).toBe(200);
    const { weekStart, from, to } = response.json;
    expect(new Date(`${weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(from).toBe(new Date(`${weekStart}T00:00:00+08:00`).toISOString());
    expect(Date.parse(to) - Date.parse(from)).toBe(7 * 24 * HOUR);
    expect(Date.parse(day) - Date.parse(weekStart)).toBe(2 * 24 * HOUR);
    expect(response.json.studios).toHaveLength(1);
    expect(response.json.studios[0].slots.map((s: { bookingId: string }) => s.bookingId)).toEqual([
      booking.json.id,
    ]);

    const nextWeek = new Date(Date.parse(`${weekStart}T00:00:00Z`) + 7 * 24 * HOUR)
      .toISOString()
      .slice(0, 10);
    const later = await call(
      w.app,
      'GET',
      `/api/bases/${w.baseId}/studios/${studioId}/calendar?weekStart=${nextWeek}`,
      {
        session: w.sellerA.owner,
      },
    );
    expect(
      later.json.studios[0].slots.every((s: { bookingId: string }) => s.bookingId !== booking.json.id),
    ).toBe(true);
  });

  it('only the w.operator and admitted sellers read it', async () => {
    const outsider = await w.signedInSeller();
    const forbidden = await call(w.app, 'GET', `/api/bases/${w.baseId}/calendar`, {
      session: outsider.owner,
    });
    expect(forbidden.status).toBe(403);
    const other = await w.signedInOperator();
    expect(
      (await call(w.app, 'GET', `/api/bases/${w.baseId}/calendar`, { session: other.session })).status,
    ).toBe(404);
    expect((await call(w.app, 'GET', `/api/bases/${w.baseId}/calendar`)).status).toBe(401);
    const badWeek = await call(w.app, 'GET', `/api/bases/${w.baseId}/calendar?weekStart=2026-02-30`, {
      session: w.operator.session,
    });
    expect(badWeek.status).toBe(400);
    const foreign = '00000000-0000-4000-8000-000000000000';
    const noStudio = await call(w.app, 'GET', `/api/bases/${w.baseId}/studios/${foreign}/calendar`, {
      session: w.operator.session,
    });
    expect(noStudio.status).toBe(404);
  });
});
