import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConfirmEvent, type ConfirmStep, confirmTransition } from './confirm-step';

interface ConfirmButtonProps {
  /** The button's text; also the yes answer's unless `confirmLabel` says otherwise. */
  label: string;
  /** Asked in place of the button before anything happens. */
  question: string;
  onConfirm: () => void;
  /** The action is running: no second ask or yes until it settles. */
  pending?: boolean;
  disabled?: boolean;
  tone?: 'default' | 'primary' | 'danger';
  small?: boolean;
  confirmLabel?: string;
  cancelLabel?: string;
  /** On the button; its answers get `<testId>-confirm` and `<testId>-back`. */
  testId?: string;
}

const TONE_CLASS = { default: '', primary: ' button-primary', danger: ' button-danger' } as const;

/**
 * A button that asks before acting: the first press turns it into the question with a yes and a
 * back button, in place (no browser dialog, works on a phone). Focus lands on "back", so a held
 * Enter or a double click cannot answer yes by accident; Escape or "back" returns to the button.
 */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  pending = false,
  disabled = false,
  tone = 'default',
  small = false,
  confirmLabel,
  cancelLabel,
  testId,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<ConfirmStep>('idle');
  const questionId = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  // Focus follows the step only after the user moved it, never on the first render.
  const focusOnStep = useRef(false);
  const blocked = pending || disabled;
  const buttonClass = `button${TONE_CLASS[tone]}${small ? ' button-small' : ''}`;

  useEffect(() => {
    if (!focusOnStep.current) return;
    focusOnStep.current = false;
    (step === 'confirming' ? backRef : triggerRef).current?.focus();
  }, [step]);

  function handle(event: ConfirmEvent) {
    const next = confirmTransition(step, event, blocked);
    if (next.step !== step) {
      focusOnStep.current = true;
      setStep(next.step);
    }
    if (next.run) onConfirm();
  }

  if (step === 'idle') {
    return (
      <button
        ref={triggerRef}
        type="button"
        className={buttonClass}
        data-testid={testId}
        disabled={disabled}
        // While running the button stays focusable (focus comes back here after a yes), only inert.
        aria-disabled={pending || undefined}
        onClick={() => handle('ask')}
      >
        {label}
      </button>
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLSpanElement>) {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    handle('back');
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring a form's border and legend layout
    <span className="confirm-inline" role="group" aria-labelledby={questionId} onKeyDown={onKeyDown}>
      <span className="confirm-inline-question" id={questionId}>
        {question}
      </span>
      <span className="confirm-inline-answers">
        <button
          type="button"
          className={`button${tone === 'danger' ? ' button-danger' : ' button-primary'}${small ? ' button-small' : ''}`}
          data-testid={testId && `${testId}-confirm`}
          disabled={blocked}
          onClick={() => handle('confirm')}
        >
          {confirmLabel ?? label}
        </button>
        <button
          ref={backRef}
          type="button"
          className={`button button-quiet${small ? ' button-small' : ''}`}
          data-testid={testId && `${testId}-back`}
          onClick={() => handle('back')}
        >
          {cancelLabel ?? t('common.goBack')}
        </button>
      </span>
    </span>
  );
}
