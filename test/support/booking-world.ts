import { afterAll, beforeAll } from 'vitest';
import { call, createTestApp, type Session, type TestApp } from './app';
import { addStudio, admitSeller, openBase, signedInTenant } from './bases';
import { createTestDatabase, type TestDatabase } from './database';

export interface BookingSeller {
  org: { id: string; name: string };
  owner: Session;
  host: Session;
}

type Operator = { org: { id: string; name: string }; session: Session };

export interface BookingWorld {
  database: TestDatabase;
  app: TestApp;
  operator: Operator;
  baseId: string;
  sellerA: BookingSeller;
  sellerB: BookingSeller;
  signedInSeller(): Promise<BookingSeller>;
  signedInOperator(): Promise<Operator>;
  admit(seller: BookingSeller): ReturnType<typeof admitSeller>;
  newStudio(status?: 'available' | 'maintenance', base?: string, by?: Session): ReturnType<typeof addStudio>;
  book(session: Session, studioId: string, from: number, to: number, extra?: object): ReturnType<typeof call>;
  change(session: Session, bookingId: string, status: string): ReturnType<typeof call>;
}

/**
 * One base of an operator with two admitted sellers, set up before and dropped after the file's
 * tests; the helpers book and decide on its studios. Fields are filled in `beforeAll`.
 */
export function useBookingWorld(at: (hour: number) => string): BookingWorld {
  const world: BookingWorld = {
    database: undefined as unknown as TestDatabase,
    app: undefined as unknown as TestApp,
    operator: undefined as unknown as Operator,
    baseId: '',
    sellerA: undefined as unknown as BookingSeller,
    sellerB: undefined as unknown as BookingSeller,
    async signedInSeller(): Promise<BookingSeller> {
      const tenant = await signedInTenant(world.app, world.database.db, 'seller', ['owner', 'host']);
      return { org: tenant.org, owner: tenant.sessions.owner, host: tenant.sessions.host };
    },
    async signedInOperator(): Promise<Operator> {
      const tenant = await signedInTenant(world.app, world.database.db, 'cluster_operator', ['owner']);
      return { org: tenant.org, session: tenant.session };
    },
    admit: (seller: BookingSeller) =>
      admitSeller(world.app, world.operator.session, world.baseId, {
        org: seller.org,
        session: seller.owner,
      }),
    newStudio: (
      status: 'available' | 'maintenance' = 'available',
      base = world.baseId,
      by = world.operator.session,
    ) => addStudio(world.app, by, base, status),
    book: (session: Session, studioId: string, from: number, to: number, extra: object = {}) =>
      call(world.app, 'POST', `/api/bases/${world.baseId}/studios/${studioId}/bookings`, {
        session,
        body: { startsAt: at(from), endsAt: at(to), ...extra },
      }),
    change: (session: Session, bookingId: string, status: string) =>
      call(world.app, 'PATCH', `/api/bookings/${bookingId}`, { session, body: { status } }),
  };
  beforeAll(async () => {
    world.database = await createTestDatabase();
    world.app = createTestApp(world.database.db).app;
    world.operator = await world.signedInOperator();
    world.baseId = await openBase(world.app, world.operator.session, {
      name: '江津硒玉产地直播基地',
      address: '江津区几江街道',
      district: '江津区',
      kind: 'origin',
    });
    world.sellerA = await world.signedInSeller();
    world.sellerB = await world.signedInSeller();
    await world.admit(world.sellerA);
    await world.admit(world.sellerB);
  });
  afterAll(() => world.database.drop());
  return world;
}
