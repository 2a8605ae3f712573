import { entriesInLogOrder, entriesToSequence } from '@jadelive/server/features/audit/log-repository';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';

// The log's order is (transaction id, id) compared as numbers. The entry queries also select the
// transaction id as text under the same name, so an unqualified ORDER BY sorted '1000' before '999':
// on a fresh start, past transaction 999, audit:verify reported the log as reordered.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

describe('audit log order', () => {
  it('sorts transaction ids as numbers, not as text', async () => {
    const { db } = database;
    for (const xactId of ['1000', '999', '20', '100000']) {
      await sql`insert into audit_events (action, xact_id) values ('auth.login', ${xactId}::xid8)`.execute(
        db,
      );
    }
    const start = { xactId: '0', eventId: 0 };
    const numeric = ['20', '999', '1000', '100000'];
    const inLogOrder = await entriesInLogOrder(db, start, { xactId: '100000', eventId: 1_000_000 }, 10);
    expect(inLogOrder.map((entry) => entry.xactId)).toEqual(numeric);
    const toSequence = await entriesToSequence(db, start, null, 10);
    expect(toSequence.map((entry) => entry.xactId)).toEqual(numeric);
  });
});
