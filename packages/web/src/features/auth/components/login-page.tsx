import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { PublicLayout } from '../../../components/layout/public-layout';
import { Field } from '../../../components/ui/field';
import { paths } from '../../../lib/paths';
import { useLogin } from '../api/login';
import { AuthCard } from './auth-card';

/** After a successful sign-in the `RedirectIfSignedIn` guard around this page takes the user on. */
export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [searchParams] = useSearchParams();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    login.mutate({ email: String(form.get('email')), password: String(form.get('password')) });
  }

  const next = searchParams.get('next');
  return (
    <PublicLayout>
      <AuthCard
        title={t('auth.login.title')}
        subtitle={t('auth.login.subtitle')}
        footer={
          <>
            {t('auth.login.noAccount')}{' '}
            <Link to={next ? `${paths.signup}?next=${encodeURIComponent(next)}` : paths.signup}>
              {t('auth.login.signupLink')}
            </Link>
          </>
        }
      >
        <form className="form" onSubmit={submit} data-testid="login-form">
          <Field label={t('fields.email')}>
            <input className="input" name="email" type="email" autoComplete="username" required />
          </Field>
          <Field label={t('fields.password')}>
            <input
              className="input"
              name="password"
              type="password"
              autoComplete="current-password"
              required
            />
          </Field>
          {login.isError && <ApiErrorAlert error={login.error} />}
          <button className="button button-primary" type="submit" disabled={login.isPending}>
            {login.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
          </button>
        </form>
      </AuthCard>
    </PublicLayout>
  );
}
