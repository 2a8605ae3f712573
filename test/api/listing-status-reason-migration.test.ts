import { createMigrator, migrateToLatest } from '@jadelive/server/db/migrate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant } from '../support/fixtures';

// The migration that turned the listing's status-reason sentence into a kind and its facts: what
// it makes of the sentences the server used to write, and that `down` gives them back word for word.
const BEFORE = '2026-11-30T11-giveaway-broadcasts';

let database: TestDatabase;
let sellerOrgId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  sellerOrgId = (await createTenant(database.db, 'seller', ['owner'])).org.id;
});
afterAll(() => database.drop());

async function migrateTo(name: string) {
  const { error } = await createMigrator(database.db).migrateTo(name);
  if (error) throw error;
}

async function insertOldListing(statusReason: string | null): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into listings (seller_org_id, title, category, price_fen, stock, status, status_reason)
    values (${sellerOrgId}, '满绿翡翠手镯', 'jadeite', 100, 1, 'suspended', ${statusReason})
    returning id`.execute(database.db);
  return rows[0]?.id ?? '';
}

async function reasonColumns(id: string) {
  const { rows } = await sql<{ kind: string | null; details: unknown }>`
    select status_reason_kind as kind, status_reason_details as details from listings where id = ${id}`.execute(
    database.db,
  );
  return rows[0];
}

async function oldReason(id: string) {
  const { rows } = await sql<{ reason: string | null }>`
    select status_reason as reason from listings where id = ${id}`.execute(database.db);
  return rows[0]?.reason;
}

describe('listing status reason migration', () => {
  it('backfills kinds and facts from the old sentences, and down writes the same sentences back', async () => {
    await migrateTo(BEFORE);
    const cases = [
      {
        text: '证书已撤销：复检发现充填处理（红外光谱）',
        kind: 'certificate_revoked',
        details: { reason: '复检发现充填处理（红外光谱）' },
      },
      { text: '证书已撤销：', kind: 'certificate_revoked', details: { reason: '' } },
      {
        text: '就地检验结果（翡翠（处理）手镯）与证书 NGTC-1A2B3C4D（翡翠（A货）手镯）不符',
        kind: 'inspection_mismatch',
        details: {
          identification: '翡翠（处理）手镯',
          certificateNumber: 'NGTC-1A2B3C4D',
          certificateIdentification: '翡翠（A货）手镯',
        },
      },
      { text: '就地检验结果：待复核', kind: 'other', details: { text: '就地检验结果：待复核' } },
      { text: '平台人工下架，待补充材料', kind: 'other', details: { text: '平台人工下架，待补充材料' } },
    ];
    const ids = new Map<string, (typeof cases)[number]>();
    for (const entry of cases) ids.set(await insertOldListing(entry.text), entry);
    const withoutReason = await insertOldListing(null);
    const blank = await insertOldListing('  ');

    await migrateToLatest(database.db);
    for (const [id, entry] of ids) {
      expect(await reasonColumns(id), entry.text).toEqual({ kind: entry.kind, details: entry.details });
    }
    expect(await reasonColumns(withoutReason)).toEqual({ kind: null, details: null });
    expect(await reasonColumns(blank)).toEqual({ kind: null, details: null });

    await migrateTo(BEFORE);
    for (const [id, entry] of ids) expect(await oldReason(id)).toBe(entry.text);
    expect(await oldReason(withoutReason)).toBeNull();

    await migrateToLatest(database.db);
    for (const [id, entry] of ids) {
      expect(await reasonColumns(id), entry.text).toEqual({ kind: entry.kind, details: entry.details });
    }
  });

  it('refuses an unknown kind, a kind without facts and facts without a kind', async () => {
    const id = (
      await database.db
        .insertInto('listings')
        .values({
          sellerOrgId,
          title: '青白玉挂件',
          category: 'nephrite',
          priceFen: 100,
          stock: 1,
          status: 'draft',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    for (const values of [
      { statusReasonKind: 'price_too_low', statusReasonDetails: JSON.stringify({ text: 'x' }) },
      { statusReasonKind: 'other', statusReasonDetails: null },
      { statusReasonKind: null, statusReasonDetails: JSON.stringify({ text: 'x' }) },
      { statusReasonKind: 'other', statusReasonDetails: JSON.stringify(['x']) },
    ]) {
      await expect(
        database.db.updateTable('listings').set(values).where('id', '=', id).execute(),
        JSON.stringify(values),
      ).rejects.toThrow(/check constraint/);
    }
  });
});
