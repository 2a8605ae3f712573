import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { useOrganizations } from '../api/get-organizations';

/** Every organisation on the platform; shown on the platform admin's home. */
export function OrganizationsTable() {
  const { t } = useTranslation();
  const organizations = useOrganizations();

  let content: ReactNode;
  if (organizations.isPending) content = <Loading />;
  else if (organizations.isError)
    content = <ApiErrorAlert error={organizations.error} onRetry={() => void organizations.refetch()} />;
  else if (organizations.data.length === 0) content = <EmptyState>{t('platform.empty')}</EmptyState>;
  else
    content = (
      <div className="table-scroll">
        <table className="table" data-testid="organizations-table">
          <thead>
            <tr>
              <th>{t('platform.organizationName')}</th>
              <th>{t('platform.kind')}</th>
              <th>{t('platform.district')}</th>
              <th className="numeric">{t('platform.memberCount')}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.data.map((organization) => (
              <tr key={organization.id} data-organization={organization.slug}>
                <td className="cell-name">{organization.name}</td>
                <td>
                  <span className={`kind kind-${organization.kind}`}>{t(`kinds.${organization.kind}`)}</span>
                </td>
                <td className="nowrap">{organization.district ?? t('common.none')}</td>
                <td className="numeric">{organization.memberCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <section className="panel home-section" id="organizations">
      <h2 className="section-heading">{t('platform.organizationsHeading')}</h2>
      {content}
    </section>
  );
}
