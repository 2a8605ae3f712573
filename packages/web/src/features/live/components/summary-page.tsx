import '../live.css';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { useLiveSession } from '../api/get-live-session';
import { useLiveSummary } from '../api/get-live-summary';
import { formatDuration } from '../hooks/use-elapsed';
import { SessionStatusBadge } from './session-badges';

/**
 * After the broadcast: how long it ran, who watched (from LiveKit's webhooks), chat and pins;
 * `sales` shows what it sold (the statistics feature's figures, for those who may read them).
 */
export function SummaryPage({
  backTo,
  sales: Sales,
}: {
  backTo: string;
  sales?: ComponentType<{ sessionId: string }>;
}) {
  const { t, i18n } = useTranslation();
  const { sessionId = '' } = useParams();
  const session = useLiveSession(sessionId);
  const summary = useLiveSummary(sessionId);
  const error = session.error ?? summary.error;
  if (error) return <ApiErrorAlert error={error} onRetry={() => void summary.refetch()} />;
  if (!session.data || !summary.data) return <p className="page-status muted">{t('common.loading')}</p>;
  const figures = summary.data;
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const duration =
    figures.startedAt && figures.endedAt
      ? formatDuration(Math.round((Date.parse(figures.endedAt) - Date.parse(figures.startedAt)) / 1000))
      : formatDuration(Math.round(figures.liveMinutes * 60));
  const items: [string, string, string][] = [
    ['duration', t('live.summary.duration'), duration],
    ['peak', t('live.summary.peakViewers'), number.format(figures.peakViewers)],
    ['average', t('live.summary.averageViewers'), number.format(figures.averageViewers)],
    ['unique', t('live.summary.uniqueViewers'), number.format(figures.uniqueViewers)],
    ['chat', t('live.summary.chatMessages'), number.format(figures.chatMessages)],
    ['pins', t('live.summary.pins'), number.format(figures.pins)],
  ];
  return (
    <div className="page" data-page="live-summary" data-session={sessionId}>
      <header className="page-header">
        <p className="eyebrow">
          <Link to={backTo}>{t('live.summary.back')}</Link> · {session.data.sellerName}
        </p>
        <h1>{t('live.summary.title', { title: session.data.title })}</h1>
        <SessionStatusBadge status={figures.status} />
      </header>
      <dl className="summary-grid" data-testid="live-summary">
        {items.map(([key, label, value]) => (
          <div key={key} className="card summary-figure" data-figure={key}>
            <dt className="card-description">{label}</dt>
            <dd className="summary-value">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="fine-print">{t('live.summary.source')}</p>
      {Sales && <Sales sessionId={sessionId} />}
    </div>
  );
}
