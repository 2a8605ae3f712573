import type { ComplaintDeadline } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormat } from '../../../i18n/format';

/**
 * A running deadline: when it falls (Beijing time) and what is left of it, in calendar or working
 * days as its rule counts them; overdue shows as a warning.
 */
export function Deadline({ label, deadline }: { label: 'answer' | 'decision'; deadline: ComplaintDeadline }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const working = deadline.unit === 'working_days';
  const left = deadline.overdue
    ? working
      ? t('complaints.deadline.overdueWorking', { count: Math.abs(deadline.daysLeft) })
      : t('complaints.deadline.overdue')
    : deadline.daysLeft === 0
      ? t('complaints.deadline.dueToday')
      : working
        ? t('complaints.deadline.workingLeft', { count: deadline.daysLeft })
        : t('complaints.deadline.calendarLeft', { count: deadline.daysLeft });
  const urgent = deadline.overdue || deadline.daysLeft <= 1;
  return (
    <p
      className={deadline.overdue ? 'alert alert-error complaint-deadline' : 'complaint-deadline'}
      data-testid={`${label}-deadline`}
      data-overdue={deadline.overdue}
      data-days-left={deadline.daysLeft}
    >
      {t(`complaints.deadline.${label}`, { time: formatDate(deadline.dueAt) })} ·{' '}
      <strong className={urgent ? 'deadline-urgent' : undefined}>{left}</strong>
    </p>
  );
}
