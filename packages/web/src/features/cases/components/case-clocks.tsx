import type { CaseClock, CaseStep } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';

const STATE_CLASS: Record<CaseClock['state'], string> = {
  running: 'status',
  warning: 'status status-warning',
  overdue: 'status status-overdue',
  met: 'status status-active',
  missed: 'status status-overdue',
  stopped: 'status',
};

/** A clock's days left in its unit, or its outcome once stopped. */
function useClockText() {
  const { t } = useTranslation();
  return (clock: CaseClock) => {
    if (clock.daysLeft === null || clock.state === 'overdue') return t(`cases.clocks.states.${clock.state}`);
    return t(`cases.clocks.${clock.unit}`, { days: clock.daysLeft });
  };
}

/** The statutory clocks with their basis, due day, days left and a warning as they run out. */
export function ClockList({ clocks }: { clocks: CaseClock[] }) {
  const { t } = useTranslation();
  const text = useClockText();
  if (clocks.length === 0) return <p className="muted">{t('cases.clocks.none')}</p>;
  return (
    <ul className="clock-list" data-testid="case-clocks">
      {clocks.map((clock) => (
        <li key={clock.kind} className="clock" data-clock={clock.kind} data-state={clock.state}>
          <strong>{t(`cases.clocks.${clock.kind}`)}</strong>
          <span>{t('cases.clocks.due', { dueOn: clock.dueOn })}</span>
          <span className={STATE_CLASS[clock.state]} data-testid="clock-left">
            {text(clock)}
          </span>
          <span className="fine-print">{clock.basis}</span>
        </li>
      ))}
    </ul>
  );
}

/** The clocks that still run, compact, for lists: the most pressing first. */
export function ClockBadges({ clocks }: { clocks: CaseClock[] }) {
  const { t } = useTranslation();
  const text = useClockText();
  const running = clocks
    .filter((clock) => clock.daysLeft !== null)
    .sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
  if (running.length === 0) return <span className="muted">—</span>;
  return (
    <span className="chips">
      {running.map((clock) => (
        <span
          key={clock.kind}
          className={STATE_CLASS[clock.state]}
          data-clock={clock.kind}
          data-state={clock.state}
        >
          {t(`cases.clocks.${clock.kind}`)} · {text(clock)}
        </span>
      ))}
    </span>
  );
}

export function StepBadge({ step }: { step: CaseStep }) {
  const { t } = useTranslation();
  return (
    <span className="status case-step" data-step={step} data-testid="case-step">
      {t(`cases.steps.${step}`)}
    </span>
  );
}
