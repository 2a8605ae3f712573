import { type Kysely, sql } from 'kysely';

// The audit trail becomes an RFC 6962 Merkle tree (issue 13, item 7): one sequencer numbers the
// committed entries 0..N-1 without gaps, stores each leaf's hash and every complete subtree, and
// signs checkpoints of the tree. Everything here is append-only except the sequencer's cursor.
export async function up(db: Kysely<any>): Promise<void> {
  // The top-level transaction that wrote the entry: once every transaction below a snapshot's
  // xmin has ended, no entry with a smaller xact_id can still appear, so the sequencer can number
  // entries in (xact_id, id) order without skipping one that commits late. A volatile default, so
  // the insert stays one plain statement; existing rows all get this migration's id (ordered by id).
  await sql`alter table audit_events add column xact_id xid8 not null default pg_current_xact_id()`.execute(
    db,
  );
  await sql`create index audit_events_sequence_idx on audit_events (xact_id, id)`.execute(db);

  await sql`
    create table audit_log_leaves (
      leaf_index bigint primary key check (leaf_index >= 0),
      audit_event_id bigint not null unique,
      leaf_hash bytea not null check (octet_length(leaf_hash) = 32),
      sequenced_at timestamptz not null default clock_timestamp()
    )`.execute(db);
  // Complete subtrees of 2^level leaves (level ≥ 1; level 0 is audit_log_leaves): any proof is
  // O(log n) of these, and the right edge of the tree is rebuilt from them after a restart.
  await sql`
    create table audit_log_nodes (
      level smallint not null check (level between 1 and 62),
      node_index bigint not null check (node_index >= 0),
      hash bytea not null check (octet_length(hash) = 32),
      primary key (level, node_index)
    )`.execute(db);
  // The sequencer's position: how many leaves, and the (xact_id, id) of the last one numbered.
  await sql`
    create table audit_log_head (
      singleton boolean primary key default true check (singleton),
      tree_size bigint not null check (tree_size >= 0),
      last_xact_id xid8 not null,
      last_event_id bigint not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`insert into audit_log_head (tree_size, last_xact_id, last_event_id) values (0, '0', 0)`.execute(
    db,
  );
  await sql`
    create table audit_signing_keys (
      key_id text primary key,
      public_key bytea not null check (octet_length(public_key) = 32),
      first_used_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table audit_checkpoints (
      tree_size bigint primary key check (tree_size > 0),
      root_hash bytea not null check (octet_length(root_hash) = 32),
      issued_at timestamptz not null,
      key_id text not null references audit_signing_keys (key_id),
      signature bytea not null
    )`.execute(db);

  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name;
    end $$`.execute(db);
  for (const table of ['audit_log_leaves', 'audit_log_nodes', 'audit_signing_keys', 'audit_checkpoints']) {
    await sql`
      create trigger ${sql.raw(`${table}_no_rewrite`)} before update or delete on ${sql.table(table)}
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function audit_log_append_only()`.execute(db);
  }
  await sql`
    create trigger audit_log_head_kept before delete on audit_log_head
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_head_no_truncate before truncate on audit_log_head
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_checkpoints').execute();
  await db.schema.dropTable('audit_signing_keys').execute();
  await db.schema.dropTable('audit_log_head').execute();
  await db.schema.dropTable('audit_log_nodes').execute();
  await db.schema.dropTable('audit_log_leaves').execute();
  await sql`drop function audit_log_append_only`.execute(db);
  await sql`drop index audit_events_sequence_idx`.execute(db);
  await sql`alter table audit_events drop column xact_id`.execute(db);
}
