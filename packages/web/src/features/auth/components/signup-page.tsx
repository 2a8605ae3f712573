import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { PublicLayout } from '../../../components/layout/public-layout';
import { Field } from '../../../components/ui/field';
import { paths } from '../../../lib/paths';
import { useSignup } from '../api/signup';
import { AuthCard } from './auth-card';

const PASSWORD_MIN_LENGTH = 10;

export function SignupPage() {
  const { t } = useTranslation();
  const signup = useSignup();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signup.mutate({
      displayName: String(form.get('displayName')),
      email: String(form.get('email')),
      password: String(form.get('password')),
    });
  }

  return (
    <PublicLayout>
      <AuthCard
        title={t('auth.signup.title')}
        subtitle={t('auth.signup.subtitle')}
        footer={
          <>
            <p>
              {t('auth.signup.haveAccount')} <Link to={paths.login}>{t('auth.signup.loginLink')}</Link>
            </p>
            <p className="fine-print">{t('auth.signup.orgAccounts')}</p>
          </>
        }
      >
        {signup.isSuccess ? (
          <p className="alert alert-info" role="status" data-testid="signup-sent">
            {t('auth.signup.sent', { email: signup.variables.email })}
          </p>
        ) : (
          <form className="form" onSubmit={submit} data-testid="signup-form">
            <Field label={t('fields.displayName')}>
              <input className="input" name="displayName" autoComplete="nickname" maxLength={60} required />
            </Field>
            <Field label={t('fields.email')}>
              <input className="input" name="email" type="email" autoComplete="email" required />
            </Field>
            <Field label={t('fields.password')} hint={t('auth.signup.passwordHint')}>
              <input
                className="input"
                name="password"
                type="password"
                autoComplete="new-password"
                minLength={PASSWORD_MIN_LENGTH}
                required
              />
            </Field>
            {signup.isError && <ApiErrorAlert error={signup.error} />}
            <button className="button button-primary" type="submit" disabled={signup.isPending}>
              {signup.isPending ? t('auth.signup.submitting') : t('auth.signup.submit')}
            </button>
          </form>
        )}
      </AuthCard>
    </PublicLayout>
  );
}
