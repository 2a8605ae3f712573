import { type FormEvent, type ReactNode, useState } from 'react';
import { Field } from '../ui/field';

interface ReasonFormProps {
  label: string;
  placeholder: string;
  submitLabel: string;
  cancelLabel: string;
  pending: boolean;
  minLength?: number;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  testId?: string;
  /** More of the case, between the words and the buttons (e.g. photos). */
  children?: ReactNode;
}

/** A short form asking why (revoking, rejecting, reviewing): the decision is recorded with its words. */
export function ReasonForm(props: ReasonFormProps) {
  const [reason, setReason] = useState('');
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onSubmit(reason.trim());
  }
  return (
    <form className="reason-form" onSubmit={submit} data-testid={props.testId}>
      <Field label={props.label}>
        <textarea
          className="input textarea"
          rows={2}
          required
          minLength={props.minLength ?? 2}
          maxLength={500}
          placeholder={props.placeholder}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
      </Field>
      {props.children}
      <div className="button-row">
        <button className="button button-danger button-small" type="submit" disabled={props.pending}>
          {props.submitLabel}
        </button>
        <button className="button button-quiet button-small" type="button" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </form>
  );
}
