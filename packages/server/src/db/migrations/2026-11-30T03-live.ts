import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  // One live session (直播场次) = one LiveKit room, named after the session id.
  await db.schema
    .createTable('live_sessions')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seller_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('cover_image_id', 'uuid', (col) => col.references('images.id'))
    .addColumn('planned_start_at', 'timestamptz', (col) => col.notNull())
    .addColumn('studio_booking_id', 'uuid', (col) => col.references('studio_bookings.id'))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('scheduled').check(sql`status in ('scheduled', 'live', 'ended', 'cancelled')`),
    )
    .addColumn('room_name', 'text', (col) =>
      col.notNull().unique().generatedAlwaysAs(sql`'jl-' || id::text`).stored(),
    )
    .addColumn('room_sid', 'text')
    .addColumn('pinned_listing_id', 'uuid', (col) => col.references('listings.id'))
    .addColumn('slow_mode_seconds', 'integer', (col) =>
      col.notNull().defaultTo(0).check(sql`slow_mode_seconds between 0 and 300`),
    )
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('live_sessions_seller_idx')
    .on('live_sessions')
    .columns(['seller_org_id', 'status'])
    .execute();
  await db.schema
    .createIndex('live_sessions_status_idx')
    .on('live_sessions')
    .columns(['status', 'planned_start_at'])
    .execute();

  await db.schema
    .createTable('live_session_hosts')
    .addColumn('session_id', 'uuid', (col) =>
      col.notNull().references('live_sessions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addPrimaryKeyConstraint('live_session_hosts_pk', ['session_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('live_session_cohosts')
    .addColumn('session_id', 'uuid', (col) =>
      col.notNull().references('live_sessions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('invited_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('invited_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('removed_at', 'timestamptz')
    .addPrimaryKeyConstraint('live_session_cohosts_pk', ['session_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('live_session_lineup')
    .addColumn('session_id', 'uuid', (col) =>
      col.notNull().references('live_sessions.id').onDelete('cascade'),
    )
    .addColumn('listing_id', 'uuid', (col) => col.notNull().references('listings.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('live_session_lineup_pk', ['session_id', 'listing_id'])
    .execute();
  await db.schema
    .createIndex('live_session_lineup_listing_idx')
    .on('live_session_lineup')
    .column('listing_id')
    .execute();

  // Interaction records are kept at least three years (直播电商监督管理办法): sessions with chat
  // cannot be deleted (no cascade), and moderation only marks a message deleted.
  await db.schema
    .createTable('chat_messages')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'uuid', (col) => col.notNull().references('live_sessions.id'))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('text', 'text', (col) => col.notNull().check(sql`char_length(text) between 1 and 200`))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('visible').check(sql`status in ('visible', 'blocked')`),
    )
    .addColumn('flags', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('deleted_by', 'uuid', (col) => col.references('users.id'))
    .execute();
  await db.schema
    .createIndex('chat_messages_session_idx')
    .on('chat_messages')
    .columns(['session_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('chat_messages_session_user_idx')
    .on('chat_messages')
    .columns(['session_id', 'user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('chat_mutes')
    .addColumn('session_id', 'uuid', (col) =>
      col.notNull().references('live_sessions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('muted_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('muted_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('until', 'timestamptz')
    .addPrimaryKeyConstraint('chat_mutes_pk', ['session_id', 'user_id'])
    .execute();

  // A removed viewer gets no new token for the session's room.
  await db.schema
    .createTable('live_removals')
    .addColumn('session_id', 'uuid', (col) =>
      col.notNull().references('live_sessions.id').onDelete('cascade'),
    )
    .addColumn('identity', 'text', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('removed_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('removed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('live_removals_pk', ['session_id', 'identity'])
    .execute();

  // Webhook ids already applied: LiveKit may deliver an event more than once.
  await db.schema
    .createTable('livekit_webhook_events')
    .addColumn('event_id', 'text', (col) => col.primaryKey())
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('room_name', 'text')
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('livekit_webhook_events_received_idx')
    .on('livekit_webhook_events')
    .column('received_at')
    .execute();

  // One row per participant connection (LiveKit participant sid): averages come from these intervals.
  await db.schema
    .createTable('live_presence')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('session_id', 'uuid', (col) =>
      col.notNull().references('live_sessions.id').onDelete('cascade'),
    )
    .addColumn('participant_sid', 'text', (col) => col.notNull())
    .addColumn('identity', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('counted', 'boolean', (col) => col.notNull())
    .addColumn('joined_at', 'timestamptz', (col) => col.notNull())
    .addColumn('left_at', 'timestamptz')
    .addUniqueConstraint('live_presence_participant_unique', ['session_id', 'participant_sid'])
    .addCheckConstraint('live_presence_interval_valid', sql`left_at is null or left_at >= joined_at`)
    .execute();
  await sql`create index live_presence_open_idx on live_presence (session_id) where left_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('live_pin_events')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('session_id', 'uuid', (col) =>
      col.notNull().references('live_sessions.id').onDelete('cascade'),
    )
    .addColumn('listing_id', 'uuid', (col) => col.notNull().references('listings.id'))
    .addColumn('pinned_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('pinned_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('unpinned_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('live_pin_events_session_idx')
    .on('live_pin_events')
    .column('session_id')
    .execute();

  await db.schema
    .createTable('live_session_stats')
    .addColumn('session_id', 'uuid', (col) =>
      col.primaryKey().references('live_sessions.id').onDelete('cascade'),
    )
    .addColumn('current_viewers', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('peak_viewers', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('pin_count', 'integer', (col) => col.notNull().defaultTo(0))
    // Filled in when the session ends; computed on the fly while it is live.
    .addColumn('average_viewers', 'double precision')
    .addColumn('unique_viewers', 'integer')
    .addColumn('live_seconds', 'integer')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'live_session_stats',
    'live_pin_events',
    'live_presence',
    'livekit_webhook_events',
    'live_removals',
    'chat_mutes',
    'chat_messages',
    'live_session_lineup',
    'live_session_cohosts',
    'live_session_hosts',
    'live_sessions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
