import { describe, expect, it } from 'vitest';
import { drawGiveawayWinners } from './giveaways';

const SEED = '7f'.repeat(32);
const ENTRIES = [
  '0b7c1a52-3d2e-4f6a-9b1c-2d3e4f5a6b7c',
  '1c8d2b63-4e3f-4a7b-8c2d-3e4f5a6b7c8d',
  '2d9e3c74-5f4a-4b8c-9d3e-4f5a6b7c8d9e',
  '3eaf4d85-6a5b-4c9d-8e4f-5a6b7c8d9eaf',
  '4fb05e96-7b6c-4dae-9f5a-6b7c8d9eafb0',
];

describe('giveaway draw (hmac-sha256-rank/v1)', () => {
  it('does not depend on the order or repetition of entries, and never draws more than there are', () => {
    const reversed = [...ENTRIES].reverse();
    expect(drawGiveawayWinners(SEED, reversed, 3)).toEqual(drawGiveawayWinners(SEED, ENTRIES, 3));
    expect(drawGiveawayWinners(SEED, [...ENTRIES, ENTRIES[0]!], 10)).toHaveLength(5);
    expect(drawGiveawayWinners(SEED, [], 3)).toEqual([]);
  });

  it('gives another draw under another seed', () => {
    const orders = new Set(
      ['01', '02', '03', '04'].map((byte) => drawGiveawayWinners(byte.repeat(32), ENTRIES, 5).join()),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});
