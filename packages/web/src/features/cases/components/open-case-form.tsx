import { type CaseLead, openCaseBodySchema } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { consolePaths } from '../../../lib/paths';
import { useOpenCase } from '../api/leads';

/** 立案核查 from the selected leads: what the case is about and why it is checked. */
export function OpenCaseForm({ leads, onOpened }: { leads: CaseLead[]; onOpened: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenCase();
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const idsOf = (kind: CaseLead['kind']) => leads.filter((lead) => lead.kind === kind).map((lead) => lead.id);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = openCaseBodySchema.safeParse({
      title,
      reason,
      flagIds: idsOf('flag'),
      complaintIds: idsOf('complaint'),
      observationIds: idsOf('observation'),
    });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    open.mutate(parsed.data, {
      onSuccess: (detail) => {
        onOpened();
        void navigate(consolePaths.regulator.case(detail.id));
      },
    });
  }

  return (
    <form className="panel form" onSubmit={submit} data-testid="open-case-form">
      <h2 className="section-heading">{t('cases.leads.openCase')}</h2>
      <p className="muted">{t('cases.leads.selected', { selected: leads.length })}</p>
      <Field label={t('cases.leads.caseTitle')}>
        <input
          className="input"
          required
          maxLength={120}
          placeholder={t('cases.leads.caseTitlePlaceholder')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          data-testid="open-case-title"
        />
      </Field>
      <TextAreaField
        label={t('cases.leads.reason')}
        rows={2}
        required
        maxLength={1000}
        value={reason}
        testId="open-case-reason"
        onChange={setReason}
      />
      {invalid && <p className="field-error">{t('errors.VALIDATION_FAILED')}</p>}
      {open.isError && <ApiErrorAlert error={open.error} />}
      <button
        className="button button-primary"
        type="submit"
        disabled={open.isPending}
        data-testid="open-case-submit"
      >
        {open.isPending ? t('cases.leads.submitting') : t('cases.leads.submit')}
      </button>
    </form>
  );
}
