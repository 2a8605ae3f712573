import { type OperatedBase, STUDIO_STATUSES, type StudioStatus } from '@jadelive/shared';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { EmptyState } from '../../../components/ui/status';
import { useCreateStudio, useUpdateStudio } from '../api/operator-bases';

/** A base's studios: change a status in place, add another below. */
export function StudiosPanel({ base }: { base: OperatedBase }) {
  const { t } = useTranslation();
  const create = useCreateStudio();
  const update = useUpdateStudio();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const equipment = String(form.get('equipment') ?? '')
      .split(/[,，、]/)
      .map((item) => item.trim())
      .filter(Boolean);
    create.mutate(
      {
        baseId: base.id,
        body: {
          name: String(form.get('name')).trim(),
          capacity: Number(form.get('capacity')) || 1,
          equipment,
          status: 'available',
        },
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <section className="panel" data-testid="studios-panel">
      <h2 className="section-heading">{t('bases.operator.studios')}</h2>
      {base.studios.length === 0 ? (
        <EmptyState>{t('bases.operator.noStudios')}</EmptyState>
      ) : (
        <ul className="row-list">
          {base.studios.map((studio) => (
            <li key={studio.id} className="row-item" data-studio={studio.id}>
              <span className="cell-name">
                <strong>{studio.name}</strong>
                <span className="fine-print">
                  {' '}
                  · {t('bases.fields.capacity')} {studio.capacity}
                  {studio.equipment.length > 0 && ` · ${studio.equipment.join('、')}`}
                </span>
              </span>
              <select
                className="input input-compact"
                aria-label={`${studio.name} ${t('bases.fields.status')}`}
                value={studio.status}
                disabled={update.isPending}
                onChange={(event) =>
                  update.mutate({
                    baseId: base.id,
                    studioId: studio.id,
                    body: { status: event.currentTarget.value as StudioStatus },
                  })
                }
              >
                {STUDIO_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`bases.studioStatuses.${status}`)}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
      {update.isError && <ApiErrorAlert error={update.error} />}
      <form className="form-inline" onSubmit={submit}>
        <Field label={t('bases.fields.name')}>
          <input className="input" name="name" required maxLength={60} />
        </Field>
        <Field label={t('bases.fields.capacity')}>
          <input className="input" type="number" name="capacity" min={1} max={500} defaultValue={4} />
        </Field>
        <Field label={t('bases.fields.equipment')}>
          <input className="input" name="equipment" />
        </Field>
        <button className="button" type="submit" disabled={create.isPending}>
          {t('bases.operator.addStudio')}
        </button>
      </form>
      {create.isError && <ApiErrorAlert error={create.error} />}
    </section>
  );
}
