import { beijingDate, type CaseDetail, issueNoticeBodySchema } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { useIssueNotice } from '../api/case-actions';
import { basisLines } from './case-actions';
import { ReasonField } from './reason-field';

const DAY_MS = 86_400_000;

/** 责令改正通知书: facts, what to correct, the law, and a deadline after today (Beijing). */
export function NoticeForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const issue = useIssueNotice(detail.id);
  const tomorrow = beijingDate(new Date(Date.now() + DAY_MS));
  const [facts, setFacts] = useState(
    detail.subjects.flags
      .map((flag) => t('cases.notice.factsFromFlag', { text: flag.text }))
      .join(t('cases.notice.separator')),
  );
  const [items, setItems] = useState('');
  const [basis, setBasis] = useState(t('cases.notice.defaultBasis'));
  const [dueOn, setDueOn] = useState(beijingDate(new Date(Date.now() + 15 * DAY_MS)));
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = issueNoticeBodySchema.safeParse({
      facts,
      items: basisLines(items),
      legalBasis: basisLines(basis),
      dueOn,
      reason,
    });
    setInvalid(!parsed.success);
    if (parsed.success) issue.mutate(parsed.data, { onSuccess: () => setItems('') });
  }

  return (
    <form className="panel form" onSubmit={submit} data-testid="notice-form">
      <h2 className="section-heading">{t('cases.notice.heading')}</h2>
      <TextAreaField
        label={t('cases.notice.facts')}
        rows={3}
        required
        maxLength={2000}
        value={facts}
        testId="notice-facts"
        onChange={setFacts}
      />
      <TextAreaField
        label={t('cases.notice.items')}
        rows={3}
        required
        value={items}
        testId="notice-items-input"
        onChange={setItems}
      />
      <TextAreaField
        label={t('cases.notice.legalBasis')}
        rows={2}
        required
        value={basis}
        testId="notice-basis"
        onChange={setBasis}
      />
      <Field label={t('cases.notice.dueOn')}>
        <input
          className="input"
          type="date"
          required
          min={tomorrow}
          value={dueOn}
          onChange={(event) => setDueOn(event.currentTarget.value)}
          data-testid="notice-due-on"
        />
      </Field>
      <ReasonField value={reason} onChange={setReason} testId="notice-reason" />
      {invalid && <p className="field-error">{t('errors.VALIDATION_FAILED')}</p>}
      {issue.isError && <ApiErrorAlert error={issue.error} />}
      <button
        className="button button-primary"
        type="submit"
        disabled={issue.isPending}
        data-testid="notice-submit"
      >
        {t('cases.notice.submit')}
      </button>
    </form>
  );
}
