import { TOKEN_PERMISSIONS, type TokenPermission } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { SecretOnce } from '../../../components/ui/secret-once';
import { useCreateApiToken } from '../api/create-api-token';

const EXPIRY_CHOICES = [30, 90, 365] as const;
const DEFAULT_EXPIRY_DAYS = 90;

export function CreateTokenForm() {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const [secret, setSecret] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const expiry = String(form.get('expiresInDays'));
    create.mutate(
      {
        name: String(form.get('name')),
        permissions: form.getAll('permissions').map(String) as TokenPermission[],
        ...(expiry ? { expiresInDays: Number(expiry) } : {}),
      },
      {
        onSuccess: (result) => {
          setSecret(result.token);
          formElement.reset();
        },
      },
    );
  }

  return (
    <section className="panel">
      <h2 className="section-heading">{t('organization.tokens.createHeading')}</h2>
      <form className="form" onSubmit={submit} data-testid="create-token-form">
        <div className="form-row">
          <Field label={t('fields.name')}>
            <input
              className="input"
              name="name"
              required
              maxLength={80}
              placeholder={t('organization.tokens.namePlaceholder')}
            />
          </Field>
          <Field label={t('fields.expiresInDays')}>
            <select className="input" name="expiresInDays" defaultValue={String(DEFAULT_EXPIRY_DAYS)}>
              {EXPIRY_CHOICES.map((days) => (
                <option key={days} value={days}>
                  {t('organization.tokens.expiryDays', { count: days })}
                </option>
              ))}
              <option value="">{t('organization.tokens.expiryNever')}</option>
            </select>
          </Field>
        </div>
        <fieldset className="checkbox-group">
          <legend className="field-label">{t('fields.permissions')}</legend>
          {TOKEN_PERMISSIONS.map((permission) => (
            <label key={permission} className="checkbox">
              <input type="checkbox" name="permissions" value={permission} />
              <span>{t(`permissions.${permission}`)}</span>
              <code className="fine-print">{permission}</code>
            </label>
          ))}
        </fieldset>
        {create.isError && <ApiErrorAlert error={create.error} />}
        <button className="button button-primary" type="submit" disabled={create.isPending}>
          {create.isPending ? t('organization.tokens.submitting') : t('organization.tokens.submit')}
        </button>
      </form>
      {secret && (
        <SecretOnce
          testId="token-secret"
          notice={t('organization.tokens.secretOnce')}
          value={secret}
          onDismiss={() => setSecret(null)}
        />
      )}
    </section>
  );
}
