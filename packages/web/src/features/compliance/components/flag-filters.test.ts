import { describe, expect, it } from 'vitest';
import { filtersFromParams } from './flag-filters';

describe('flag filters from the URL', () => {
  it('reads picked dates as whole Beijing days', () => {
    const filters = filtersFromParams(new URLSearchParams('from=2026-11-30&to=2026-12-01'));
    expect(filters.from).toBe('2026-11-30T00:00:00+08:00');
    expect(filters.to).toBe('2026-12-02T00:00:00+08:00');
    expect(new Date(filters.from ?? '').toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(new Date(filters.to ?? '').toISOString()).toBe('2026-12-01T16:00:00.000Z');
    // Month and year ends roll over.
    expect(filtersFromParams(new URLSearchParams('to=2026-12-31')).to).toBe('2027-01-01T00:00:00+08:00');
  });

  it('drops what is not a date or not a known value', () => {
    const filters = filtersFromParams(
      new URLSearchParams(
        'from=30.11.2026&to=2026-12-01T00:00&category=nonsense&reviewed=maybe&speaker=seller',
      ),
    );
    expect(filters).toEqual({
      category: undefined,
      severity: undefined,
      speakerKind: undefined,
      sellerId: undefined,
      sessionId: undefined,
      reviewed: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('reads the speaker kind', () => {
    expect(filtersFromParams(new URLSearchParams('speaker=viewer')).speakerKind).toBe('viewer');
    expect(filtersFromParams(new URLSearchParams('speaker=caption_feed')).speakerKind).toBe('caption_feed');
  });
});
