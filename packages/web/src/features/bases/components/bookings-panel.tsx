import { BOOKING_TRANSITIONS, type Booking } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import { useBaseBookings, useChangeBooking } from '../api/operator-bases';
import { useDecisionReasons } from './decision-reason';

/** Upcoming bookings, requests first: approve or reject them, cancel an approved one. */
export function BookingsPanel({ baseId }: { baseId: string }) {
  const { t } = useTranslation();
  const bookings = useBaseBookings(baseId);
  const change = useChangeBooking();
  const requested = (bookings.data ?? []).filter((booking) => booking.status === 'requested');
  const approved = (bookings.data ?? []).filter((booking) => booking.status === 'approved');
  return (
    <section className="panel" data-testid="bookings-panel">
      <h2 className="section-heading">{t('bases.operator.bookings')}</h2>
      {change.isError && <ApiErrorAlert error={change.error} />}
      {bookings.isPending ? (
        <Loading />
      ) : bookings.isError ? (
        <ApiErrorAlert error={bookings.error} onRetry={() => void bookings.refetch()} />
      ) : (
        <>
          {requested.length === 0 ? (
            <EmptyState>{t('bases.operator.noBookings')}</EmptyState>
          ) : (
            <BookingRows bookings={requested} change={change} />
          )}
          {approved.length > 0 && (
            <details>
              <summary className="field-label">
                {t('bases.operator.upcoming')} ({approved.length})
              </summary>
              <BookingRows bookings={approved} change={change} />
            </details>
          )}
        </>
      )}
    </section>
  );
}

function BookingRows({
  bookings,
  change,
}: {
  bookings: Booking[];
  change: ReturnType<typeof useChangeBooking>;
}) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const reasons = useDecisionReasons();
  return (
    <ul className="row-list">
      {bookings.map((booking) => (
        <li key={booking.id} className="row-item" data-booking={booking.id}>
          <span className="cell-name">
            <strong>{booking.seller.name}</strong> · {booking.studio.name}{' '}
            <span className={`status status-${booking.status}`}>
              {t(`bases.bookingStatuses.${booking.status}`)}
            </span>
            <span className="fine-print">
              {' '}
              · {formatDate(booking.startsAt)} – {formatDate(booking.endsAt)}
              {booking.purpose && ` · ${booking.purpose}`}
            </span>
          </span>
          <span className="button-row">
            {reasons.field(booking.id)}
            {BOOKING_TRANSITIONS[booking.status].map((status) => (
              <button
                key={status}
                type="button"
                className={`button button-small ${status === 'approved' ? 'button-primary' : 'button-danger'}`}
                disabled={change.isPending}
                onClick={() =>
                  change.mutate(
                    { bookingId: booking.id, status, note: reasons.reasonFor(booking.id) },
                    { onSuccess: () => reasons.clear(booking.id) },
                  )
                }
              >
                {t(`bases.bookingActions.${status}`)}
              </button>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
