import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session, type TestApp } from '../support/app';
import {
  addStudio,
  admitSeller,
  futureClock,
  HOUR,
  inShanghai,
  openBase,
  signedInTenant,
} from '../support/bases';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let app: TestApp;

const { at, nextWednesdayMorning } = futureClock();

interface Seller {
  org: { id: string; name: string };
  owner: Session;
  host: Session;
}

let operator: { org: { id: string; name: string }; session: Session };
let baseId: string;
let sellerA: Seller;
let sellerB: Seller;

async function signedInSeller(): Promise<Seller> {
  const tenant = await signedInTenant(app, database.db, 'seller', ['owner', 'host']);
  return { org: tenant.org, owner: tenant.sessions.owner, host: tenant.sessions.host };
}

async function signedInOperator() {
  const tenant = await signedInTenant(app, database.db, 'cluster_operator', ['owner']);
  return { org: tenant.org, session: tenant.session };
}

const admit = (seller: Seller) =>
  admitSeller(app, operator.session, baseId, { org: seller.org, session: seller.owner });

const newStudio = (status: 'available' | 'maintenance' = 'available', base = baseId, by = operator.session) =>
  addStudio(app, by, base, status);

const book = (session: Session, studioId: string, from: number, to: number, extra: object = {}) =>
  call(app, 'POST', `/api/bases/${baseId}/studios/${studioId}/bookings`, {
    session,
    body: { startsAt: at(from), endsAt: at(to), ...extra },
  });

const change = (session: Session, bookingId: string, status: string) =>
  call(app, 'PATCH', `/api/bookings/${bookingId}`, { session, body: { status } });

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  operator = await signedInOperator();
  baseId = await openBase(app, operator.session, {
    name: '江津硒玉产地直播基地',
    address: '江津区几江街道',
    district: '江津区',
    kind: 'origin',
  });
  sellerA = await signedInSeller();
  sellerB = await signedInSeller();
  await admit(sellerA);
  await admit(sellerB);
});
afterAll(() => database.drop());

describe('week calendar', () => {
  it('the operator sees sellers and statuses; a member sees its own bookings and others only as busy', async () => {
    const studioId = await newStudio();
    const wednesday = nextWednesdayMorning();
    const mine = await book(sellerA.host, studioId, wednesday, wednesday + 2, { purpose: '翠玉专场' });
    const theirs = await book(sellerB.owner, studioId, wednesday + 3, wednesday + 5, { purpose: '秘密新品' });
    await change(operator.session, theirs.json.id, 'approved');
    const weekStart = inShanghai(at(wednesday)).slice(0, 10);
    const path = `/api/bases/${baseId}/calendar?weekStart=${weekStart}`;

    const asOperator = await call(app, 'GET', path, { session: operator.session });
    expect(asOperator.status).toBe(200);
    expect(asOperator.json).toMatchObject({ viewer: 'operator', timeZone: 'Asia/Shanghai' });
    const operatorSlots = asOperator.json.studios.find((s: { id: string }) => s.id === studioId).slots;
    expect(operatorSlots).toEqual([
      expect.objectContaining({
        bookingId: mine.json.id,
        status: 'requested',
        seller: { id: sellerA.org.id, name: sellerA.org.name },
      }),
      expect.objectContaining({ bookingId: theirs.json.id, status: 'approved', purpose: '秘密新品' }),
    ]);

    const asMember = await call(app, 'GET', path, { session: sellerA.host });
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
    expect(asMember.text).not.toContain(sellerB.org.name);
    expect(asMember.text).not.toContain(theirs.json.id);
  });

  it('weeks run Monday to Monday in Asia/Shanghai, whatever day is asked for', async () => {
    const studioId = await newStudio();
    const wednesday = nextWednesdayMorning();
    const booking = await book(sellerA.owner, studioId, wednesday, wednesday + 1);
    const day = inShanghai(at(wednesday)).slice(0, 10);
    const response = await call(
      app,
      'GET',
      `/api/bases/${baseId}/studios/${studioId}/calendar?weekStart=${day}`,
      {
        session: sellerA.owner,
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
      app,
      'GET',
      `/api/bases/${baseId}/studios/${studioId}/calendar?weekStart=${nextWeek}`,
      {
        session: sellerA.owner,
      },
    );
    expect(
      later.json.studios[0].slots.every((s: { bookingId: string }) => s.bookingId !== booking.json.id),
    ).toBe(true);
  });

  it('only the operator and admitted sellers read it', async () => {
    const outsider = await signedInSeller();
    const forbidden = await call(app, 'GET', `/api/bases/${baseId}/calendar`, { session: outsider.owner });
    expect(forbidden.status).toBe(403);
    const other = await signedInOperator();
    expect((await call(app, 'GET', `/api/bases/${baseId}/calendar`, { session: other.session })).status).toBe(
      404,
    );
    expect((await call(app, 'GET', `/api/bases/${baseId}/calendar`)).status).toBe(401);
    const badWeek = await call(app, 'GET', `/api/bases/${baseId}/calendar?weekStart=2026-02-30`, {
      session: operator.session,
    });
    expect(badWeek.status).toBe(400);
    const foreign = '00000000-0000-4000-8000-000000000000';
    const noStudio = await call(app, 'GET', `/api/bases/${baseId}/studios/${foreign}/calendar`, {
      session: operator.session,
    });
    expect(noStudio.status).toBe(404);
  });
});
