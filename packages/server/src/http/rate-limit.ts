import { sql } from 'kysely';
import type { Database } from '../db/database';
import { ApiError, because } from './errors';

/**
 * Counts a hit in a fixed window shared by every API instance (the counter lives in
 * PostgreSQL) and refuses with 429 past the limit.
 */
export async function consumeRateLimit(
  db: Database,
  bucket: string,
  limit: number,
  windowSeconds: number,
): Promise<void> {
  const row = await sql<{ hits: number; retryAfter: number }>`
    insert into rate_limit_windows (bucket, window_start, hits)
    values (${bucket}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (bucket, window_start) do update set hits = rate_limit_windows.hits + 1
    returning hits, ceil(extract(epoch from window_start + make_interval(secs => ${windowSeconds}) - now()))::int as "retryAfter"`
    .execute(db)
    .then((result) => result.rows[0]);
  // Old windows are swept now and then by whoever passes by, so no job is needed.
  if (Math.random() < 0.01) {
    await sql`delete from rate_limit_windows where window_start < now() - interval '1 day'`.execute(db);
  }
  if (row && row.hits > limit) {
    throw new ApiError(
      'RATE_LIMITED',
      'too many requests, try again later',
      because('too_many_requests', { retryAfterSeconds: Math.max(1, row.retryAfter) }),
    );
  }
}
