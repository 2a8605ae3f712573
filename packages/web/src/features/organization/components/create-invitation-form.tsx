import { type MemberRole, rolesForKind } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { SecretOnce } from '../../../components/ui/secret-once';
import { useCreateInvitation } from '../api/create-invitation';
import type { OrgViewer } from './org-viewer';

export function CreateInvitationForm({ viewer }: { viewer: OrgViewer }) {
  const { t } = useTranslation();
  const create = useCreateInvitation();
  const [created, setCreated] = useState<{ email: string; inviteUrl: string } | null>(null);
  // Only owners may hand out ownership; admins see the roles they can actually give.
  const roles = rolesForKind(viewer.organizationKind).filter(
    (role) => role !== 'owner' || viewer.role === 'owner',
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get('email'));
    create.mutate(
      { email, role: String(form.get('role')) as MemberRole },
      {
        onSuccess: (result) => {
          setCreated({ email: result.invitation.email, inviteUrl: result.inviteUrl });
          formElement.reset();
        },
      },
    );
  }

  return (
    <section className="panel">
      <h2 className="section-heading">{t('organization.invitations.createHeading')}</h2>
      <form className="form form-inline" onSubmit={submit} data-testid="create-invitation-form">
        <Field label={t('fields.email')}>
          <input className="input" name="email" type="email" required autoComplete="off" />
        </Field>
        <Field label={t('fields.role')}>
          <select className="input" name="role" defaultValue={roles.includes('staff') ? 'staff' : roles[0]}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </Field>
        <button className="button button-primary" type="submit" disabled={create.isPending}>
          {create.isPending ? t('organization.invitations.submitting') : t('organization.invitations.submit')}
        </button>
      </form>
      {create.isError && <ApiErrorAlert error={create.error} />}
      {created && (
        <SecretOnce
          testId="invite-link"
          notice={t('organization.invitations.linkOnce', { email: created.email })}
          value={created.inviteUrl}
          onDismiss={() => setCreated(null)}
        />
      )}
    </section>
  );
}
