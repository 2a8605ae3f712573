import { describe, expect, it } from 'vitest';
import { caseClocks } from './case-clocks';

/** An instant of Beijing wall-clock time. */
const bj = (dateTime: string) => new Date(`${dateTime}+08:00`);
const none = { filedAt: null, decidedAt: null, deliveredAt: null, publishedAt: null, endedAt: null };

describe('case clocks in Beijing time', () => {
  it('starts no clock before 立案, and only the 90-day one until the decision', () => {
    expect(caseClocks(none, bj('2026-07-01T10:00:00'))).toEqual([]);
    const [decision, ...rest] = caseClocks(
      { ...none, filedAt: bj('2026-07-01T10:00:00') },
      bj('2026-07-02T09:00:00'),
    );
    expect(rest).toEqual([]);
    // The day of filing does not count: 90 days end on 2026-09-29, a Tuesday.
    expect(decision).toMatchObject({
      kind: 'decision',
      unit: 'calendar_days',
      startedOn: '2026-07-01',
      dueOn: '2026-09-29',
      daysLeft: 89,
      state: 'running',
    });
  });

  it('moves a 90-day end that falls in the 中秋 holiday to the next working day', () => {
    // 2026-06-27 + 90 days = 2026-09-25, the first day of 中秋 (25–27 September): due Monday the 28th.
    const [decision] = caseClocks({ ...none, filedAt: bj('2026-06-27T16:00:00') }, bj('2026-09-22T12:00:00'));
    expect(decision).toMatchObject({ dueOn: '2026-09-28', daysLeft: 6, state: 'warning' });
    const [late] = caseClocks({ ...none, filedAt: bj('2026-06-27T16:00:00') }, bj('2026-09-29T00:00:01'));
    expect(late).toMatchObject({ state: 'overdue', daysLeft: -1 });
  });

  it('counts delivery (7) and publication (20) in working days across 国庆 and its 调休 Saturday', () => {
    const milestones = { ...none, filedAt: bj('2026-08-01T09:00:00'), decidedAt: bj('2026-09-24T15:00:00') };
    const clocks = caseClocks(milestones, bj('2026-10-09T10:00:00'));
    expect(clocks.map((clock) => [clock.kind, clock.dueOn, clock.state])).toEqual([
      ['decision', '2026-10-30', 'met'],
      // 28, 29, 30 Sept; 8, 9, 10 (调休 Saturday), 12 Oct.
      ['delivery', '2026-10-12', 'warning'],
      ['publication', '2026-10-29', 'running'],
    ]);
    expect(clocks[1]?.daysLeft).toBe(2);
    expect(clocks[2]?.daysLeft).toBe(15);
    const nearEnd = caseClocks(
      { ...milestones, deliveredAt: bj('2026-10-12T18:00:00') },
      bj('2026-10-27T08:00:00'),
    );
    expect(nearEnd[1]).toMatchObject({ state: 'met', daysLeft: null });
    expect(nearEnd[2]).toMatchObject({ state: 'warning', daysLeft: 2 });
  });

  it('says met or missed once the milestone is reached, and stopped for a case ended without it', () => {
    const decided = { ...none, filedAt: bj('2026-08-01T09:00:00'), decidedAt: bj('2026-09-24T15:00:00') };
    const late = caseClocks(
      { ...decided, deliveredAt: bj('2026-10-13T00:00:00') },
      bj('2026-10-14T00:00:00'),
    );
    expect(late[1]).toMatchObject({ kind: 'delivery', state: 'missed' });
    expect(late[2]).toMatchObject({ kind: 'publication', state: 'running' });
    const dropped = caseClocks(
      { ...none, filedAt: bj('2026-08-01T09:00:00'), endedAt: bj('2026-08-20T09:00:00') },
      bj('2026-12-01T00:00:00'),
    );
    expect(dropped).toMatchObject([{ kind: 'decision', state: 'stopped', daysLeft: null }]);
  });
});
