import { type MemberRole, rolesForKind } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import { useChangeMemberRole } from '../api/change-member-role';
import { useMembers } from '../api/get-members';
import type { OrgViewer } from './org-viewer';

export function MembersPanel({ viewer }: { viewer: OrgViewer }) {
  const { t } = useTranslation();
  const members = useMembers();
  const changeRole = useChangeMemberRole();
  const formatDate = useDateTimeFormat();
  // The server enforces this too; the UI only avoids offering what would be refused.
  const canChangeRoles = viewer.role === 'owner';
  const roles = rolesForKind(viewer.organizationKind);

  if (members.isPending) return <Loading />;
  if (members.isError) return <ApiErrorAlert error={members.error} onRetry={() => void members.refetch()} />;
  if (members.data.length === 0) return <EmptyState>{t('organization.members.empty')}</EmptyState>;

  return (
    <section className="panel" data-testid="members-panel">
      {!canChangeRoles && <p className="muted">{t('organization.members.ownerOnly')}</p>}
      {changeRole.isError && <ApiErrorAlert error={changeRole.error} />}
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('fields.displayName')}</th>
              <th>{t('fields.email')}</th>
              <th>{t('fields.role')}</th>
              <th>{t('organization.members.joined')}</th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((member) => {
              const isSelf = member.id === viewer.userId;
              return (
                <tr key={member.id} data-member={member.email}>
                  <td>
                    {member.displayName}
                    {isSelf && <span className="muted"> {t('common.you')}</span>}
                  </td>
                  <td>{member.email}</td>
                  <td>
                    {canChangeRoles && !isSelf ? (
                      <select
                        className="input input-compact"
                        aria-label={t('organization.members.changeRole', { name: member.displayName })}
                        value={member.role}
                        disabled={changeRole.isPending}
                        onChange={(event) =>
                          changeRole.mutate({ userId: member.id, role: event.target.value as MemberRole })
                        }
                      >
                        {roles.map((role) => (
                          <option key={role} value={role}>
                            {t(`roles.${role}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`roles.${member.role}`)
                    )}
                  </td>
                  <td className="nowrap">{formatDate(member.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
