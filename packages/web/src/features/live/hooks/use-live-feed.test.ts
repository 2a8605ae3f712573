import type { ChatMessage, PinnedCard } from '@jadelive/shared';
import { describe, expect, it } from 'vitest';
import { type LiveFeed, mergeHistory, withPinnedFigures, withSaleState } from './use-live-feed';

const message = (id: number, second: number): ChatMessage => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  sessionId: '00000000-0000-4000-8000-000000000000',
  userId: '00000000-0000-4000-8000-000000000001',
  displayName: '买家',
  text: `消息 ${id}`,
  createdAt: `2026-11-30T12:00:${String(second).padStart(2, '0')}.000Z`,
  deletedAt: null,
});

describe('catching up on chat history', () => {
  it('puts a message the room never delivered in its place, once', () => {
    const fromRoom = [message(1, 1), message(3, 3)];
    const merged = mergeHistory(fromRoom, [message(1, 1), message(2, 2), message(3, 3)]);
    expect(merged.map((m) => m.text)).toEqual(['消息 1', '消息 2', '消息 3']);
  });

  it('changes nothing when the history brings nothing new', () => {
    const fromRoom = [message(1, 1), message(2, 2)];
    expect(mergeHistory(fromRoom, [message(1, 1)])).toBe(fromRoom);
  });
});

describe("the pinned card's stock follows sales", () => {
  const listingId = '00000000-0000-4000-8000-0000000000a1';
  const card: PinnedCard = {
    listingId,
    title: '冰种翡翠手镯',
    priceFen: 12_800_00,
    comparisonPriceFen: null,
    imageId: null,
    stock: 1,
    listingStatus: 'published',
    certificate: null,
  };
  const feed: LiveFeed = {
    messages: [],
    pinned: card,
    pinnedAt: null,
    slowModeSeconds: 0,
    ending: false,
    saleStates: {},
    pinnedStockChanges: 0,
  };
  const saleId = '00000000-0000-4000-8000-0000000000f1';

  it('asks for the stock again each time a sale of the pinned piece changes state, not on every count', () => {
    const started = withSaleState(feed, saleId, listingId, 'running');
    expect(started.pinnedStockChanges).toBe(1);
    expect(withSaleState(started, saleId, listingId, 'running')).toBe(started);
    expect(withSaleState(started, saleId, listingId, 'sold_out').pinnedStockChanges).toBe(2);
    const elsewhere = withSaleState(feed, saleId, '00000000-0000-4000-8000-0000000000b2', 'sold_out');
    expect(elsewhere.pinnedStockChanges).toBe(0);
  });

  it('takes the fresher stock of the same card, and ignores a read of a card no longer shown', () => {
    expect(withPinnedFigures(feed, { ...card, stock: 0 }).pinned?.stock).toBe(0);
    expect(withPinnedFigures(feed, { ...card, listingId: saleId, stock: 0 })).toBe(feed);
    expect(withPinnedFigures(feed, { ...card })).toBe(feed);
  });
});
