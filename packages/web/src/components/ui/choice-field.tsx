import { Field } from './field';

interface ChoiceFieldProps<T extends string | number> {
  label: string;
  testId: string;
  choices: readonly T[];
  value: T;
  onChange: (value: T) => void;
  /** How a choice reads in the list (from the catalogue). */
  labelOf: (choice: T) => string;
}

/** A labelled select over a fixed list of choices (durations, conditions), keeping the choice's own type. */
export function ChoiceField<T extends string | number>({
  label,
  testId,
  choices,
  value,
  onChange,
  labelOf,
}: ChoiceFieldProps<T>) {
  return (
    <Field label={label}>
      <select
        className="input"
        data-testid={testId}
        value={String(value)}
        onChange={(event) => {
          const picked = choices.find((choice) => String(choice) === event.currentTarget.value);
          if (picked !== undefined) onChange(picked);
        }}
      >
        {choices.map((choice) => (
          <option key={String(choice)} value={String(choice)}>
            {labelOf(choice)}
          </option>
        ))}
      </select>
    </Field>
  );
}
