/** A small on/off button (关注 / 取消关注, 预约 / 取消预约): primary while off, quiet once on. */
export function ToggleButton({
  on,
  labels,
  busy,
  onToggle,
  testId,
}: {
  on: boolean;
  labels: { turnOn: string; turnOff: string };
  busy: boolean;
  onToggle: (next: boolean) => void;
  testId: string;
}) {
  return (
    <button
      type="button"
      className={on ? 'button button-small' : 'button button-small button-primary'}
      data-testid={testId}
      disabled={busy}
      onClick={() => onToggle(!on)}
    >
      {on ? labels.turnOff : labels.turnOn}
    </button>
  );
}
