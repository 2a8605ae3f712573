import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An operator's optional reason for each row's decision (admit, reject, approve …), which the
 * seller reads with the decision. Kept per row so typing in one row leaves the others alone.
 */
export function useDecisionReasons() {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  return {
    reasonFor: (rowId: string) => reasons[rowId]?.trim() || undefined,
    clear: (rowId: string) => setReasons(({ [rowId]: _, ...rest }) => rest),
    field: (rowId: string) => (
      <DecisionReasonField
        value={reasons[rowId] ?? ''}
        onChange={(value) => setReasons((current) => ({ ...current, [rowId]: value }))}
      />
    ),
  };
}

function DecisionReasonField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <input
      className="input input-small"
      aria-label={t('bases.decisionReason.label')}
      placeholder={t('bases.decisionReason.placeholder')}
      maxLength={500}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
