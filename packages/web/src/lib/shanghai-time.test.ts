import { describe, expect, it } from 'vitest';
import {
  shanghaiClock,
  shanghaiClockLabel,
  shanghaiDateTimeFormat,
  shanghaiDayStart,
  shanghaiInputToIso,
  shanghaiToday,
  toShanghaiInput,
} from './shanghai-time';

// 2026-11-30 20:15:00 in Beijing is 12:15 UTC; the runner's own time zone plays no part.
const EVENING = Date.parse('2026-11-30T12:15:00Z');

describe('Beijing wall-clock times', () => {
  it('reads a datetime-local value as Beijing time, to the minute or the second', () => {
    expect(shanghaiInputToIso('2026-11-30T20:15')).toBe('2026-11-30T20:15:00+08:00');
    expect(shanghaiInputToIso('2026-11-30T20:15:08')).toBe('2026-11-30T20:15:08+08:00');
    expect(Date.parse(shanghaiInputToIso('2026-11-30T20:15') ?? '')).toBe(EVENING);
    // Just after midnight in Beijing is still the previous day in UTC.
    expect(new Date(shanghaiInputToIso('2026-12-01T00:30') ?? '').toISOString()).toBe(
      '2026-11-30T16:30:00.000Z',
    );
  });

  it('refuses what is not a real moment', () => {
    expect(shanghaiInputToIso('')).toBeNull();
    expect(shanghaiInputToIso('2026-11-30')).toBeNull();
    expect(shanghaiInputToIso('2026-11-30 20:15')).toBeNull();
    expect(shanghaiInputToIso('2026-02-30T10:00')).toBeNull();
    expect(shanghaiInputToIso('2026-11-30T24:00')).toBeNull();
    expect(shanghaiInputToIso('2026-11-30T20:60')).toBeNull();
    expect(shanghaiInputToIso('2026-11-30T20:15+08:00')).toBeNull();
  });

  it('writes an instant back as a Beijing datetime-local value', () => {
    expect(toShanghaiInput(EVENING)).toBe('2026-11-30T20:15');
    expect(toShanghaiInput(EVENING + 8_500, true)).toBe('2026-11-30T20:15:08');
    expect(toShanghaiInput(Date.parse('2026-11-30T16:30:00Z'))).toBe('2026-12-01T00:30');
  });

  it('labels a start by its Beijing clock time, with the date when it is not today in Beijing', () => {
    expect(shanghaiClockLabel('2026-11-30T21:05:00+08:00', EVENING)).toBe('21:05');
    expect(shanghaiClockLabel('2026-11-30T13:05:00Z', EVENING)).toBe('21:05');
    expect(shanghaiClockLabel('2026-12-01T08:00:00+08:00', EVENING)).toBe('12-01 08:00');
  });

  it('knows the Beijing date, which turns at 16:00 UTC', () => {
    expect(shanghaiToday(EVENING)).toBe('2026-11-30');
    expect(shanghaiToday(Date.parse('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30');
    expect(shanghaiToday(Date.parse('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    // 07:59 in Beijing on 1 December is still 30 November in UTC.
    expect(shanghaiToday(Date.parse('2026-11-30T23:59:00Z'))).toBe('2026-12-01');
  });

  it('starts a Beijing day at 16:00 UTC the day before', () => {
    expect(shanghaiDayStart('2026-12-01')).toBe('2026-12-01T00:00:00+08:00');
    expect(new Date(shanghaiDayStart('2026-12-01')).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('reads the Beijing clock of an instant given with any offset', () => {
    expect(shanghaiClock('2026-11-30T12:15:00Z')).toBe('20:15');
    expect(shanghaiClock('2026-11-30T20:15:59+08:00')).toBe('20:15');
    expect(shanghaiClock('2026-11-30T07:30:00-08:00')).toBe('23:30');
    expect(shanghaiClock('2026-11-30T16:05:00Z')).toBe('00:05');
  });

  it('formats date and time on the Beijing clock in either language', () => {
    const morning = new Date('2026-11-30T16:30:00Z'); // 00:30 on 1 December in Beijing
    const zh = shanghaiDateTimeFormat('zh-CN').format(morning);
    expect(zh).toContain('2026年12月1日');
    expect(zh).toContain('00:30');
    const en = shanghaiDateTimeFormat('en').format(morning);
    expect(en).toContain('Dec 1, 2026');
    expect(en).toContain('12:30');
    expect(en).toContain('AM');
  });
});
