import { homeFor } from '@jadelive/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { PublicLayout } from '../../../components/layout/public-layout';
import { Loading } from '../../../components/ui/status';
import { isApiError } from '../../../lib/api-error';
import { paths } from '../../../lib/paths';
import { useSession } from '../api/get-session';
import { useConfirmSignup } from '../api/signup';
import { AuthCard } from './auth-card';

/** The page a sign-up mail links to: one click opens the buyer account and signs in. */
export function ConfirmSignupPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const session = useSession();
  const confirm = useConfirmSignup();
  const navigate = useNavigate();

  let body: ReactNode;
  if (session.isPending) body = <Loading />;
  else if (session.data) {
    body = (
      <p className="alert alert-info">
        {t('auth.signupConfirm.signedInAs', { name: session.data.user.displayName })}
      </p>
    );
  } else {
    // 404 (used or expired) and a malformed token both mean the same to the reader: start again.
    const unusable =
      confirm.isError &&
      (isApiError(confirm.error, 'NOT_FOUND') || isApiError(confirm.error, 'VALIDATION_FAILED'));
    body = (
      <div className="stack">
        <p>{t('auth.signupConfirm.intro')}</p>
        {unusable ? (
          <p className="alert alert-error" role="alert" data-error-code="NOT_FOUND">
            {t('auth.signupConfirm.invalid')}
          </p>
        ) : (
          confirm.isError && <ApiErrorAlert error={confirm.error} />
        )}
        <button
          className="button button-primary"
          type="button"
          disabled={confirm.isPending || unusable}
          onClick={() =>
            confirm.mutate(token, {
              onSuccess: (signedIn) => navigate(paths.home(homeFor(signedIn.user)), { replace: true }),
            })
          }
        >
          {confirm.isPending ? t('auth.signupConfirm.submitting') : t('auth.signupConfirm.submit')}
        </button>
      </div>
    );
  }

  return (
    <PublicLayout>
      <AuthCard title={t('auth.signupConfirm.title')}>{body}</AuthCard>
    </PublicLayout>
  );
}
