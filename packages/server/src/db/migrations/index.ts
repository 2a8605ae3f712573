import type { Migration } from 'kysely/migration';
import * as foundation from './2026-11-30T01-foundation';
import * as catalog from './2026-11-30T02-catalog';
import * as live from './2026-11-30T03-live';
import * as compliance from './2026-11-30T04-compliance';
import * as commerce from './2026-11-30T06-commerce';
import * as notificationDetails from './2026-11-30T07-notification-details';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-30T01-foundation': foundation,
  '2026-11-30T02-catalog': catalog,
  '2026-11-30T03-live': live,
  '2026-11-30T04-compliance': compliance,
  '2026-11-30T06-commerce': commerce,
  '2026-11-30T07-notification-details': notificationDetails,
};
