import { AUDIT_ACTIONS } from '@jadelive/shared/audit-trail';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Field } from '../../../components/ui/field';
import { AUDIT_GROUPS, groupOf } from './audit-filters';

/** Kept as they are when the form is submitted: they are set by clicking a name in the table. */
const PICKED = ['actor', 'target', 'targetType'] as const;
const TYPED = ['from', 'to', 'action', 'organization'] as const;

interface AuditFilterFormProps {
  /** A platform admin picks the organisation; everyone else reads their own. */
  organizations: { id: string; name: string }[] | null;
}

export function AuditFilterForm({ organizations }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of PICKED) {
      const value = params.get(key);
      if (value) next.set(key, value);
    }
    for (const key of TYPED) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  const value = (key: (typeof TYPED)[number]) => params.get(key) ?? '';
  return (
    <form className="panel form" onSubmit={submit} key={params.toString()} data-testid="audit-filters">
      <div className="form-row">
        <Field label={t('audit.filters.from')}>
          <input className="input" type="date" name="from" defaultValue={value('from')} />
        </Field>
        <Field label={t('audit.filters.to')}>
          <input className="input" type="date" name="to" defaultValue={value('to')} />
        </Field>
        <Field label={t('audit.filters.action')}>
          <select className="input" name="action" defaultValue={value('action')}>
            <option value="">{t('audit.filters.all')}</option>
            {AUDIT_GROUPS.map((group) => {
              const name = t(`audit.groups.${group}` as 'audit.groups.order');
              return (
                <optgroup key={group} label={name}>
                  <option value={`${group}.`}>{t('audit.filters.allOf', { group: name })}</option>
                  {AUDIT_ACTIONS.filter((action) => groupOf(action) === group).map((action) => (
                    <option key={action} value={action}>
                      {t(`audit.actions.${action}` as 'audit.actions.auth.login')}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </Field>
        {organizations && (
          <Field label={t('audit.filters.organization')}>
            <select className="input" name="organization" defaultValue={value('organization')}>
              <option value="">{t('audit.filters.all')}</option>
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('audit.filters.apply')}
        </button>
        {params.size > 0 && (
          <button type="button" className="button" onClick={() => setParams(new URLSearchParams())}>
            {t('audit.filters.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
