import type { CaseClock } from './cases';
import {
  addCalendarDays,
  addWorkingDays,
  beijingDate,
  calendarDaysLeft,
  workingDaysLeft,
} from './working-days';

type ClockKind = CaseClock['kind'];
type Instant = Date | string | null;

interface ClockRule {
  days: number;
  unit: CaseClock['unit'];
  basis: string;
  /** The milestone that starts the clock and the one that stops it. */
  startsAt: 'filedAt' | 'decidedAt';
  stoppedBy: 'decidedAt' | 'deliveredAt' | 'publishedAt';
}

/**
 * The statutory clocks of a case. 行政处罚法 第60条: decide within 90 days of 立案 (calendar days;
 * a last day that is a rest day moves to the next working day). 第61条: deliver the decision within
 * 7 days, and 第85条 counts the law's 2-, 3-, 5- and 7-day periods in working days. 行政处罚信息公示
 * 规定 第9条: publish within 20 working days of the decision.
 */
const CASE_CLOCK_RULES: Record<ClockKind, ClockRule> = {
  decision: {
    days: 90,
    unit: 'calendar_days',
    basis: '《行政处罚法》第六十条',
    startsAt: 'filedAt',
    stoppedBy: 'decidedAt',
  },
  delivery: {
    days: 7,
    unit: 'working_days',
    basis: '《行政处罚法》第六十一条、第八十五条',
    startsAt: 'decidedAt',
    stoppedBy: 'deliveredAt',
  },
  publication: {
    days: 20,
    unit: 'working_days',
    basis: '《市场监督管理行政处罚信息公示规定》第九条',
    startsAt: 'decidedAt',
    stoppedBy: 'publishedAt',
  },
};

/** A running clock warns at this many days left in its unit or fewer. */
const CLOCK_WARNING_DAYS: Record<CaseClock['unit'], number> = {
  calendar_days: 7,
  working_days: 2,
};

/** The milestones of a case that start and stop its clocks; `endedAt` is when it was dropped or closed. */
export interface CaseMilestones {
  filedAt: Instant;
  decidedAt: Instant;
  deliveredAt: Instant;
  publishedAt: Instant;
  endedAt: Instant;
}

const toDate = (value: Instant) => (value === null ? null : new Date(value));

/** The deadline of a clock started at `start`. */
function clockDeadline(kind: ClockKind, start: Date): Date {
  const rule = CASE_CLOCK_RULES[kind];
  return rule.unit === 'working_days'
    ? addWorkingDays(start, rule.days)
    : addCalendarDays(start, rule.days, { extendPastRestDay: true });
}

/**
 * The clocks a case has started, each with its due day (Beijing), the days left in its unit, and
 * its state: running, warning (≤ 7 calendar / ≤ 2 working days left), overdue; met or missed once
 * the milestone it waits for is reached; stopped when the case ended without it.
 */
export function caseClocks(milestones: CaseMilestones, now: Date = new Date()): CaseClock[] {
  const clocks: CaseClock[] = [];
  for (const kind of Object.keys(CASE_CLOCK_RULES) as ClockKind[]) {
    const rule = CASE_CLOCK_RULES[kind];
    const start = toDate(milestones[rule.startsAt]);
    if (!start) continue;
    const due = clockDeadline(kind, start);
    const base = {
      kind,
      basis: rule.basis,
      unit: rule.unit,
      days: rule.days,
      startedOn: beijingDate(start),
      dueOn: beijingDate(due),
    };
    const reached = toDate(milestones[rule.stoppedBy]);
    if (reached) {
      clocks.push({ ...base, daysLeft: null, state: reached <= due ? 'met' : 'missed' });
      continue;
    }
    if (toDate(milestones.endedAt)) {
      clocks.push({ ...base, daysLeft: null, state: 'stopped' });
      continue;
    }
    const daysLeft = rule.unit === 'working_days' ? workingDaysLeft(now, due) : calendarDaysLeft(now, due);
    const state = now > due ? 'overdue' : daysLeft <= CLOCK_WARNING_DAYS[rule.unit] ? 'warning' : 'running';
    clocks.push({ ...base, daysLeft, state });
  }
  return clocks;
}
