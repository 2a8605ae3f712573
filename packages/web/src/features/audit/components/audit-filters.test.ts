import { describe, expect, it } from 'vitest';
import { filtersFromParams } from './audit-filters';
import { objectHref } from './object-links';

describe('audit filters from the URL', () => {
  it('reads days as whole Beijing days, keys and prefixes it knows, and ids', () => {
    const filters = filtersFromParams(
      new URLSearchParams({
        from: '2026-12-01',
        to: '2026-12-07',
        action: 'order.',
        actor: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
        target: 'abc',
        targetType: 'listing',
      }),
    );
    expect(filters).toEqual({
      from: '2026-12-01T00:00:00+08:00',
      to: '2026-12-08T00:00:00+08:00',
      action: 'order.',
      actorUserId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
      organizationId: undefined,
      targetType: 'listing',
      targetId: 'abc',
    });
  });

  it('drops what the server would refuse', () => {
    const filters = filtersFromParams(
      new URLSearchParams({ from: 'yesterday', action: 'order.exploded', actor: 'me', targetType: 'A B' }),
    );
    expect(filters).toEqual({
      from: undefined,
      to: undefined,
      action: undefined,
      actorUserId: undefined,
      organizationId: undefined,
      targetType: undefined,
      targetId: undefined,
    });
    expect(filtersFromParams(new URLSearchParams({ action: 'nothing.' })).action).toBeUndefined();
    expect(filtersFromParams(new URLSearchParams({ action: 'studio_booking.approved' })).action).toBe(
      'studio_booking.approved',
    );
  });
});

describe('links to the objects of entries', () => {
  const entry = (type: string, details: Record<string, unknown> = {}) => ({
    target: { type, id: 'a1', label: null },
    details,
  });

  it('opens the page the reader’s kind of account has', () => {
    expect(objectHref(entry('listing'), 'seller')).toBe('/seller/listings/a1');
    expect(objectHref(entry('listing'), 'regulator')).toBe('/listings/a1');
    expect(objectHref(entry('order'), 'seller')).toBe('/seller/orders/a1');
    expect(objectHref(entry('order'), 'platform')).toBeNull();
    expect(objectHref(entry('live_session'), 'regulator')).toBe('/regulator/live/a1/summary');
    expect(objectHref(entry('flash_sale', { sessionId: 's9' }), 'seller')).toBe('/studio/s9/summary');
    expect(objectHref(entry('studio_booking', { baseId: 'b2' }), 'operator')).toBe(
      '/operator/bases/b2/calendar',
    );
    expect(objectHref(entry('case'), 'regulator')).toBe('/regulator/cases/a1');
    expect(objectHref(entry('api_token'), 'platform')).toBeNull();
  });

  it('has no link for objects without a page, or without an id', () => {
    expect(objectHref(entry('address'), 'buyer')).toBeNull();
    expect(
      objectHref({ target: { type: 'listing', id: null, label: null }, details: {} }, 'seller'),
    ).toBeNull();
    expect(objectHref({ target: null, details: {} }, 'seller')).toBeNull();
  });
});
