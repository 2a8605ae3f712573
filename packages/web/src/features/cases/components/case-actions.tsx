import { type CaseAction, type CaseDetail, caseStepBodySchema } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { yuanToFen } from '../../../lib/units';
import { useCaseStep } from '../api/case-actions';
import { ReasonField } from './reason-field';

/** Actions with a form of their own elsewhere on the page. */
const OWN_FORMS: readonly CaseAction[] = ['issue_notice', 'transfer'];

/** Legal basis typed one per line. */
export const basisLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** One step's form: the reason, and for 告知 / 决定 the document's facts, basis and penalty. */
function StepForm({
  detail,
  action,
  onDone,
}: {
  detail: CaseDetail;
  action: CaseAction;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const step = useCaseStep(detail.id);
  const writesDocument = action === 'notify' || action === 'decide';
  const [reason, setReason] = useState('');
  const [facts, setFacts] = useState(detail.documents.at(-1)?.facts ?? '');
  const [basis, setBasis] = useState(detail.documents.at(-1)?.legalBasis.join('\n') ?? '');
  const [penalty, setPenalty] = useState('');
  const [fine, setFine] = useState('');
  const [url, setUrl] = useState('');
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const document = writesDocument ? { facts, legalBasis: basisLines(basis), penalty } : {};
    const fineFen = action === 'decide' && fine.trim() ? (yuanToFen(fine) ?? Number.NaN) : undefined;
    const parsed = caseStepBodySchema.safeParse({
      action,
      reason,
      ...document,
      ...(fineFen !== undefined ? { fineFen } : {}),
      ...(action === 'publish' && url.trim() ? { url: url.trim() } : {}),
    });
    setInvalid(!parsed.success);
    if (parsed.success) step.mutate(parsed.data, { onSuccess: onDone });
  }

  return (
    <form className="form step-form" onSubmit={submit} data-testid="step-form" data-action={action}>
      {writesDocument && (
        <>
          <TextAreaField
            label={t('cases.detail.facts')}
            rows={3}
            required
            value={facts}
            onChange={setFacts}
          />
          <TextAreaField
            label={t('cases.detail.legalBasis')}
            rows={2}
            required
            value={basis}
            onChange={setBasis}
          />
          <TextAreaField
            label={action === 'notify' ? t('cases.detail.intendedPenalty') : t('cases.detail.penalty')}
            rows={2}
            required
            value={penalty}
            onChange={setPenalty}
          />
        </>
      )}
      {action === 'decide' && (
        <Field label={t('cases.detail.fine')}>
          <input
            className="input"
            inputMode="decimal"
            value={fine}
            onChange={(event) => setFine(event.currentTarget.value)}
          />
        </Field>
      )}
      {action === 'publish' && (
        <Field label={t('cases.detail.publishUrl')}>
          <input
            className="input"
            type="url"
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
          />
        </Field>
      )}
      <ReasonField value={reason} onChange={setReason} testId="step-reason" />
      {invalid && <p className="field-error">{t('errors.VALIDATION_FAILED')}</p>}
      {step.isError && <ApiErrorAlert error={step.error} />}
      <button
        className={action === 'drop' ? 'button button-danger' : 'button button-primary'}
        type="submit"
        disabled={step.isPending}
        data-testid="step-submit"
      >
        {t('cases.detail.confirm', { action: t(`cases.actions.${action}`) })}
      </button>
    </form>
  );
}

/** The steps the officer can take now, one form open at a time. */
export function CaseActions({ detail, userId }: { detail: CaseDetail; userId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const actions = detail.actions.filter((action) => !OWN_FORMS.includes(action));
  const waitingForSecond = detail.step === 'filing_pending' && detail.filingRequest?.by.id === userId;
  return (
    <section className="panel" data-testid="case-actions">
      <h2 className="section-heading">{t('cases.detail.actionsHeading')}</h2>
      {waitingForSecond && <p className="alert alert-info">{t('cases.detail.secondOfficer')}</p>}
      {actions.length === 0 && !detail.actions.includes('issue_notice') && (
        <p className="muted">{t('cases.detail.noActions')}</p>
      )}
      <div className="button-row">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={open === action ? 'button button-small active' : 'button button-small'}
            aria-expanded={open === action}
            onClick={() => setOpen(open === action ? null : action)}
            data-action={action}
          >
            {t(`cases.actions.${action}`)}
          </button>
        ))}
      </div>
      {open && actions.includes(open) && (
        <StepForm key={open} detail={detail} action={open} onDone={() => setOpen(null)} />
      )}
    </section>
  );
}
