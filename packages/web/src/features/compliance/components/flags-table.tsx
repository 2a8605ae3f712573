import type { StoredFlag } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormat } from '../../../i18n/format';
import { speakerLabel } from './flag-words';

interface FlagsTableProps {
  flags: StoredFlag[];
  selectedId: string | null;
  onSelect: (flag: StoredFlag) => void;
  testId?: string;
}

/** One row per flag: when, who, what kind and how severe, with the flagged words quoted. */
export function FlagsTable({ flags, selectedId, onSelect, testId }: FlagsTableProps) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  return (
    <div className="table-scroll">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('compliance.table.time')}</th>
            <th>{t('compliance.table.seller')}</th>
            <th>{t('compliance.table.speaker')}</th>
            <th>{t('compliance.table.category')}</th>
            <th>{t('compliance.table.severity')}</th>
            <th>{t('compliance.table.claim')}</th>
            <th>{t('compliance.table.reviewed')}</th>
            <th>
              <span className="visually-hidden">{t('compliance.table.details')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {flags.map((flag) => (
            <tr key={flag.id} data-flag={flag.id} aria-selected={flag.id === selectedId} className="flag-row">
              <td className="nowrap">{formatDate(flag.saidAt)}</td>
              <td className="cell-name">
                {flag.speaker.kind === 'viewer'
                  ? t('compliance.speaker.inRoom', { seller: flag.seller.name })
                  : flag.seller.name}
                <span className="fine-print"> · {t(`compliance.sources.${flag.source}`)}</span>
              </td>
              <td className="nowrap" data-speaker={flag.speaker.kind}>
                {speakerLabel(t, flag.speaker)}
              </td>
              <td className="nowrap">{t(`compliance.categories.${flag.category}`)}</td>
              <td>
                <span className={`status severity-${flag.severity}`}>
                  {t(`compliance.severities.${flag.severity}`)}
                </span>
              </td>
              <td className="details-cell">
                <q className="flag-quote">{flag.text.slice(flag.start, flag.end)}</q>
              </td>
              <td className="nowrap">
                {flag.review ? t('compliance.filters.reviewedYes') : t('compliance.filters.reviewedNo')}
              </td>
              <td>
                <button type="button" className="button button-small" onClick={() => onSelect(flag)}>
                  {t('compliance.table.details')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
