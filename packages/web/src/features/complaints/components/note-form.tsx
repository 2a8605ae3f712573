import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';

interface NoteFormProps {
  label: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (note: string) => void;
  onCancel: () => void;
  testId?: string;
}

/** A step with an optional note (escalating, accepting): the note may stay empty. */
export function NoteForm({ label, submitLabel, pending, onSubmit, onCancel, testId }: NoteFormProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <form
      className="reason-form"
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(note.trim());
      }}
    >
      <Field label={label}>
        <textarea
          className="input textarea"
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
      </Field>
      <div className="button-row">
        <button className="button button-primary button-small" type="submit" disabled={pending}>
          {submitLabel}
        </button>
        <button className="button button-quiet button-small" type="button" onClick={onCancel}>
          {t('complaints.regulator.cancel')}
        </button>
      </div>
    </form>
  );
}
