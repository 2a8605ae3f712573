import { describe, expect, it } from 'vitest';
import { testTranslator } from '../../../i18n/testing';
import { formatCountdown, millisecondsUntil, serverNow } from './use-server-clock';
import { type FlashSaleView, newerReading } from './use-session-flash-sale';

describe('countdowns on the server clock', () => {
  const serverTime = '2026-11-30T12:00:00.000Z';
  const server = Date.parse(serverTime);

  it('corrects a device clock that runs behind or ahead of the server', () => {
    const behind = server - 90_000;
    expect(serverNow(serverTime, behind, behind + 5_000)).toBe(server + 5_000);
    const ahead = server + 3_600_000;
    expect(serverNow(serverTime, ahead, ahead + 1_000)).toBe(server + 1_000);
  });

  it('counts down to the end by the server clock and stops at zero', () => {
    const endsAt = '2026-11-30T12:05:00.000Z';
    const skewed = server + 42_000;
    expect(millisecondsUntil(endsAt, serverTime, skewed, skewed + 60_000)).toBe(240_000);
    expect(millisecondsUntil(endsAt, serverTime, skewed, skewed + 400_000)).toBe(0);
    expect(formatCountdown(240_000)).toBe('04:00');
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(formatCountdown(0)).toBe('00:00');
  });
});

describe('long countdowns', () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;

  it('keeps minutes:seconds under an hour, rounding up to the second', () => {
    expect(formatCountdown(HOUR - 1_000)).toBe('59:59');
    expect(formatCountdown(HOUR - 500)).toBe('1:00:00');
  });

  it('shows hours from one hour on, never hundreds of minutes', () => {
    expect(formatCountdown(HOUR)).toBe('1:00:00');
    expect(formatCountdown(10 * HOUR)).toBe('10:00:00');
    expect(formatCountdown(2 * HOUR + 3 * 60_000 + 4_000)).toBe('2:03:04');
    expect(formatCountdown(DAY - 1_000)).toBe('23:59:59');
  });

  it('puts the days before the clock from one day on, worded by the catalogue', () => {
    const later = 2 * DAY + 5 * HOUR + 6 * 60_000 + 7_000;
    expect(formatCountdown(DAY)).toBe('1d 0:00:00');
    expect(formatCountdown(later)).toBe('2d 5:06:07');
    for (const [language, expected] of [
      ['zh-CN', '2天 5:06:07'],
      ['en', '2d 5:06:07'],
    ] as const) {
      const t = testTranslator(language);
      const worded = formatCountdown(later, (days, clock) =>
        t('commerce.countdown.withDays', { days, clock }),
      );
      expect(worded).toBe(expected);
    }
  });

  it('never shows a negative time', () => {
    expect(formatCountdown(-5_000)).toBe('00:00');
  });
});

describe('the newer of the API and the room', () => {
  const reading = (overrides: Partial<FlashSaleView>): FlashSaleView => ({
    id: 'sale-1',
    listingId: 'listing-1',
    priceFen: 150_000,
    quantity: 3,
    remaining: 3,
    state: 'running',
    startsAt: '2026-11-30T12:00:00.000Z',
    endsAt: '2026-11-30T12:05:00.000Z',
    closedAt: null,
    perBuyerLimit: null,
    serverTime: '2026-11-30T12:00:10.000Z',
    receivedAt: 0,
    ...overrides,
  });

  it('takes the room update when it is newer, keeping the limit only the API knows', () => {
    const api = reading({ perBuyerLimit: 1 });
    const room = reading({ remaining: 1, serverTime: '2026-11-30T12:00:20.000Z' });
    expect(newerReading(api, room)).toMatchObject({ remaining: 1, perBuyerLimit: 1 });
  });

  it('keeps the API reading when the room update is older (a late message never undoes a refetch)', () => {
    const api = reading({ remaining: 1, serverTime: '2026-11-30T12:00:30.000Z', perBuyerLimit: 1 });
    const room = reading({ remaining: 2, serverTime: '2026-11-30T12:00:20.000Z' });
    expect(newerReading(api, room)).toBe(api);
    expect(newerReading(null, room)).toBe(room);
    expect(newerReading(api, null)).toBe(api);
  });
});
