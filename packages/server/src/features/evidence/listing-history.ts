import type { FlagFacts } from '@jadelive/shared';

/** The listing fields a snapshot shows. */
export const SNAPSHOT_FIELDS = [
  'title',
  'description',
  'category',
  'priceFen',
  'comparisonPriceFen',
  'stock',
  'soldCount',
  'status',
  'certificateId',
  'imageIds',
  'customMade',
  'purityMark',
  'metalWeightMg',
] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

/**
 * Where a snapshot's value comes from: the facts stored with a flag at that moment, the price
 * history, the audit log's record of a later change (undone), the current value (no recorded
 * change since), or unknown (changed since, and the log keeps no earlier value).
 */
type SnapshotSource = 'flag_facts' | 'price_history' | 'audit_log' | 'unchanged_since' | 'unknown';

interface ListingChange {
  action: string;
  details: unknown;
  occurredAt: Date;
}

interface PricePoint {
  kind: string;
  priceFen: number | null;
  occurredAt: Date;
}

interface ListingSnapshot {
  at: string;
  /** False when the listing was created after `at`. */
  existed: boolean;
  fields: Record<SnapshotField, unknown>;
  sources: Record<SnapshotField, SnapshotSource>;
}

// Sales move these without a listing change of their own: only a flag's facts know them at a moment.
const MOVED_BY_SALES: readonly SnapshotField[] = ['stock', 'soldCount'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function latestPriceAt(points: readonly PricePoint[], kind: string, at: Date) {
  let found: PricePoint | undefined;
  for (const point of points) if (point.kind === kind && point.occurredAt <= at) found = point;
  return found;
}

/**
 * The listing as it was at `at`, rebuilt from its current fields by undoing, newest first, every
 * change the audit log recorded after `at` (an edit's before-values, a status change's `from`),
 * then taking prices from the price history and what a flag's stored facts say (the engine read
 * them at that moment). What cannot be known is marked `unknown`, never guessed.
 */
export function listingAt(
  current: Record<SnapshotField, unknown>,
  changes: readonly ListingChange[],
  prices: readonly PricePoint[],
  at: Date,
  flagFacts?: FlagFacts['listing'],
): ListingSnapshot {
  const fields = { ...current };
  const sources = Object.fromEntries(SNAPSHOT_FIELDS.map((field) => [field, 'unchanged_since'])) as Record<
    SnapshotField,
    SnapshotSource
  >;
  const forget = (field: SnapshotField) => {
    fields[field] = null;
    sources[field] = 'unknown';
  };
  let existed = true;
  const later = changes
    .filter((change) => change.occurredAt > at)
    .sort((a, b) => +b.occurredAt - +a.occurredAt);
  for (const change of later) {
    const details = isRecord(change.details) ? change.details : {};
    if (change.action === 'listing.created') existed = false;
    else if (change.action === 'listing.updated' && isRecord(details.changed)) {
      for (const [field, value] of Object.entries(details.changed)) {
        if (!(SNAPSHOT_FIELDS as readonly string[]).includes(field)) continue;
        const key = field as SnapshotField;
        if (isRecord(value) && 'from' in value) {
          fields[key] = value.from;
          sources[key] = 'audit_log';
        } else forget(key);
      }
    } else if (change.action === 'listing.suspended') forget('status');
    else if (change.action.startsWith('listing.')) {
      if (typeof details.from === 'string') {
        fields.status = details.from;
        sources.status = 'audit_log';
      } else forget('status');
    }
  }
  for (const field of MOVED_BY_SALES) forget(field);
  // A listing sells out and comes back by sales too, which the log does not record as changes.
  if (fields.status === 'sold_out' || current.status === 'sold_out') forget('status');
  const listPrice = latestPriceAt(prices, 'list_price', at);
  if (listPrice) {
    fields.priceFen = listPrice.priceFen;
    sources.priceFen = 'price_history';
  }
  const comparison = latestPriceAt(prices, 'comparison_price', at);
  if (comparison) {
    fields.comparisonPriceFen = comparison.priceFen;
    sources.comparisonPriceFen = 'price_history';
  }
  if (flagFacts) {
    const stored: Partial<Record<SnapshotField, unknown>> = {
      title: flagFacts.title,
      priceFen: flagFacts.priceFen,
      comparisonPriceFen: flagFacts.comparisonPriceFen,
      stock: flagFacts.stock,
      soldCount: flagFacts.soldCount,
    };
    for (const [field, value] of Object.entries(stored)) {
      if (value === undefined) continue;
      fields[field as SnapshotField] = value;
      sources[field as SnapshotField] = 'flag_facts';
    }
  }
  return { at: at.toISOString(), existed, fields, sources };
}
