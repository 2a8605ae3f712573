import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { shanghaiInputToIso, toShanghaiInput } from '../../../lib/shanghai-time';

const START_MODES = ['now', 'scheduled'] as const;
/** How far ahead 定时开始 is pre-filled when the host picks it. */
const DEFAULT_LEAD_MS = 10 * 60_000;

export interface StartChoice {
  mode: (typeof START_MODES)[number];
  /** The datetime-local value, read as Beijing time; kept while 立即开始 is chosen. */
  at: string;
}

export type StartProblem = 'invalid' | 'past';

export const startNow: StartChoice = { mode: 'now', at: '' };

/**
 * What a form sends for its start: nothing for 立即开始 (the server starts it now), the chosen
 * Beijing time as ISO with +08:00 for 定时开始, or why that time cannot be sent. Only a time in
 * the past is refused here; the server keeps the final say (it also refuses more than 24 h ahead).
 */
export function readStartChoice(
  choice: StartChoice,
  nowMs: number = Date.now(),
): { ok: true; startsAt: string | undefined } | { ok: false; problem: StartProblem } {
  if (choice.mode === 'now') return { ok: true, startsAt: undefined };
  const startsAt = shanghaiInputToIso(choice.at);
  if (startsAt === null) return { ok: false, problem: 'invalid' };
  if (Date.parse(startsAt) <= nowMs) return { ok: false, problem: 'past' };
  return { ok: true, startsAt };
}

interface StartTimeFieldProps {
  value: StartChoice;
  onChange: (value: StartChoice) => void;
  problem: StartProblem | null;
  /** Prefix of the test ids (`flash`, `auction`): both forms share the studio page. */
  testId: string;
}

/** 立即开始 or 定时开始 at a Beijing time (to the second), for the flash sale and auction forms. */
export function StartTimeField({ value, onChange, problem, testId }: StartTimeFieldProps) {
  const { t } = useTranslation();
  const name = useId();
  const choose = (mode: StartChoice['mode']) =>
    onChange({
      mode,
      at: mode === 'scheduled' && value.at === '' ? toShanghaiInput(Date.now() + DEFAULT_LEAD_MS) : value.at,
    });
  return (
    <>
      <fieldset className="segmented" data-testid={`${testId}-start-mode`} data-mode={value.mode}>
        <legend className="field-label">{t('commerce.startTime.label')}</legend>
        {START_MODES.map((mode) => (
          <label key={mode} className="checkbox">
            <input
              type="radio"
              name={name}
              value={mode}
              data-testid={`${testId}-start-${mode}`}
              checked={value.mode === mode}
              onChange={() => choose(mode)}
            />
            <span>{t(`commerce.startTime.${mode}`)}</span>
          </label>
        ))}
      </fieldset>
      {value.mode === 'scheduled' && (
        <Field label={t('commerce.startTime.at')} hint={t('commerce.startTime.hint')}>
          <input
            className="input"
            type="datetime-local"
            step={1}
            required
            data-testid={`${testId}-starts-at`}
            aria-invalid={problem !== null}
            value={value.at}
            onChange={(event) => onChange({ ...value, at: event.currentTarget.value })}
          />
        </Field>
      )}
      {problem && (
        <p className="field-error" data-testid={`${testId}-starts-at-error`} data-problem={problem}>
          {t(`commerce.startTime.${problem}`)}
        </p>
      )}
    </>
  );
}
