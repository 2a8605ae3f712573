import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { useLabs } from '../../../lib/labs';
import { useSetInspectionLab } from '../api/inspection-lab';

/** 就地检验 lab of a base: the lab buyers' inspection requests go to for this base's sellers. */
export function InspectionLabPanel({
  baseId,
  current,
}: {
  baseId: string;
  current: { id: string; name: string } | null;
}) {
  const { t } = useTranslation();
  const labs = useLabs();
  const save = useSetInspectionLab(baseId);
  const [labOrgId, setLabOrgId] = useState(current?.id ?? '');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(labOrgId === '' ? null : labOrgId);
  }

  const savedLab = save.data
    ? (labs.data?.find((lab) => lab.id === save.data.inspectionLabOrgId)?.name ??
      t('inspection.baseLab.none'))
    : null;
  return (
    <details className="panel" data-testid="inspection-lab-panel">
      <summary className="section-heading">{t('inspection.baseLab.title')}</summary>
      <p className="muted">{t('inspection.baseLab.intro')}</p>
      <p data-testid="inspection-lab-current">
        {t('inspection.baseLab.current', { lab: current?.name ?? t('inspection.baseLab.none') })}
      </p>
      <form className="form" onSubmit={submit}>
        <Field label={t('inspection.baseLab.lab')}>
          <select
            className="input"
            data-testid="inspection-lab-select"
            value={labOrgId}
            onChange={(event) => setLabOrgId(event.currentTarget.value)}
          >
            <option value="">{t('inspection.baseLab.none')}</option>
            {labs.data?.map((lab) => (
              <option key={lab.id} value={lab.id}>
                {lab.name}
              </option>
            ))}
          </select>
        </Field>
        <button
          type="submit"
          className="button button-primary"
          data-testid="inspection-lab-save"
          disabled={save.isPending}
        >
          {t('inspection.baseLab.save')}
        </button>
      </form>
      {savedLab && (
        <p className="alert alert-success" data-testid="inspection-lab-saved">
          {t('inspection.baseLab.saved', { lab: savedLab })}
        </p>
      )}
      {labs.isError && <ApiErrorAlert error={labs.error} />}
      {save.isError && <ApiErrorAlert error={save.error} />}
    </details>
  );
}
