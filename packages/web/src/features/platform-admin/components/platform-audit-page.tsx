import { useTranslation } from 'react-i18next';
import { AuditTable } from '../../../components/audit-table';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Loading } from '../../../components/ui/status';
import { usePlatformAudit } from '../api/get-platform-audit';

export function PlatformAuditPage() {
  const { t } = useTranslation();
  const audit = usePlatformAudit();

  return (
    <div className="page" data-page="platform-audit">
      <header className="page-header">
        <h1>{t('platform.auditTitle')}</h1>
      </header>
      {audit.isPending && <Loading />}
      {audit.isError && <ApiErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.isSuccess && (
        <section className="panel">
          <AuditTable events={audit.data.pages.flatMap((page) => page.events)} />
          {audit.hasNextPage && (
            <button
              type="button"
              className="button"
              disabled={audit.isFetchingNextPage}
              onClick={() => void audit.fetchNextPage()}
            >
              {audit.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
