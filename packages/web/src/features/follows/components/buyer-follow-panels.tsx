import '../follows.css';
import type { BuyerNotification } from '@jadelive/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import { complaintPaths, livePaths, publicPaths } from '../../../lib/paths';
import { useBuyerNotifications, useMarkBuyerNotificationRead } from '../api/buyer-notifications';
import { useFollowedShops } from '../api/follows';
import { useReminders } from '../api/reminders';

/** The buyer home's own panels: messages, the shops they follow (关注的商家) and their reminders. */
export function BuyerFollowPanels() {
  return (
    <>
      <BuyerNotificationsPanel />
      <FollowedShopsPanel />
      <RemindersPanel />
    </>
  );
}

function FollowedShopsPanel() {
  const { t } = useTranslation();
  const shops = useFollowedShops();
  return (
    <section className="home-section" data-testid="followed-shops">
      <h2 className="section-heading">{t('follows.home.followedHeading')}</h2>
      {shops.isPending ? (
        <Loading />
      ) : shops.isError ? (
        <ApiErrorAlert error={shops.error} onRetry={() => void shops.refetch()} />
      ) : shops.data.length === 0 ? (
        <EmptyState>{t('follows.home.noFollowed')}</EmptyState>
      ) : (
        <ul className="follow-list">
          {shops.data.map(({ shop, liveSessionId }) => (
            <li key={shop.id} data-shop={shop.slug}>
              <Link to={publicPaths.shop(shop.slug)}>{shop.name}</Link>
              {liveSessionId && (
                <>
                  {' · '}
                  <Link to={livePaths.watch(liveSessionId)} className="chip" data-testid="followed-shop-live">
                    {t('follows.home.liveNow')}
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RemindersPanel() {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const reminders = useReminders();
  return (
    <section className="home-section" data-testid="reminders">
      <h2 className="section-heading">{t('follows.home.remindersHeading')}</h2>
      {reminders.isPending ? (
        <Loading />
      ) : reminders.isError ? (
        <ApiErrorAlert error={reminders.error} onRetry={() => void reminders.refetch()} />
      ) : reminders.data.length === 0 ? (
        <EmptyState>{t('follows.home.noReminders')}</EmptyState>
      ) : (
        <ul className="follow-list">
          {reminders.data.map(({ session, shop }) => (
            <li key={session.id} data-session={session.id} data-status={session.status}>
              <Link to={livePaths.watch(session.id)}>{session.title}</Link>{' '}
              <span className="chip">{t(`follows.sessionStatus.${session.status}`)}</span>
              <span className="muted">
                {' '}
                {t('follows.home.reminderAt', { shop: shop.name, time: format(session.plannedStartAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BuyerNotificationsPanel() {
  const { t } = useTranslation();
  const notifications = useBuyerNotifications();
  return (
    <section className="home-section" data-testid="buyer-notifications">
      <h2 className="section-heading">{t('follows.home.notificationsHeading')}</h2>
      {notifications.isPending ? (
        <Loading />
      ) : notifications.isError ? (
        <ApiErrorAlert error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : notifications.data.length === 0 ? (
        <EmptyState>{t('follows.home.noNotifications')}</EmptyState>
      ) : (
        <ul className="follow-list">
          {notifications.data.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} />
          ))}
        </ul>
      )}
    </section>
  );
}

function NotificationItem({ notification }: { notification: BuyerNotification }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const markRead = useMarkBuyerNotificationRead();
  const { to, text, hint } = notificationWords(notification, t);
  return (
    <li
      data-notification={notification.id}
      data-kind={notification.kind}
      data-read={notification.readAt !== null}
    >
      <Link to={to} onClick={() => notification.readAt === null && markRead.mutate(notification.id)}>
        {text}
      </Link>
      <span className="muted fine-print">
        {' · '}
        {hint}
        {' · '}
        {format(notification.createdAt)}
      </span>
      {notification.readAt === null && (
        <button
          type="button"
          className="button button-small"
          disabled={markRead.isPending}
          onClick={() => markRead.mutate(notification.id)}
        >
          {t('follows.home.markRead')}
        </button>
      )}
    </li>
  );
}

/** Where a notification leads and how it reads, by its kind. */
function notificationWords(notification: BuyerNotification, t: TFunction) {
  switch (notification.kind) {
    case 'session_live': {
      const { details } = notification;
      return {
        to: livePaths.watch(details.sessionId),
        text: t('follows.notifications.session_live', { shop: details.shopName, title: details.title }),
        hint: details.reminded
          ? t('follows.notifications.remindedHint')
          : t('follows.notifications.followedHint'),
      };
    }
    case 'complaint_answered':
      return {
        to: complaintPaths.buyerComplaint(notification.details.complaintId),
        text: t('follows.notifications.complaint_answered', {
          shop: notification.details.shopName,
          title: notification.details.title,
        }),
        hint: t('follows.notifications.complaintHint'),
      };
    case 'complaint_decided': {
      const { details } = notification;
      return {
        to: complaintPaths.buyerComplaint(details.complaintId),
        text: t(`follows.notifications.complaint_decided_${details.outcome}`, {
          regulator: details.regulatorName,
          title: details.title,
          reason: details.reason,
        }),
        hint: t('follows.notifications.complaintHint'),
      };
    }
  }
}
