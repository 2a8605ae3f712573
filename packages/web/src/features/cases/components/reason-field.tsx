import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/ui/text-area-field';

/** Why an officer takes a step: every step, notice, review and transfer records it. */
export function ReasonField({
  value,
  onChange,
  label,
  testId,
}: {
  value: string;
  onChange: (value: string) => void;
  label?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      label={label ?? t('cases.detail.reason')}
      rows={2}
      required
      minLength={2}
      maxLength={1000}
      value={value}
      onChange={onChange}
      testId={testId}
    />
  );
}
