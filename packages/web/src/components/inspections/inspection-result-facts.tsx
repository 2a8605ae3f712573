import type { Inspection } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormat } from '../../i18n/format';
import { formatWeight } from '../../lib/units';

/** What the lab found (identification, weight, note) and when: read the same by the lab, buyer and seller. */
export function InspectionResultFacts({ result }: { result: NonNullable<Inspection['result']> }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  return (
    <>
      <p>{t('inspection.result', { identification: result.identification })}</p>
      {result.weightMg !== null && (
        <p>{t('inspection.resultWeight', { weight: formatWeight(result.weightMg, null) ?? '—' })}</p>
      )}
      {result.note && <p>{t('inspection.note', { note: result.note })}</p>}
      <p className="fine-print">{t('inspection.recordedAt', { time: formatDate(result.recordedAt) })}</p>
    </>
  );
}
