import { homeFor } from '@jadelive/shared';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { PublicLayout } from '../../../components/layout/public-layout';
import { SignOutButton } from '../../../components/layout/sign-out-button';
import { Field } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import { isApiError } from '../../../lib/api-error';
import { paths } from '../../../lib/paths';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitationPreview } from '../api/get-invitation-preview';
import { useSession } from '../api/get-session';
import { useLogout } from '../api/logout';
import { AuthCard } from './auth-card';

export function AcceptInvitePage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const preview = useInvitationPreview(token);
  const session = useSession();
  const formatDate = useDateTimeFormat();

  let body: ReactNode;
  if (preview.isPending) body = <Loading />;
  else if (preview.isError) {
    // 404 and a malformed token both mean the same to the invitee: this link no longer works.
    const unusable = isApiError(preview.error, 'NOT_FOUND') || isApiError(preview.error, 'VALIDATION_FAILED');
    body = unusable ? (
      <p className="alert alert-error" role="alert" data-error-code="NOT_FOUND">
        {t('auth.invite.invalid')}
      </p>
    ) : (
      <ApiErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
    );
  } else {
    const { organization, role, email, expiresAt } = preview.data;
    body = (
      <>
        <p className="invite-intro">
          {t('auth.invite.intro', { organization: organization.name, role: t(`roles.${role}`) })}
        </p>
        <p className="fine-print">
          {t(`kinds.${organization.kind}`)}
          {organization.district ? ` · ${organization.district}` : ''} ·{' '}
          {t('auth.invite.expires', { date: formatDate(expiresAt) })}
        </p>
        {session.data ? (
          <SignedInNotice name={session.data.user.displayName} />
        ) : (
          <AcceptForm token={token} email={email} />
        )}
      </>
    );
  }

  return (
    <PublicLayout>
      <AuthCard title={t('auth.invite.title')}>{body}</AuthCard>
    </PublicLayout>
  );
}

function SignedInNotice({ name }: { name: string }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <div className="stack">
      <p className="alert alert-info">{t('auth.invite.signedInAs', { name })}</p>
      {logout.isError && <ApiErrorAlert error={logout.error} />}
      <SignOutButton onSignOut={() => logout.mutate()} signingOut={logout.isPending} className="button" />
    </div>
  );
}

function AcceptForm({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation();
  const navigate = useNavigate();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    accept.mutate(
      { token, displayName: String(form.get('displayName')), password: String(form.get('password')) },
      { onSuccess: (session) => navigate(paths.home(homeFor(session.user)), { replace: true }) },
    );
  }

  return (
    <form className="form" onSubmit={submit} data-testid="accept-invite-form">
      <Field label={t('fields.email')}>
        <input className="input" value={email} readOnly autoComplete="username" />
      </Field>
      <Field label={t('fields.displayName')}>
        <input className="input" name="displayName" autoComplete="nickname" maxLength={60} required />
      </Field>
      <Field label={t('fields.password')} hint={t('auth.signup.passwordHint')}>
        <input
          className="input"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
        />
      </Field>
      {accept.isError && <ApiErrorAlert error={accept.error} />}
      <button className="button button-primary" type="submit" disabled={accept.isPending}>
        {accept.isPending ? t('auth.invite.submitting') : t('auth.invite.submit')}
      </button>
    </form>
  );
}
