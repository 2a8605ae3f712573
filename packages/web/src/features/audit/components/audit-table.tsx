import type { Home } from '@jadelive/shared';
import type { AuditRecord } from '@jadelive/shared/audit-trail';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDateTimeFormat } from '../../../i18n/format';
import { describeDetails } from './audit-details';
import { objectHref } from './object-links';

interface AuditTableProps {
  entries: AuditRecord[];
  reader: Home;
  /** Show whose trail each entry is in (the platform reads every organisation's). */
  showOrganization: boolean;
  onActor: (actorUserId: string) => void;
  onOrganization: (organizationId: string) => void;
}

/** The audit trail as a table: actions in words, people and objects by name, objects linked. */
export function AuditTable({ entries, reader, showOrganization, onActor, onOrganization }: AuditTableProps) {
  const { t, i18n } = useTranslation();
  const formatDate = useDateTimeFormat();

  const actionLabel = (action: string) => {
    const key = `audit.actions.${action}`;
    // Entries written under a key since retired still read, as recorded.
    return i18n.exists(key) ? t(key as 'audit.actions.auth.login') : action;
  };
  const detailKey = (key: string) => {
    const path = `audit.detailKeys.${key}`;
    return i18n.exists(path) ? t(path as 'audit.detailKeys.reason') : key;
  };
  const targetType = (type: string) => {
    const key = `audit.targets.${type}`;
    return i18n.exists(key) ? t(key as 'audit.targets.order') : type;
  };

  return (
    <div className="table-scroll">
      <table className="table audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th>{t('audit.time')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.target')}</th>
            {showOrganization && <th>{t('audit.organization')}</th>}
            <th>{t('audit.details')}</th>
            <th>{t('audit.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const href = objectHref(entry, reader);
            const details = describeDetails(entry.details, (iso) => formatDate(iso));
            return (
              <tr key={entry.id} data-action={entry.action}>
                <td className="nowrap">{formatDate(entry.occurredAt)}</td>
                <td>{actionLabel(entry.action)}</td>
                <td>
                  <ActorCell entry={entry} onActor={onActor} />
                </td>
                <td>
                  {entry.target ? (
                    <span className="audit-target">
                      <span className="muted">{targetType(entry.target.type)}</span>{' '}
                      {href ? (
                        <Link to={href}>{entry.target.label ?? t('audit.open')}</Link>
                      ) : (
                        entry.target.label
                      )}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                {showOrganization && (
                  <td>
                    {entry.organization ? (
                      <button
                        type="button"
                        className="link-button"
                        title={t('audit.filterByOrganization')}
                        onClick={() => entry.organization && onOrganization(entry.organization.id)}
                      >
                        {entry.organization.name}
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                )}
                <td className="details-cell">
                  {details.length === 0 ? (
                    '—'
                  ) : (
                    <dl className="audit-details">
                      {details.map(([key, value]) => (
                        <div key={key}>
                          <dt>{detailKey(key)}</dt>
                          <dd>{value}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
                <td className="mono">{entry.ip ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ActorCell({ entry, onActor }: { entry: AuditRecord; onActor: (actorUserId: string) => void }) {
  const { t } = useTranslation();
  const { actor } = entry;
  if (actor.kind === 'system') return <span className="muted">{t('audit.system')}</span>;
  const name =
    actor.kind === 'token'
      ? t('audit.token', { name: actor.name ?? '' })
      : (actor.name ?? t('audit.someone'));
  return (
    <span className="audit-actor">
      {actor.kind === 'user' && actor.id ? (
        <button
          type="button"
          className="link-button"
          title={t('audit.filterByActor')}
          onClick={() => actor.id && onActor(actor.id)}
        >
          {name}
        </button>
      ) : (
        name
      )}
      {actor.organizationName && <span className="muted"> · {actor.organizationName}</span>}
    </span>
  );
}
