import { MEMBERSHIP_DECISIONS } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import { useBaseMembers, useDecideMembership } from '../api/operator-bases';
import { useDecisionReasons } from './decision-reason';

/** Applications and resident sellers, each with the decisions its status allows. */
export function MembersPanel({ baseId }: { baseId: string }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const members = useBaseMembers(baseId);
  const decide = useDecideMembership();
  const reasons = useDecisionReasons();
  return (
    <section className="panel" data-testid="members-panel">
      <h2 className="section-heading">{t('bases.operator.members')}</h2>
      {decide.isError && <ApiErrorAlert error={decide.error} />}
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ApiErrorAlert error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.length === 0 ? (
        <EmptyState>{t('bases.operator.noMembers')}</EmptyState>
      ) : (
        <ul className="row-list">
          {members.data.map((membership) => (
            <li key={membership.seller.id} className="row-item" data-member={membership.seller.id}>
              <span className="cell-name">
                <strong>{membership.seller.name}</strong>{' '}
                <span className={`status status-${membership.status}`}>
                  {t(`bases.membershipStatuses.${membership.status}`)}
                </span>
                <span className="fine-print">
                  {' '}
                  · {formatDate(membership.decidedAt ?? membership.appliedAt)}
                  {membership.note && ` · ${membership.note}`}
                </span>
              </span>
              <span className="button-row">
                {MEMBERSHIP_DECISIONS[membership.status].length > 0 && reasons.field(membership.seller.id)}
                {MEMBERSHIP_DECISIONS[membership.status].map((status) => (
                  <button
                    key={status}
                    type="button"
                    className={`button button-small ${status === 'admitted' ? 'button-primary' : 'button-danger'}`}
                    disabled={decide.isPending}
                    onClick={() =>
                      decide.mutate(
                        {
                          baseId,
                          sellerOrgId: membership.seller.id,
                          status,
                          note: reasons.reasonFor(membership.seller.id),
                        },
                        { onSuccess: () => reasons.clear(membership.seller.id) },
                      )
                    }
                  >
                    {t(`bases.decisions.${status}`)}
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
