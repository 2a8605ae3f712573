import type { AuditEvent } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormat } from '../i18n/format';
import { EmptyState } from './ui/status';

interface AuditTableProps {
  events: AuditEvent[];
  /** Names for user IDs the caller knows (its members); unknown IDs are shortened. */
  actorName?: (userId: string) => string | undefined;
}

const shortId = (id: string) => id.slice(0, 8);

/** The audit trail as a table; shared by the organisation settings and the platform admin pages. */
export function AuditTable({ events, actorName }: AuditTableProps) {
  const { t, i18n } = useTranslation();
  const formatDate = useDateTimeFormat();
  if (events.length === 0) return <EmptyState>{t('audit.empty')}</EmptyState>;

  const actionLabel = (action: string) => {
    const key = `audit.actions.${action}`;
    // Actions come from the server and grow over time; unknown ones show as recorded.
    return i18n.exists(key) ? t(key as 'audit.actions.auth.login') : action;
  };
  const actorLabel = (event: AuditEvent) => {
    if (event.actorUserId) return actorName?.(event.actorUserId) ?? shortId(event.actorUserId);
    if (event.actorTokenId) return t('audit.token', { id: shortId(event.actorTokenId) });
    return t('audit.system');
  };

  const targetLabel = (event: AuditEvent) => {
    if (!event.targetType) return '—';
    const name = event.targetType === 'user' && event.targetId ? actorName?.(event.targetId) : undefined;
    return name ?? <span className="mono">{`${event.targetType} ${shortId(event.targetId ?? '')}`}</span>;
  };

  return (
    <div className="table-scroll">
      <table className="table" data-testid="audit-table">
        <thead>
          <tr>
            <th>{t('audit.time')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.target')}</th>
            <th>{t('audit.details')}</th>
            <th>{t('audit.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="nowrap">{formatDate(event.occurredAt)}</td>
              <td className="nowrap">{actionLabel(event.action)}</td>
              <td className="nowrap">{actorLabel(event)}</td>
              <td className="nowrap">{targetLabel(event)}</td>
              <td className="mono details-cell">{formatDetails(event.details)}</td>
              <td className="mono">{event.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function formatDetails(details: unknown): string {
  if (details === null || details === undefined) return '—';
  if (typeof details !== 'object') return String(details);
  const entries = Object.entries(details as Record<string, unknown>);
  if (entries.length === 0) return '—';
  return entries
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}
