import { Field } from './field';

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  placeholder?: string;
  testId?: string;
}

/** A labelled multi-line text input, the shape of most reason, fact and statement fields. */
export function TextAreaField({ label, value, onChange, rows = 2, testId, ...limits }: TextAreaFieldProps) {
  return (
    <Field label={label}>
      <textarea
        className="input textarea"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        data-testid={testId}
        {...limits}
      />
    </Field>
  );
}
