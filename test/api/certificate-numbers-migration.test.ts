import { createMigrator, migrateToLatest } from '@jadelive/server/db/migrate';
import { migrations } from '@jadelive/server/db/migrations/index';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant } from '../support/fixtures';

// The migration after which only issued or confirmed certificates hold their (lab, number): what
// it makes of the registrations a lab refused before it, and that `down` restores the old rule.
const MIGRATION = '2026-12-06T05-47-certificate-numbers-held';
const names = Object.keys(migrations).sort();
const BEFORE = names[names.indexOf(MIGRATION) - 1] as string;

let database: TestDatabase;
let labOrgId: string;
let sellerOrgId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  labOrgId = (await createTenant(database.db, 'lab', ['owner'])).org.id;
  sellerOrgId = (await createTenant(database.db, 'seller', ['owner'])).org.id;
});
afterAll(() => database.drop());

async function migrateTo(name: string) {
  const { error } = await createMigrator(database.db).migrateTo(name);
  if (error) throw error;
}

/** A certificate as the old schema stored it, with the status history it went through. */
async function insertOld(number: string, history: string[]): Promise<string> {
  const status = history.at(-1) as string;
  const { rows } = await sql<{ id: string }>`
    insert into certificates (lab_org_id, number, holder_org_id, identification, material, treatment, issued_on, status)
    values (${labOrgId}, ${number}, ${sellerOrgId}, '翡翠（A货）手镯', '翡翠', 'natural', '2026-10-01', ${status})
    returning id`.execute(database.db);
  const id = rows[0]?.id as string;
  let from: string | null = null;
  for (const to of history) {
    await sql`insert into certificate_events (certificate_id, from_status, to_status, via)
      values (${id}, ${from}, ${to}, 'test')`.execute(database.db);
    from = to;
  }
  return id;
}

const insertVerified = (number: string) =>
  sql`insert into certificates (lab_org_id, number, holder_org_id, identification, material, treatment, issued_on, status)
    values (${labOrgId}, ${number}, ${sellerOrgId}, '翡翠（A货）手镯', '翡翠', 'natural', '2026-10-01', 'verified')`.execute(
    database.db,
  );

describe('certificate numbers migration', () => {
  it('a registration refused before it gives its number back; confirmed ones keep theirs; down restores one per number', async () => {
    await migrateTo(BEFORE);
    const refused = await insertOld('MIG-REFUSED', ['unverified', 'revoked']);
    const issued = await insertOld('MIG-ISSUED', ['verified']);
    const confirmedThenRevoked = await insertOld('MIG-REVOKED', ['unverified', 'verified', 'revoked']);

    await migrateToLatest(database.db);
    const { rows } = await sql<{ id: string; refused: boolean }>`
      select id, registration_refused as refused from certificates
      where id in (${refused}, ${issued}, ${confirmedThenRevoked})`.execute(database.db);
    const refusedOf = Object.fromEntries(rows.map((row) => [row.id, row.refused]));
    expect(refusedOf).toEqual({ [refused]: true, [issued]: false, [confirmedThenRevoked]: false });

    await expect(insertVerified('MIG-REFUSED')).resolves.toBeDefined();
    await expect(insertVerified('MIG-ISSUED')).rejects.toThrow(/certificates_lab_number_held/);
    await expect(insertVerified('MIG-REVOKED')).rejects.toThrow(/certificates_lab_number_held/);

    await migrateTo(BEFORE);
    const left = await sql<{ id: string; status: string }>`
      select id, status from certificates where number = 'MIG-REFUSED'`.execute(database.db);
    expect(left.rows).toEqual([{ id: expect.not.stringMatching(refused), status: 'verified' }]);
    await migrateToLatest(database.db);
  });
});
