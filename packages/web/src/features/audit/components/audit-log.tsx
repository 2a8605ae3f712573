import '../audit.css';
import type { Home } from '@jadelive/shared';
import { AUDIT_EXPORT_MAX_ROWS } from '@jadelive/shared/audit-trail';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { auditExportHref, useAuditLog, useAuditOrganizations } from '../api/audit-log';
import { AuditFilterForm } from './audit-filter-form';
import { filtersFromParams } from './audit-filters';
import { AuditTable } from './audit-table';

/**
 * `reader`: the reader's kind of account, which decides where an object's link goes. `platform`:
 * every organisation's trail, the organisation a filter and a column; `organization`: one
 * organisation's (a platform admin's settings read the platform's own, not everyone's).
 */
type AuditLogProps = { reader: Home } & (
  | { scope: 'platform' }
  | { scope: 'organization'; organizationId: string }
);

/** The audit trail with its filters (kept in the URL), paging and CSV export. */
export function AuditLog(props: AuditLogProps) {
  const { scope, reader } = props;
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = {
    ...filtersFromParams(params),
    ...(props.scope === 'organization' ? { organizationId: props.organizationId } : {}),
  };
  const log = useAuditLog(filters);
  const organizations = useAuditOrganizations(scope === 'platform');
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  const narrow = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  const actorName = entries.find((entry) => entry.actor.id === filters.actorUserId)?.actor.name;
  const targetName = entries.find((entry) => entry.target?.id === filters.targetId)?.target?.label;

  return (
    <div className="audit-log" data-testid="audit-log">
      <AuditFilterForm organizations={scope === 'platform' ? (organizations.data ?? []) : null} />
      <div className="audit-toolbar">
        <div className="chips">
          {filters.actorUserId && (
            <FilterChip
              label={t('audit.filters.actor', { name: actorName ?? t('audit.someone') })}
              onRemove={() => narrow('actor', null)}
            />
          )}
          {filters.targetId && (
            <FilterChip
              label={t('audit.filters.targetFilter', { name: targetName ?? filters.targetId })}
              onRemove={() => {
                const next = new URLSearchParams(params);
                next.delete('target');
                next.delete('targetType');
                setParams(next);
              }}
            />
          )}
        </div>
        <a
          className="button"
          href={auditExportHref(filters)}
          download
          title={t('audit.exportHint', { max: AUDIT_EXPORT_MAX_ROWS })}
          data-testid="audit-export"
        >
          {t('audit.exportCsv')}
        </a>
      </div>
      <section className="panel" data-testid="audit-panel">
        {log.isPending ? (
          <Loading />
        ) : log.isError ? (
          <ApiErrorAlert error={log.error} onRetry={() => void log.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyState>{t('audit.empty')}</EmptyState>
        ) : (
          <AuditTable
            entries={entries}
            reader={reader}
            showOrganization={scope === 'platform'}
            onActor={(actorUserId) => narrow('actor', actorUserId)}
            onOrganization={(organizationId) => narrow('organization', organizationId)}
          />
        )}
        {log.hasNextPage && (
          <button
            type="button"
            className="button"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {log.isFetchingNextPage ? t('common.loading') : t('audit.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}

function FilterChip({ label, onRemove }: { label: string; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <span className="chip">
      {label}
      <button type="button" className="chip-remove" aria-label={t('audit.filters.remove')} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}
