import { describe, expect, it } from 'vitest';
import { calendarStudios, shanghaiWeek } from './calendar';

describe('shanghaiWeek', () => {
  it('snaps any day to its Monday and spans Monday 00:00 to Monday 00:00 at UTC+8', () => {
    for (const day of ['2026-11-30', '2026-12-02', '2026-12-06']) {
      expect(shanghaiWeek(day)).toEqual({
        weekStart: '2026-11-30',
        from: new Date('2026-11-29T16:00:00.000Z'),
        to: new Date('2026-12-06T16:00:00.000Z'),
      });
    }
    expect(shanghaiWeek('2026-12-07').weekStart).toBe('2026-12-07');
    expect(shanghaiWeek('2027-01-01').weekStart).toBe('2026-12-28');
  });

  it('takes "this week" from the Shanghai date, not the UTC one', () => {
    // Sunday 17:00 UTC is already Monday 01:00 in Chongqing.
    expect(shanghaiWeek(undefined, new Date('2026-12-06T17:00:00Z')).weekStart).toBe('2026-12-07');
    expect(shanghaiWeek(undefined, new Date('2026-12-06T15:59:59Z')).weekStart).toBe('2026-11-30');
  });
});

describe('calendarStudios', () => {
  const studios = [
    { id: 's1', name: 'A01', status: 'available' },
    { id: 's2', name: 'old', status: 'retired' },
    { id: 's3', name: 'gone', status: 'retired' },
  ];
  const booking = (id: string, studioId: string, sellerOrgId: string) => ({
    id,
    studioId,
    sellerOrgId,
    sellerName: `seller ${sellerOrgId}`,
    startsAt: new Date('2026-12-02T02:00:00Z'),
    endsAt: new Date('2026-12-02T04:00:00Z'),
    status: 'approved',
    purpose: 'secret',
  });
  const bookings = [booking('b1', 's1', 'me'), booking('b2', 's1', 'them'), booking('b3', 's2', 'them')];

  it('masks other sellers as busy for a member and keeps retired studios only while booked', () => {
    const view = calendarStudios(studios, bookings, { kind: 'member', sellerOrgId: 'me' });
    expect(view.map((studio) => studio.id)).toEqual(['s1', 's2']);
    expect(view[0]!.slots).toEqual([
      {
        bookingId: 'b1',
        startsAt: '2026-12-02T02:00:00.000Z',
        endsAt: '2026-12-02T04:00:00.000Z',
        status: 'approved',
        seller: { id: 'me', name: 'seller me' },
        purpose: 'secret',
        mine: true,
      },
      {
        bookingId: null,
        startsAt: '2026-12-02T02:00:00.000Z',
        endsAt: '2026-12-02T04:00:00.000Z',
        status: 'busy',
        seller: null,
        purpose: null,
        mine: false,
      },
    ]);
  });

  it('shows the operator every seller', () => {
    const view = calendarStudios(studios, bookings, { kind: 'operator' });
    expect(view[0]!.slots.map((slot) => [slot.bookingId, slot.seller?.id, slot.mine])).toEqual([
      ['b1', 'me', false],
      ['b2', 'them', false],
    ]);
  });
});
