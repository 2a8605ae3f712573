import { describe, expect, it } from 'vitest';
import { readStartChoice } from './start-time-field';

// 2026-11-30 20:15:00 in Beijing is 12:15 UTC; the runner's own time zone plays no part.
const EVENING = Date.parse('2026-11-30T12:15:00Z');

describe('the start choice of the studio forms', () => {
  it('sends no start for 立即开始, whatever time was typed before', () => {
    expect(readStartChoice({ mode: 'now', at: '2020-01-01T00:00' }, EVENING)).toEqual({
      ok: true,
      startsAt: undefined,
    });
  });

  it('sends a time ahead as ISO with +08:00', () => {
    expect(readStartChoice({ mode: 'scheduled', at: '2026-11-30T20:15:08' }, EVENING)).toEqual({
      ok: true,
      startsAt: '2026-11-30T20:15:08+08:00',
    });
  });

  it('refuses a time that has passed, or none at all', () => {
    expect(readStartChoice({ mode: 'scheduled', at: '2026-11-30T20:15' }, EVENING)).toEqual({
      ok: false,
      problem: 'past',
    });
    expect(readStartChoice({ mode: 'scheduled', at: '2026-11-30T20:14:59' }, EVENING)).toEqual({
      ok: false,
      problem: 'past',
    });
    expect(readStartChoice({ mode: 'scheduled', at: '' }, EVENING)).toEqual({
      ok: false,
      problem: 'invalid',
    });
  });
});
