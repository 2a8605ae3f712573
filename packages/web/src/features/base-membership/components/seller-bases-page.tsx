import { REAPPLY_FROM } from '@jadelive/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { EmptyState, Loading } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import { useAllBases, useApply, useCancelBooking, useMyBookings, useMyMemberships } from '../api/membership';
import { BookStudioForm } from './book-studio-form';

const BOOKINGS_SHOWN = 8;

/** A seller's bases: apply to join, see memberships, book studio time and cancel bookings. */
export function SellerBasesPage() {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const bases = useAllBases();
  const memberships = useMyMemberships();
  const bookings = useMyBookings();
  const apply = useApply();
  const cancel = useCancelBooking();
  const [allBookings, setAllBookings] = useState(false);
  const upcoming = bookings.data ?? [];
  const shownBookings = allBookings ? upcoming : upcoming.slice(0, BOOKINGS_SHOWN);
  const statusOf = new Map(
    (memberships.data ?? []).map((membership) => [membership.base.id, membership.status]),
  );
  const admitted = (bases.data ?? []).filter((base) => statusOf.get(base.id) === 'admitted');

  if (bases.isPending || memberships.isPending) return <Loading />;
  if (bases.isError) return <ApiErrorAlert error={bases.error} onRetry={() => void bases.refetch()} />;

  return (
    <div className="page" data-page="seller-bases">
      <header className="page-header">
        <h1>{t('bases.seller.title')}</h1>
        <p className="muted">{t('bases.seller.intro')}</p>
      </header>
      <section className="panel">
        <h2 className="section-heading">{t('bases.seller.book')}</h2>
        {admitted.length === 0 ? (
          <EmptyState>{t('bases.seller.needAdmission')}</EmptyState>
        ) : (
          <BookStudioForm bases={admitted} />
        )}
      </section>
      <section className="panel">
        <h2 className="section-heading">{t('bases.seller.myBookings')}</h2>
        {cancel.isError && <ApiErrorAlert error={cancel.error} />}
        {upcoming.length === 0 ? (
          <EmptyState>{t('bases.seller.noBookings')}</EmptyState>
        ) : (
          <ul className="row-list">
            {shownBookings.map((booking) => (
              <li key={booking.id} className="row-item" data-booking={booking.id}>
                <span className="cell-name">
                  <strong>{booking.base.name}</strong> · {booking.studio.name}{' '}
                  <span className={`status status-${booking.status}`}>
                    {t(`bases.bookingStatuses.${booking.status}`)}
                  </span>
                  <span className="fine-print">
                    {' '}
                    · {formatDate(booking.startsAt)} – {formatDate(booking.endsAt)}
                    {booking.decisionNote &&
                      ` · ${t('bases.decisionReason.shown', { note: booking.decisionNote })}`}
                  </span>
                </span>
                {(booking.status === 'requested' || booking.status === 'approved') && (
                  <ConfirmButton
                    tone="danger"
                    small
                    label={t('bases.seller.cancel')}
                    question={t('bases.seller.cancelConfirm')}
                    pending={cancel.isPending}
                    onConfirm={() => cancel.mutate(booking.id)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {shownBookings.length < upcoming.length && (
          <button type="button" className="button" onClick={() => setAllBookings(true)}>
            {t('common.loadMore')}
          </button>
        )}
      </section>
      <section className="panel">
        <h2 className="section-heading">{t('bases.seller.allBases')}</h2>
        {apply.isError && <ApiErrorAlert error={apply.error} />}
        <ul className="row-list">
          {bases.data.map((base) => {
            const status = statusOf.get(base.id);
            const canApply = status === undefined || (REAPPLY_FROM as readonly string[]).includes(status);
            return (
              <li key={base.id} className="row-item" data-base={base.id}>
                <span className="cell-name">
                  <strong>{base.name}</strong>{' '}
                  {status && (
                    <span className={`status status-${status}`}>
                      {t(`bases.membershipStatuses.${status}`)}
                    </span>
                  )}
                  <span className="fine-print">
                    {' '}
                    · {base.cluster.name} · {t(`bases.kinds.${base.kind}`)} ·{' '}
                    {t('bases.seller.studioCount', { count: base.studios.length })}
                  </span>
                </span>
                {canApply && (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={apply.isPending}
                    onClick={() => apply.mutate(base.id)}
                  >
                    {t('bases.seller.apply')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
