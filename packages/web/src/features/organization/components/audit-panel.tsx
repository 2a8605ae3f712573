import { useTranslation } from 'react-i18next';
import { AuditTable } from '../../../components/audit-table';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Loading } from '../../../components/ui/status';
import { useMembers } from '../api/get-members';
import { useOrgAudit } from '../api/get-org-audit';

export function AuditPanel() {
  const { t } = useTranslation();
  const audit = useOrgAudit();
  // Audit events carry user IDs only; the member list turns them into names where it can.
  const members = useMembers();
  const nameOf = (userId: string) => members.data?.find((member) => member.id === userId)?.displayName;

  if (audit.isPending) return <Loading />;
  if (audit.isError) return <ApiErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />;

  return (
    <section className="panel" data-testid="audit-panel">
      <AuditTable events={audit.data.pages.flatMap((page) => page.events)} actorName={nameOf} />
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
  );
}
