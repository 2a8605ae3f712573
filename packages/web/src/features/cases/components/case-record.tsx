import {
  type CaseDetail,
  type CaseEvent,
  caseNoteBodySchema,
  transferCaseBodySchema,
} from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { useDateTimeFormat } from '../../../i18n/format';
import { useAddNote, useTransferCase } from '../api/case-actions';
import { useRegulators } from '../api/cases';
import { ReasonField } from './reason-field';

/** The facts an event's sentence names, from its details. */
function eventFacts(event: CaseEvent, kindText: (kind: string) => string) {
  const details = event.details;
  const text = (key: string) => (typeof details[key] === 'string' ? (details[key] as string) : '');
  const to = details.to as { name?: string } | undefined;
  return {
    number: text('number'),
    dueOn: text('dueOn'),
    title: text('title'),
    to: to?.name ?? '',
    kindText: typeof details.kind === 'string' ? kindText(details.kind) : '',
  };
}

/** 办案记录: every step and answer with who, when and why, oldest first. */
export function CaseEvents({ events }: { events: CaseEvent[] }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const kindText = (kind: string) => t(`cases.subjectKinds.${kind as 'flag'}`);
  return (
    <ol className="case-events" data-testid="case-events">
      {events.map((event) => (
        <li key={event.id} className="case-event" data-kind={event.kind} data-to={event.toStep ?? undefined}>
          <p>
            <strong>{t(`cases.events.${event.kind}`, eventFacts(event, kindText))}</strong>
          </p>
          <p className="fine-print">
            {event.actor?.name ?? event.organization.name} · {event.organization.name} ·{' '}
            {formatDate(event.occurredAt)}
          </p>
          {event.reason && <p className="case-event-reason">{event.reason}</p>}
        </li>
      ))}
    </ol>
  );
}

/** An internal note for the officers' record. */
export function NoteForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const addNote = useAddNote(caseId);
  const [text, setText] = useState('');
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = caseNoteBodySchema.safeParse({ text });
    if (parsed.success) addNote.mutate(parsed.data.text, { onSuccess: () => setText('') });
  }
  return (
    <form className="form" onSubmit={submit} data-testid="note-form">
      <TextAreaField
        label={t('cases.detail.noteHeading')}
        rows={2}
        required
        minLength={2}
        maxLength={2000}
        placeholder={t('cases.detail.notePlaceholder')}
        value={text}
        onChange={setText}
      />
      {addNote.isError && <ApiErrorAlert error={addNote.error} />}
      <button className="button button-small" type="submit" disabled={addNote.isPending}>
        {t('cases.detail.addNote')}
      </button>
    </form>
  );
}

/** 移送 to another district's regulator, with the reason; the case then leaves this office. */
export function TransferForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const regulators = useRegulators();
  const transfer = useTransferCase(detail.id);
  const [toRegulatorId, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const target = regulators.data?.find((regulator) => regulator.id === toRegulatorId);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = transferCaseBodySchema.safeParse({ toRegulatorId, reason });
    if (parsed.success) transfer.mutate(parsed.data);
  }
  if (transfer.isSuccess && target) {
    return (
      <p className="alert alert-info" role="status" data-testid="case-transferred">
        {t('cases.detail.transferred', { name: target.name })}
      </p>
    );
  }
  return (
    <details className="panel" data-testid="transfer-form">
      <summary className="section-heading">{t('cases.detail.transferHeading')}</summary>
      <form className="form" onSubmit={submit}>
        <Field label={t('cases.detail.transferTo')}>
          <select
            className="input"
            required
            value={toRegulatorId}
            onChange={(event) => setTarget(event.currentTarget.value)}
          >
            <option value="">{t('cases.detail.chooseRegulator')}</option>
            {(regulators.data ?? []).map((regulator) => (
              <option key={regulator.id} value={regulator.id}>
                {regulator.name}
              </option>
            ))}
          </select>
        </Field>
        <ReasonField value={reason} onChange={setReason} />
        {transfer.isError && <ApiErrorAlert error={transfer.error} />}
        <button className="button button-danger button-small" type="submit" disabled={transfer.isPending}>
          {t('cases.detail.transfer')}
        </button>
      </form>
    </details>
  );
}
