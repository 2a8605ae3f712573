import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../support/app';
import { addStudio, admitSeller, openBase, signedInTenant } from '../support/bases';
import { createTestDatabase, type TestDatabase } from '../support/database';

// input-robustness.test.ts sends junk as a platform admin, whom these routes refuse at the door.
// Here an operator and an admitted seller send it, with real ids, so the junk reaches the handlers.

let database: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
});
afterAll(() => database.drop());

const JUNK_BODIES = [
  '{"name":"a\\u0000b","address":"x","district":"y","kind":"origin","capacity":3}',
  '{"note":"\\u0000"}',
  '{"equipment":["\\u0000"]}',
  '{"status":"admitted","note":"\\u0000"}',
  '{"startsAt":"2030-01-01T10:00:00+08:00","endsAt":"2030-01-01T11:00:00+08:00","purpose":"\\u0000"}',
  '{"startsAt":"2030-01-01T10:00:00+23:59","endsAt":"2030-01-01T11:00:00+23:59"}',
  '{"startsAt":"9999-12-31T22:00:00Z","endsAt":"9999-12-31T23:00:00Z"}',
  '{"status":"approved"}',
  '{"capacity":1e308}',
];
const JUNK_QUERIES = [
  '',
  '?weekStart=0001-01-01',
  '?weekStart=9999-12-31',
  '?district=%00',
  '?when=all&status=x',
];

describe('bases and bookings routes never answer 5xx to junk from their own callers', () => {
  it('for every operation under /api/bases and /api/bookings', async () => {
    const operator = await signedInTenant(app, database.db, 'cluster_operator', ['owner']);
    const seller = await signedInTenant(app, database.db, 'seller', ['owner']);
    const baseId = await openBase(app, operator.session);
    const studioId = await addStudio(app, operator.session, baseId);
    await admitSeller(app, operator.session, baseId, seller);
    const doc = (await call(app, 'GET', '/api/openapi.json')).json;
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/bases') || path.startsWith('/api/bookings'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ path, method: method.toUpperCase() })));
    expect(operations.length).toBeGreaterThanOrEqual(17);
    const failures: string[] = [];
    for (const { path, method } of operations) {
      const concrete = path
        .replace('{id}', baseId)
        .replace('{studioId}', studioId)
        .replace('{sellerOrgId}', seller.org.id);
      for (const session of [operator.session, seller.session]) {
        for (const rawBody of method === 'GET' ? [undefined] : JUNK_BODIES) {
          for (const query of JUNK_QUERIES) {
            const response = await call(app, method, `${concrete}${query}`, { session, rawBody });
            if (response.status >= 500)
              failures.push(`${method} ${concrete}${query} ${rawBody} -> ${response.status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
