import { BASE_KINDS, type BaseKind, type CreateBaseBody } from '@jadelive/shared';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';

interface BaseFormProps {
  initial?: CreateBaseBody;
  submitLabel: string;
  pending: boolean;
  onSubmit: (body: CreateBaseBody, form: HTMLFormElement) => void;
  testId?: string;
}

/** Name, address, district and kind of a base: the same fields to create or edit one. */
export function BaseForm({ initial, submitLabel, pending, onSubmit, testId }: BaseFormProps) {
  const { t } = useTranslation();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? '').trim();
    onSubmit(
      {
        name: text('name'),
        address: text('address'),
        district: text('district'),
        kind: text('kind') as BaseKind,
      },
      event.currentTarget,
    );
  }
  return (
    <form className="form" onSubmit={submit} data-testid={testId}>
      <div className="form-row">
        <Field label={t('bases.fields.name')}>
          <input className="input" name="name" required maxLength={100} defaultValue={initial?.name} />
        </Field>
        <Field label={t('bases.fields.district')}>
          <input className="input" name="district" required maxLength={40} defaultValue={initial?.district} />
        </Field>
        <Field label={t('bases.fields.kind')}>
          <select className="input" name="kind" defaultValue={initial?.kind ?? 'trade_centre'}>
            {BASE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`bases.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('bases.fields.address')}>
        <input className="input" name="address" required maxLength={200} defaultValue={initial?.address} />
      </Field>
      <button className="button button-primary" type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
