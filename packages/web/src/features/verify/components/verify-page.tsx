import '../verify.css';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/status';
import { isApiError } from '../../../lib/api-error';
import { useLabs } from '../../../lib/labs';
import { useVerification } from '../api/verify-certificate';
import { VerificationCard } from './verification-card';

/** Public certificate check. Lab and number live in the query string, so QR codes and links land on a result. */
export function VerifyPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const lab = params.get('lab')?.trim() ?? '';
  const number = params.get('number')?.trim() ?? '';
  const request = lab.length >= 2 && number.length >= 3 ? { lab, number } : null;
  const labs = useLabs();
  const result = useVerification(request);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setParams({ lab: String(form.get('lab') ?? '').trim(), number: String(form.get('number') ?? '').trim() });
  }

  return (
    <div className="page verify-page" data-page="verify">
      <header className="page-header">
        <h1>{t('verify.title')}</h1>
        <p className="muted">{t('verify.intro')}</p>
      </header>
      <form className="panel form" onSubmit={submit} key={`${lab}|${number}`} data-testid="verify-form">
        <div className="form-row">
          <Field label={t('verify.lab')}>
            <input
              className="input"
              name="lab"
              list="verify-labs"
              required
              minLength={2}
              maxLength={80}
              placeholder={t('verify.labPlaceholder')}
              defaultValue={lab}
            />
          </Field>
          <datalist id="verify-labs">
            {(labs.data ?? []).map((entry) => (
              <option key={entry.id} value={entry.slug}>
                {entry.name}
              </option>
            ))}
          </datalist>
          <Field label={t('verify.number')}>
            <input
              className="input mono"
              name="number"
              required
              minLength={3}
              maxLength={40}
              defaultValue={number}
            />
          </Field>
        </div>
        <button className="button button-primary" type="submit" disabled={result.isFetching}>
          {result.isFetching ? t('verify.checking') : t('verify.submit')}
        </button>
      </form>
      {request &&
        (result.isPending ? (
          <Loading />
        ) : result.isError ? (
          isApiError(result.error, 'NOT_FOUND') ? (
            <p className="alert alert-error" role="alert" data-testid="verify-not-found">
              {t('verify.notFound')}
            </p>
          ) : (
            <ApiErrorAlert error={result.error} onRetry={() => void result.refetch()} />
          )
        ) : (
          <VerificationCard result={result.data} />
        ))}
    </div>
  );
}
