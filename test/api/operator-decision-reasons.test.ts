import { describe, expect, it } from 'vitest';
import { call, expectErrorShape, type Session } from '../support/app';
import { futureClock } from '../support/bases';
import { useBookingWorld } from '../support/booking-world';

const { at } = futureClock();
const w = useBookingWorld(at);

async function notificationsOf(session: Session) {
  const response = await call(w.app, 'GET', '/api/notifications', { session });
  expect(response.status).toBe(200);
  return response.json.notifications as { kind: string; details: Record<string, unknown> }[];
}

describe("operators' decisions carry a reason the seller is told", () => {
  it('rejecting a booking keeps the reason on it and notifies the seller; another seller hears nothing', async () => {
    const studioId = await w.newStudio();
    const booked = await w.book(w.sellerA.host, studioId, 0, 2);
    expect(booked.status).toBe(201);
    const rejected = await call(w.app, 'PATCH', `/api/bookings/${booked.json.id}`, {
      session: w.operator.session,
      body: { status: 'rejected', note: '该时段直播间设备检修' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.json).toMatchObject({ status: 'rejected', decisionNote: '该时段直播间设备检修' });

    const mine = await call(w.app, 'GET', '/api/bookings/mine?when=all', { session: w.sellerA.owner });
    expect(mine.json.bookings.find((b: { id: string }) => b.id === booked.json.id)).toMatchObject({
      decisionNote: '该时段直播间设备检修',
    });
    const told = (await notificationsOf(w.sellerA.owner)).filter((n) => n.kind === 'studio_booking_decided');
    expect(told).toHaveLength(1);
    expect(told[0]?.details).toMatchObject({
      status: 'rejected',
      note: '该时段直播间设备检修',
      baseName: '江津硒玉产地直播基地',
      startsAt: at(0),
    });
    expect(
      (await notificationsOf(w.sellerB.owner)).filter((n) => n.kind === 'studio_booking_decided'),
    ).toEqual([]);
  });

  it("a seller cancelling its own booking is not notified of its own act; the operator's approval without reason is", async () => {
    const studioId = await w.newStudio();
    const first = await w.book(w.sellerB.host, studioId, 3, 5);
    const before = (await notificationsOf(w.sellerB.owner)).length;
    expect((await w.change(w.sellerB.owner, first.json.id, 'cancelled')).status).toBe(200);
    expect((await notificationsOf(w.sellerB.owner)).length).toBe(before);

    const second = await w.book(w.sellerB.host, studioId, 6, 8);
    expect((await w.change(w.operator.session, second.json.id, 'approved')).status).toBe(200);
    const told = (await notificationsOf(w.sellerB.owner)).filter((n) => n.kind === 'studio_booking_decided');
    expect(told.at(0)?.details).toMatchObject({ status: 'approved', note: null });
  });

  it('admitting or rejecting a seller notifies it with the reason', async () => {
    const seller = await w.signedInSeller();
    const applied = await call(w.app, 'POST', `/api/bases/${w.baseId}/applications`, {
      session: seller.owner,
      body: { note: '大足石刻文创' },
    });
    expect(applied.status).toBe(201);
    const decided = await call(w.app, 'PATCH', `/api/bases/${w.baseId}/members/${seller.org.id}`, {
      session: w.operator.session,
      body: { status: 'rejected', note: '请先补充营业执照' },
    });
    expect(decided.status).toBe(200);
    const told = (await notificationsOf(seller.owner)).filter((n) => n.kind === 'base_membership_decided');
    expect(told).toHaveLength(1);
    expect(told[0]?.details).toMatchObject({ status: 'rejected', note: '请先补充营业执照' });
  });

  it('a reason over 500 characters is refused whole, and nothing changes', async () => {
    const studioId = await w.newStudio();
    const booked = await w.book(w.sellerA.host, studioId, 9, 10);
    const refused = await call(w.app, 'PATCH', `/api/bookings/${booked.json.id}`, {
      session: w.operator.session,
      body: { status: 'rejected', note: '理'.repeat(501) },
    });
    expect(refused.status).toBe(400);
    expectErrorShape(refused.json, 'VALIDATION_FAILED');
    const mine = await call(w.app, 'GET', '/api/bookings/mine', { session: w.sellerA.owner });
    expect(mine.json.bookings.find((b: { id: string }) => b.id === booked.json.id)?.status).toBe('requested');
  });
});
