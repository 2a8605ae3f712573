import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { EmptyState, Loading } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import { useInvitations } from '../api/get-invitations';
import { useWithdrawInvitation } from '../api/withdraw-invitation';

export function InvitationList() {
  const { t } = useTranslation();
  const invitations = useInvitations();
  const withdraw = useWithdrawInvitation();
  const formatDate = useDateTimeFormat();

  let content: ReactNode;
  if (invitations.isPending) content = <Loading />;
  else if (invitations.isError)
    content = <ApiErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />;
  else if (invitations.data.length === 0)
    content = <EmptyState>{t('organization.invitations.empty')}</EmptyState>;
  else
    content = (
      <div className="table-scroll">
        <table className="table" data-testid="invitation-list">
          <thead>
            <tr>
              <th>{t('fields.email')}</th>
              <th>{t('fields.role')}</th>
              <th>{t('organization.invitations.invitedAt')}</th>
              <th>{t('organization.invitations.expiresAt')}</th>
              <th>
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.map((invitation) => (
              <tr key={invitation.id} data-invitation={invitation.email}>
                <td>{invitation.email}</td>
                <td>{t(`roles.${invitation.role}`)}</td>
                <td className="nowrap">{formatDate(invitation.createdAt)}</td>
                <td className="nowrap">{formatDate(invitation.expiresAt)}</td>
                <td>
                  <ConfirmButton
                    tone="danger"
                    small
                    label={t('organization.invitations.withdraw')}
                    question={t('organization.invitations.withdrawConfirm', { email: invitation.email })}
                    pending={withdraw.isPending}
                    onConfirm={() => withdraw.mutate(invitation.id)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <section className="panel">
      <h2 className="section-heading">{t('organization.invitations.pendingHeading')}</h2>
      {withdraw.isError && <ApiErrorAlert error={withdraw.error} />}
      {content}
    </section>
  );
}
