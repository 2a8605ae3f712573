import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Evidence packages (电子数据取证) extracted from a case: the ZIP exactly as it was handed out,
// so a later download is byte-identical to the one whose SHA-256 the audit log recorded. Rows are
// never changed or deleted (the audit log's append-only trigger function guards them).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence_packages')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('cases.id'))
    .addColumn('regulator_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('byte_size', 'integer', (col) =>
      col.notNull().check(sql`byte_size > 0 and byte_size = octet_length(content)`),
    )
    .addColumn('file_count', 'integer', (col) => col.notNull().check(sql`file_count > 0`))
    .addColumn('checkpoint_tree_size', 'bigint', (col) => col.notNull())
    .addColumn('extracted_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('extracted_at', 'timestamptz', (col) => col.notNull())
    .addColumn('content', 'bytea', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_packages_case_idx')
    .on('evidence_packages')
    .columns(['case_id', 'extracted_at'])
    .execute();
  await sql`
    create trigger evidence_packages_no_rewrite before update or delete on evidence_packages
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger evidence_packages_no_truncate before truncate on evidence_packages
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evidence_packages').execute();
}
