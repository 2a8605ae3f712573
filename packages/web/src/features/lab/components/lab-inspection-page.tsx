import type { Inspection, InspectionResultBody } from '@jadelive/shared';
import { inspectionResultBodySchema } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { InspectionResultFacts } from '../../../components/inspections/inspection-result-facts';
import { Field } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import { consolePaths } from '../../../lib/paths';
import { decimalToInteger, formatWeight } from '../../../lib/units';
import { useLabInspection, useRecordInspectionResult } from '../api/lab-inspections';

/** One 检验申请: the certificate as captured at request time, and the result form (once, final). */
export function LabInspectionPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { inspectionId = '' } = useParams();
  const inspection = useLabInspection(inspectionId);
  return (
    <div className="page" data-page="lab-inspection">
      <Link to={consolePaths.lab.inspections} className="fine-print">
        {t('inspection.labPage.back')}
      </Link>
      {inspection.isPending ? (
        <Loading />
      ) : inspection.isError ? (
        <ApiErrorAlert error={inspection.error} onRetry={() => void inspection.refetch()} />
      ) : (
        <>
          <header className="page-header">
            <h1>{inspection.data.listingTitle}</h1>
            <p>
              <span className="status" data-testid="lab-inspection-status">
                {t(`inspection.statuses.${inspection.data.status}`)}
              </span>{' '}
              <span className="fine-print">
                {t('inspection.labPage.order')}:{' '}
                {t(`commerce.statuses.${inspection.data.orderStatus as 'paid'}`)}
              </span>
            </p>
          </header>
          <CertificateFacts inspection={inspection.data} />
          {inspection.data.result ? (
            <p className="alert alert-info">{t('inspection.labPage.recorded')}</p>
          ) : (
            canEdit && <ResultForm inspectionId={inspection.data.id} />
          )}
        </>
      )}
    </div>
  );
}

function CertificateFacts({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const weight = (mg: number | null) => formatWeight(mg, null) ?? '—';
  return (
    <section className="panel" data-testid="lab-inspection-facts">
      <h2>{t('inspection.labPage.certificateFacts')}</h2>
      <dl className="facts">
        <dt>{t('inspection.labPage.number')}</dt>
        <dd className="mono">{inspection.certificate.number}</dd>
        <dt>{t('inspection.labPage.identification')}</dt>
        <dd>{inspection.certificate.identification}</dd>
        <dt>{t('inspection.labPage.weight')}</dt>
        <dd>{weight(inspection.certificate.weightMg)}</dd>
        <dt>{t('inspection.labPage.requested')}</dt>
        <dd>{formatDate(inspection.requestedAt)}</dd>
      </dl>
      {inspection.result && (
        <div data-testid="lab-inspection-result">
          <InspectionResultFacts result={inspection.result} />
        </div>
      )}
    </section>
  );
}

function ResultForm({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const record = useRecordInspectionResult(inspectionId);
  const [outcome, setOutcome] = useState<InspectionResultBody['outcome']>('match');
  const [identification, setIdentification] = useState('');
  const [weight, setWeight] = useState('');
  const [note, setNote] = useState('');
  const [weightInvalid, setWeightInvalid] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const weightMg = weight.trim() === '' ? undefined : (decimalToInteger(weight, 3) ?? Number.NaN);
    const parsed = inspectionResultBodySchema.safeParse({ outcome, identification, weightMg, note });
    setWeightInvalid(weightMg !== undefined && !(weightMg > 0));
    if (parsed.success) record.mutate(parsed.data);
  }

  return (
    <form className="form panel" data-testid="lab-inspection-form" onSubmit={submit}>
      <h2>{t('inspection.labPage.resultTitle')}</h2>
      <fieldset className="field">
        <legend className="field-label">{t('inspection.labPage.outcome')}</legend>
        {(['match', 'mismatch'] as const).map((value) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name="outcome"
              value={value}
              data-testid={`inspection-outcome-${value}`}
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />{' '}
            {t(`inspection.labPage.outcomes.${value}`)}
          </label>
        ))}
      </fieldset>
      {outcome === 'mismatch' && (
        <p className="alert alert-error">{t('inspection.labPage.mismatchWarning')}</p>
      )}
      <Field label={t('inspection.labPage.resultIdentification')}>
        <input
          className="input"
          required
          maxLength={100}
          data-testid="inspection-identification"
          value={identification}
          onChange={(e) => setIdentification(e.currentTarget.value)}
        />
      </Field>
      <Field label={t('inspection.labPage.resultWeight')}>
        <input
          className="input"
          inputMode="decimal"
          data-testid="inspection-weight"
          aria-invalid={weightInvalid}
          value={weight}
          onChange={(e) => setWeight(e.currentTarget.value)}
        />
      </Field>
      {weightInvalid && <p className="field-error">{t('inspection.labPage.weightInvalid')}</p>}
      <Field label={t('inspection.labPage.resultNote')}>
        <textarea
          className="input"
          required
          maxLength={500}
          data-testid="inspection-note"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      </Field>
      <button
        type="submit"
        className="button button-primary"
        data-testid="inspection-submit"
        disabled={record.isPending}
      >
        {t('inspection.labPage.submit')}
      </button>
      {record.isError && <ApiErrorAlert error={record.error} />}
    </form>
  );
}
