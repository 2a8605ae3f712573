import '../bases.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { useLanguage } from '../../../i18n/language';
import { consolePaths } from '../../../lib/paths';
import { shanghaiClock, shanghaiToday } from '../../../lib/shanghai-time';
import { useBaseCalendar } from '../api/operator-bases';
import { addDays, overlapsDay, weekDays } from './week-days';

/** A base's week: studios as rows, days as columns, bookings as blocks with seller and status. */
export function WeekCalendarPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { baseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const week = params.get('week') ?? shanghaiToday();
  const calendar = useBaseCalendar(baseId, week);
  const dayLabel = new Intl.DateTimeFormat(language, {
    weekday: 'short',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });

  if (calendar.isPending) return <Loading />;
  if (calendar.isError)
    return <ApiErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />;
  const { base, weekStart, studios } = calendar.data;
  const days = weekDays(weekStart);
  const label = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

  return (
    <div className="page" data-page="base-calendar" data-week={weekStart}>
      <Link to={consolePaths.operator.base(base.id)} className="back-link">
        ← {base.name}
      </Link>
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('bases.calendar.title', { base: base.name })}</h1>
          <p className="muted">
            {t('bases.calendar.week', { from: label(weekStart), to: label(addDays(weekStart, 6)) })} ·{' '}
            {t('bases.calendar.timeZone')}
          </p>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => setParams({ week: addDays(weekStart, -7) })}
            data-testid="week-previous"
          >
            {t('bases.calendar.previous')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setParams({})}>
            {t('bases.calendar.thisWeek')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setParams({ week: addDays(weekStart, 7) })}
            data-testid="week-next"
          >
            {t('bases.calendar.next')}
          </button>
        </div>
      </header>
      {studios.length === 0 ? (
        <EmptyState>{t('bases.calendar.noStudios')}</EmptyState>
      ) : (
        <div className="table-scroll panel">
          <table className="week-calendar" data-testid="week-calendar">
            <thead>
              <tr>
                <th>{t('bases.fields.studio')}</th>
                {days.map((day) => (
                  <th key={day} className={day === shanghaiToday() ? 'today' : undefined}>
                    {label(day)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {studios.map((studio) => (
                <tr key={studio.id} data-studio={studio.id}>
                  <th scope="row">
                    {studio.name}
                    <span className={`status status-${studio.status}`}>
                      {t(`bases.studioStatuses.${studio.status}`)}
                    </span>
                  </th>
                  {days.map((day) => (
                    <td key={day}>
                      {studio.slots
                        .filter((slot) => overlapsDay(slot, day))
                        .map((slot) => (
                          <div
                            key={`${slot.startsAt}-${slot.bookingId}`}
                            className={`slot slot-${slot.status}`}
                            data-booking={slot.bookingId}
                          >
                            <span className="slot-time">
                              {shanghaiClock(slot.startsAt)}–{shanghaiClock(slot.endsAt)}
                            </span>
                            <span className="slot-seller">
                              {slot.seller?.name ?? t('bases.bookingStatuses.busy')}
                            </span>
                            <span className="slot-status">{t(`bases.bookingStatuses.${slot.status}`)}</span>
                          </div>
                        ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
