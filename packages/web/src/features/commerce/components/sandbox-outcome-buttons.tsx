export type SandboxOutcome = 'success' | 'fail';

interface SandboxOutcomeButtonsProps {
  /** Test ids are `<prefix>-success` and `<prefix>-fail`. */
  testIdPrefix: string;
  /** What each button says, already worded from the catalogue. */
  labels: Record<SandboxOutcome, string>;
  disabled: boolean;
  onChoose: (outcome: SandboxOutcome) => void;
}

/** The sandbox provider's stand-in for a gateway's page: the buyer decides how the payment ends. */
export function SandboxOutcomeButtons({
  testIdPrefix,
  labels,
  disabled,
  onChoose,
}: SandboxOutcomeButtonsProps) {
  return (
    <div className="button-row sandbox-buttons">
      {(['success', 'fail'] as const).map((outcome) => (
        <button
          key={outcome}
          type="button"
          className={`button ${outcome === 'success' ? 'button-primary' : 'button-danger'}`}
          data-testid={`${testIdPrefix}-${outcome}`}
          disabled={disabled}
          onClick={() => onChoose(outcome)}
        >
          {labels[outcome]}
        </button>
      ))}
    </div>
  );
}
