import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import { useMarkRead, useNotifications } from '../api/notifications';

/** What the platform told this organisation (revocations, suspensions), newest first. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const formatDate = useDateTimeFormat();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  // A decision's status, time and reason are facts; their words come from the reader's catalogue.
  const wordingFacts = (details: Record<string, unknown>) => ({
    ...details,
    statusText: typeof details.status === 'string' ? t(`notifications.statuses.${details.status}`, '') : '',
    noteText: details.note ? t('notifications.decisionNote', { note: details.note }) : '',
    startsAtText: typeof details.startsAt === 'string' ? formatDate(details.startsAt) : '',
    answerByText: typeof details.answerBy === 'string' ? formatDate(details.answerBy) : '',
    categoryText:
      typeof details.category === 'string'
        ? t(`complaints.categories.${details.category}`, details.category)
        : '',
  });
  return (
    <div className="page" data-page="notifications">
      <header className="page-header">
        <h1>{t('notifications.title')}</h1>
        <p className="muted">{t('notifications.intro')}</p>
      </header>
      {notifications.isPending ? (
        <Loading />
      ) : notifications.isError ? (
        <ApiErrorAlert error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : notifications.data.length === 0 ? (
        <EmptyState>{t('notifications.empty')}</EmptyState>
      ) : (
        <ul className="panel notification-list">
          {notifications.data.map((notification) => (
            <li
              key={notification.id}
              className={notification.readAt ? 'notification' : 'notification notification-unread'}
            >
              <p>
                {i18n.exists(`notifications.kinds.${notification.kind}`)
                  ? t(
                      `notifications.kinds.${notification.kind}` as 'notifications.kinds.listing_suspended',
                      wordingFacts(notification.details),
                    )
                  : notification.message}
              </p>
              <p className="fine-print">
                {formatDate(notification.createdAt)}
                {!notification.readAt && ` · ${t('notifications.unread')}`}
              </p>
              {!notification.readAt && (
                <button
                  type="button"
                  className="button button-small"
                  disabled={markRead.isPending}
                  onClick={() => markRead.mutate(notification.id)}
                >
                  {t('notifications.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
