import { createMigrator, migrateToLatest } from '@jadelive/server/db/migrate';
import { migrations } from '@jadelive/server/db/migrations/index';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant } from '../support/fixtures';
import { createCertificate, createListing } from '../support/live';

// The migration that turned a flag's free-text speaker into a kind, a user and a name, and gave
// stored facts their names: what it makes of the rows written before, and that `down` gives the
// old speaker strings back.
const MIGRATION = '2026-12-07T03-10-flag-speakers';
const names = Object.keys(migrations).sort();
const BEFORE = names[names.indexOf(MIGRATION) - 1] ?? '';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function migrateTo(name: string) {
  const { error } = await createMigrator(database.db).migrateTo(name);
  if (error) throw error;
}

async function insertOldFlag(row: {
  source: string;
  sellerOrgId: string;
  listingId: string | null;
  speaker: string | null;
  facts: unknown;
}): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into compliance_flags (source, seller_org_id, listing_id, speaker, text, category, rule_id,
      severity, start_offset, end_offset, basis, message, suggestion, facts, rule_set_version, said_at)
    values (${row.source}, ${row.sellerOrgId}, ${row.listingId}, ${row.speaker}, '这是A货', 'false_treatment',
      'r', 'block', 0, 4, '广告法第28条', '{}', '{}', ${JSON.stringify(row.facts)}, 'v1', now())
    returning id`.execute(database.db);
  return rows[0]?.id ?? '';
}

async function speakerColumns(id: string) {
  const { rows } = await sql<{ kind: string; userId: string | null; name: string | null; facts: any }>`
    select speaker_kind as kind, speaker_user_id as "userId", speaker_name as name, facts
    from compliance_flags where id = ${id}`.execute(database.db);
  return rows[0];
}

describe('flag speakers migration', () => {
  it('backfills kinds, users, names and named facts, and down writes the old speakers back', async () => {
    expect(BEFORE).not.toBe('');
    await migrateTo(BEFORE);
    const seller = await createTenant(database.db, 'seller', ['owner', 'host', 'staff']);
    const lab = await createTenant(database.db, 'lab', ['owner'], { name: '国检重庆站' });
    const certificate = await createCertificate(database.db, seller.org.id);
    await sql`update certificates set lab_org_id = ${lab.org.id}, external_lab_name = null where id = ${certificate.id}`.execute(
      database.db,
    );
    const listing = await createListing(database.db, seller.org.id, {
      certificateId: certificate.id,
      title: '冰种飘花手镯',
    });
    const viewer = (await createTenant(database.db, 'seller', ['owner'])).members.owner;
    await sql`update users set display_name = '翡翠迷小王' where id = ${viewer.id}`.execute(database.db);
    const contextFacts = {
      certificate: { identification: '翡翠（A货）手镯' },
      listing: { priceFen: 100, stock: 1, soldCount: 0 },
    };
    const ids = {
      viewer: await insertOldFlag({
        source: 'chat',
        sellerOrgId: seller.org.id,
        listingId: null,
        speaker: `viewer:${viewer.id}`,
        facts: {},
      }),
      host: await insertOldFlag({
        source: 'chat',
        sellerOrgId: seller.org.id,
        listingId: listing.id,
        speaker: `host:${seller.members.host.id}`,
        facts: contextFacts,
      }),
      cohost: await insertOldFlag({
        source: 'chat',
        sellerOrgId: seller.org.id,
        listingId: listing.id,
        speaker: `cohost:${seller.members.staff.id}`,
        facts: contextFacts,
      }),
      caption: await insertOldFlag({
        source: 'caption',
        sellerOrgId: seller.org.id,
        listingId: listing.id,
        speaker: '主播',
        facts: contextFacts,
      }),
      inspection: await insertOldFlag({
        source: 'inspection',
        sellerOrgId: seller.org.id,
        listingId: listing.id,
        speaker: null,
        facts: {
          certificate: { identification: '翡翠（A货）手镯' },
          inspection: {
            labOrgId: lab.org.id,
            certificateId: certificate.id,
            identification: '翡翠（处理）手镯',
          },
        },
      }),
    };

    await migrateTo(MIGRATION);
    expect(await speakerColumns(ids.viewer)).toMatchObject({
      kind: 'viewer',
      userId: viewer.id,
      name: '翡翠迷小王',
    });
    expect(await speakerColumns(ids.host)).toMatchObject({
      kind: 'host',
      userId: seller.members.host.id,
      name: `host ${seller.members.host.email.split('.')[1]?.split('@')[0]}`,
    });
    expect(await speakerColumns(ids.cohost)).toMatchObject({
      kind: 'co_host',
      userId: seller.members.staff.id,
    });
    expect(await speakerColumns(ids.caption)).toMatchObject({
      kind: 'caption_feed',
      userId: null,
      name: '主播',
    });
    const inspection = await speakerColumns(ids.inspection);
    expect(inspection).toMatchObject({ kind: 'listing_text', userId: null, name: null });
    expect(inspection?.facts.certificate).toEqual({
      identification: '翡翠（A货）手镯',
      number: certificate.number,
      labName: '国检重庆站',
    });
    expect(inspection?.facts.inspection.labName).toBe('国检重庆站');
    const host = await speakerColumns(ids.host);
    expect(host?.facts.listing).toEqual({
      priceFen: 100,
      stock: 1,
      soldCount: 0,
      id: listing.id,
      title: '冰种飘花手镯',
    });
    expect(host?.facts.certificate.number).toBe(certificate.number);

    await migrateTo(BEFORE);
    const { rows } = await sql<{ id: string; speaker: string | null }>`
      select id, speaker from compliance_flags`.execute(database.db);
    const speakers = Object.fromEntries(rows.map((row) => [row.id, row.speaker]));
    expect(speakers[ids.viewer]).toBe(`viewer:${viewer.id}`);
    expect(speakers[ids.host]).toBe(`host:${seller.members.host.id}`);
    expect(speakers[ids.cohost]).toBe(`cohost:${seller.members.staff.id}`);
    expect(speakers[ids.caption]).toBe('主播');
    expect(speakers[ids.inspection]).toBeNull();
    await migrateToLatest(database.db);
  });
});
