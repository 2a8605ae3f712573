import { describe, expect, it } from 'vitest';
import { listingAt, SNAPSHOT_FIELDS, type SnapshotField } from './listing-history';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 6, minute));

const current = {
  title: '满绿翡翠手镯',
  description: '新描述',
  category: 'jadeite',
  priceFen: 99_900,
  comparisonPriceFen: null,
  stock: 2,
  soldCount: 3,
  status: 'draft',
  certificateId: null,
  imageIds: [],
  customMade: false,
  purityMark: null,
  metalWeightMg: null,
} satisfies Record<SnapshotField, unknown>;

const changes = [
  { action: 'listing.created', details: { title: '冰种手镯' }, occurredAt: at(0) },
  { action: 'listing.published', details: { from: 'draft' }, occurredAt: at(5) },
  {
    action: 'listing.updated',
    details: { changed: { title: { from: '冰种手镯', to: '满绿翡翠手镯' }, description: true } },
    occurredAt: at(20),
  },
  { action: 'listing.unpublished', details: { from: 'published' }, occurredAt: at(30) },
];
const prices = [
  { kind: 'list_price', priceFen: 128_800, occurredAt: at(0) },
  { kind: 'list_price', priceFen: 99_900, occurredAt: at(25) },
];

describe('listingAt: a listing rebuilt at a moment from its recorded changes', () => {
  it('undoes every later change: title and status from the audit log, price from the price history', () => {
    const snapshot = listingAt(current, changes, prices, at(10));
    expect(snapshot.existed).toBe(true);
    expect(snapshot.fields).toMatchObject({ title: '冰种手镯', status: 'published', priceFen: 128_800 });
    expect(snapshot.sources).toMatchObject({
      title: 'audit_log',
      status: 'audit_log',
      priceFen: 'price_history',
      category: 'unchanged_since',
    });
  });

  it('marks what the log keeps no earlier value of as unknown, never the current value', () => {
    const snapshot = listingAt(current, changes, prices, at(10));
    expect(snapshot.fields.description).toBeNull();
    expect(snapshot.sources.description).toBe('unknown');
    // Sales move stock and sold count without a listing change.
    expect(snapshot.sources.stock).toBe('unknown');
    expect(snapshot.sources.soldCount).toBe('unknown');
  });

  it('takes what a flag stored at that moment over everything else', () => {
    const snapshot = listingAt(current, changes, prices, at(10), {
      title: '冰种手镯',
      priceFen: 128_800,
      stock: 5,
      soldCount: 0,
    });
    expect(snapshot.fields).toMatchObject({ stock: 5, soldCount: 0, priceFen: 128_800 });
    expect(snapshot.sources).toMatchObject({
      stock: 'flag_facts',
      soldCount: 'flag_facts',
      title: 'flag_facts',
    });
  });

  it('after the last change everything is the current value; before creation the listing did not exist', () => {
    const now = listingAt(current, changes, prices, at(40));
    expect(now.fields).toMatchObject({ title: current.title, status: 'draft', priceFen: 99_900 });
    expect(SNAPSHOT_FIELDS.filter((field) => now.sources[field] === 'audit_log')).toEqual([]);
    expect(listingAt(current, changes, prices, new Date(at(0).getTime() - 1)).existed).toBe(false);
  });

  it('a suspension or a sell-out leaves the earlier status unknown', () => {
    const suspended = [...changes, { action: 'listing.suspended', details: {}, occurredAt: at(35) }];
    expect(listingAt({ ...current, status: 'suspended' }, suspended, prices, at(32)).sources.status).toBe(
      'unknown',
    );
    expect(listingAt({ ...current, status: 'sold_out' }, [], prices, at(32)).fields.status).toBeNull();
  });
});
