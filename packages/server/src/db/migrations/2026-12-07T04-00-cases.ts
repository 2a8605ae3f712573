import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Regulators' casework (市场监管 案件): a case is opened from leads (compliance flags, escalated
// complaints, the regulator's own observations) against one seller and walks 核查 → 立案 (approved by
// a second officer) → 调查取证 → 责令改正 → 告知 → 处罚决定 → 送达 → 公示 → 结案, or ends without a
// case (不予立案 / 销案). Every step is a case event (who, when, why). The documents a case addresses
// to the seller (责令改正通知书, 行政处罚告知书, 行政处罚决定书) carry a read receipt and the seller's
// answers, which officers accept or reject. Document numbers count per regulator, series and year.

const STEPS = [
  'checking',
  'filing_pending',
  'filed',
  'investigating',
  'rectification',
  'notification',
  'decision',
  'delivery',
  'publication',
  'closed',
  'dropped',
];
const SUBJECT_KINDS = ['flag', 'complaint', 'observation', 'listing', 'session', 'order'];
const DOCUMENT_KINDS = ['rectification', 'penalty_notice', 'decision'];

const inList = (column: string, values: string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('regulator_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('seller_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('number', 'text')
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('step', 'text', (col) => col.notNull().defaultTo('checking').check(inList('step', STEPS)))
    .addColumn('opened_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('opened_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('filing_requested_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('filing_requested_at', 'timestamptz')
    .addColumn('filed_at', 'timestamptz')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closure_kind', 'text', (col) =>
      col.check(inList('closure_kind', ['closed', 'not_filed', 'withdrawn'])),
    )
    .addColumn('closure_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'cases_filing_request_pending',
      sql`(step = 'filing_pending') = (filing_requested_by is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('cases_regulator_idx')
    .on('cases')
    .columns(['regulator_org_id', 'updated_at'])
    .execute();
  await db.schema.createIndex('cases_seller_idx').on('cases').column('seller_org_id').execute();
  await db.schema
    .createIndex('cases_number_unique')
    .on('cases')
    .columns(['regulator_org_id', 'number'])
    .unique()
    .execute();

  await db.schema
    .createTable('case_observations')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('regulator_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('seller_org_id', 'uuid', (col) => col.references('organizations.id'))
    .addColumn('note', 'text', (col) => col.notNull())
    .addColumn('image_ids', sql`uuid[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('session_id', 'uuid', (col) => col.references('live_sessions.id'))
    .addColumn('listing_id', 'uuid', (col) => col.references('listings.id'))
    .addColumn('url', 'text')
    .addColumn('recorded_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('observed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('case_observations_regulator_idx')
    .on('case_observations')
    .columns(['regulator_org_id', 'observed_at'])
    .execute();

  // What a case points at. Complaints are referenced by id only: they belong to another feature.
  await db.schema
    .createTable('case_subjects')
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(inList('kind', SUBJECT_KINDS)))
    .addColumn('subject_id', 'uuid', (col) => col.notNull())
    .addColumn('added_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('added_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('case_subjects_pk', ['case_id', 'kind', 'subject_id'])
    .execute();
  // A lead belongs to one case at a time: two officers opening cases from one flag get one case.
  await db.schema
    .createIndex('case_subjects_lead_once')
    .on('case_subjects')
    .columns(['kind', 'subject_id'])
    .unique()
    .where(sql.ref('kind'), 'in', ['flag', 'complaint', 'observation'])
    .execute();
  await db.schema
    .createIndex('case_subjects_subject_idx')
    .on('case_subjects')
    .columns(['kind', 'subject_id'])
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('from_step', 'text')
    .addColumn('to_step', 'text')
    .addColumn('actor_user_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('actor_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('reason', 'text')
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('case_events_case_idx').on('case_events').columns(['case_id', 'id']).execute();

  await db.schema
    .createTable('case_documents')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('cases.id'))
    .addColumn('kind', 'text', (col) => col.notNull().check(inList('kind', DOCUMENT_KINDS)))
    .addColumn('number', 'text', (col) => col.notNull())
    .addColumn('issuing_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('seller_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('facts', 'text', (col) => col.notNull())
    .addColumn('legal_basis', sql`text[]`, (col) => col.notNull())
    .addColumn('items', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('penalty', 'text')
    .addColumn('fine_fen', 'bigint', (col) => col.check(sql`fine_fen >= 0`))
    .addColumn('due_on', 'date')
    .addColumn('issued_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('issued_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('first_read_at', 'timestamptz')
    .addColumn('first_read_by', 'uuid', (col) => col.references('users.id'))
    .addUniqueConstraint('case_documents_number_unique', ['issuing_org_id', 'number'])
    .execute();
  await db.schema.createIndex('case_documents_case_idx').on('case_documents').column('case_id').execute();
  await db.schema
    .createIndex('case_documents_seller_idx')
    .on('case_documents')
    .columns(['seller_org_id', 'issued_at'])
    .execute();

  await db.schema
    .createTable('case_document_responses')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('document_id', 'uuid', (col) => col.notNull().references('case_documents.id'))
    .addColumn('statement', 'text', (col) => col.notNull())
    .addColumn('listing_id', 'uuid', (col) => col.references('listings.id'))
    .addColumn('image_ids', sql`uuid[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('hearing_requested', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('responded_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('responded_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('review', 'text', (col) => col.check(inList('review', ['accepted', 'rejected'])))
    .addColumn('review_reason', 'text')
    .addColumn('reviewed_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .execute();
  // One answer waits at a time: two clicks of the party's submit button store one.
  await db.schema
    .createIndex('case_document_responses_one_pending')
    .on('case_document_responses')
    .column('document_id')
    .unique()
    .where(sql.ref('review'), 'is', null)
    .execute();

  await db.schema
    .createTable('regulator_document_counters')
    .addColumn('org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('series', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('last', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('regulator_document_counters_pk', ['org_id', 'series', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('regulator_document_counters').execute();
  await db.schema.dropTable('case_document_responses').execute();
  await db.schema.dropTable('case_documents').execute();
  await db.schema.dropTable('case_events').execute();
  await db.schema.dropTable('case_subjects').execute();
  await db.schema.dropTable('case_observations').execute();
  await db.schema.dropTable('cases').execute();
}
