import '../statistics.css';
import type { FigureStatus, SessionFigure, SessionStatistics } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { toApiError } from '../../../lib/api-error';
import { formatFen } from '../../../lib/units';
import { useSessionStatistics } from '../api/get-session-statistics';

type Shown = 'gmvFen' | 'orders' | 'buyers' | 'firstTimeBuyers' | 'averageOrderValueFen' | 'refundedFen';
type ShownFigure = Shown | 'views' | 'gpmFen' | 'giveawayEntries' | 'flagsAgainstSeller';

const MONEY = new Set<ShownFigure>(['gmvFen', 'averageOrderValueFen', 'refundedFen', 'gpmFen']);
const SHOWN: readonly ShownFigure[] = [
  'gmvFen',
  'orders',
  'buyers',
  'firstTimeBuyers',
  'averageOrderValueFen',
  'refundedFen',
  'views',
  'gpmFen',
  'giveawayEntries',
  'flagsAgainstSeller',
];
const COMPARED = ['gmvFen', 'orders', 'uniqueViewers'] as const;

function FigureStatusBadge({ status }: { status: FigureStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status figure-status figure-status-${status}`} data-status={status}>
      {t(`statistics.session.statuses.${status}`)}
    </span>
  );
}

interface FigureTableProps {
  caption?: string;
  testId?: string;
  headers: string[];
  rows: { key: string; cells: string[] }[];
}

function FigureTable({ caption, testId, headers, rows }: FigureTableProps) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid={testId}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header}>{header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              {row.cells.map((cell, index) => (
                // Cells of a row are positional: the header above names each.
                // biome-ignore lint/suspicious/noArrayIndexKey: columns never move
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * What a session sold (GMV, orders, buyers …) with each figure's status and the shop's medians,
 * for those who may read a seller's sales; nothing for those who may not (the answer is 404).
 */
export function SessionSalesFigures({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const statistics = useSessionStatistics(sessionId);
  if (statistics.error) {
    if (toApiError(statistics.error).code === 'NOT_FOUND') return null;
    return <ApiErrorAlert error={statistics.error} onRetry={() => void statistics.refetch()} />;
  }
  if (!statistics.data) return <p className="page-status muted">{t('common.loading')}</p>;
  const data: SessionStatistics = statistics.data;
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const format = (name: ShownFigure | 'uniqueViewers', value: number | null) =>
    value === null
      ? t('statistics.session.unknown')
      : MONEY.has(name as ShownFigure)
        ? formatFen(Math.round(value))
        : number.format(value);
  const note = (name: ShownFigure) =>
    name === 'refundedFen'
      ? t('statistics.session.refundedOrders', { count: data.figures.refundedOrders.value ?? 0 })
      : name === 'flagsAgainstSeller'
        ? t('statistics.session.flagsTotal', { count: data.figures.flags.value ?? 0 })
        : null;

  const category = t('statistics.session.flags.category');
  const count = t('statistics.session.flags.count');
  const against = t('statistics.session.flags.againstSeller');

  return (
    <section className="session-sales" data-testid="session-sales" aria-labelledby="session-sales-title">
      <h2 id="session-sales-title">{t('statistics.session.title')}</h2>
      <p className="muted">{t('statistics.session.intro')}</p>
      <dl className="summary-grid">
        {SHOWN.map((name) => {
          const figure: SessionFigure = data.figures[name];
          return (
            <div key={name} className="card summary-figure" data-figure={name} data-status={figure.status}>
              <dt className="card-description">{t(`statistics.session.figures.${name}`)}</dt>
              <dd className="summary-value">{format(name, figure.value)}</dd>
              <dd className="fine-print figure-note">
                <FigureStatusBadge status={figure.status} /> {note(name)}
              </dd>
            </div>
          );
        })}
      </dl>

      <h3>{t('statistics.session.comparison.title')}</h3>
      {data.comparison.sessions === 0 ? (
        <p className="muted">{t('statistics.session.comparison.none')}</p>
      ) : (
        <FigureTable
          testId="session-comparison"
          headers={[
            t('statistics.session.comparison.figure'),
            t('statistics.session.comparison.thisSession'),
            t('statistics.session.comparison.median', { count: data.comparison.sessions }),
          ]}
          rows={COMPARED.map((name) => ({
            key: name,
            cells: [
              t(`statistics.session.comparison.${name}`),
              format(name, data.figures[name].value),
              format(name, data.comparison[name]),
            ],
          }))}
        />
      )}

      <h3>{t('statistics.session.flags.title')}</h3>
      {data.flagsByCategory.length === 0 ? (
        <p className="muted">{t('statistics.session.flags.none')}</p>
      ) : (
        <>
          <FigureTable
            testId="session-flags"
            caption={t('statistics.session.flags.byCategory')}
            headers={[category, count, against]}
            rows={data.flagsByCategory.map((row) => ({
              key: row.category,
              cells: [
                t(`compliance.categories.${row.category}`),
                number.format(row.count),
                number.format(row.againstSeller),
              ],
            }))}
          />
          <FigureTable
            caption={t('statistics.session.flags.bySpeaker')}
            headers={[t('statistics.session.flags.speaker'), count, against]}
            rows={data.flagsBySpeaker.map((row) => ({
              key: row.speakerKind,
              cells: [
                t(`compliance.speakerKinds.${row.speakerKind}`),
                number.format(row.count),
                row.againstSeller
                  ? t('statistics.session.flags.counted')
                  : t('statistics.session.flags.notCounted'),
              ],
            }))}
          />
        </>
      )}
      <p className="fine-print">{t('statistics.session.notes')}</p>
    </section>
  );
}
