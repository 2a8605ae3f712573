import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { SecretOnce } from '../../../components/ui/secret-once';
import { shanghaiClockLabel } from '../../../lib/shanghai-time';
import { useCreateWhipIngest } from '../api/create-whip-ingest';

/**
 * Streaming from OBS instead of the browser camera: the WHIP server URL and a short-lived bearer
 * token for this session only, with the encoder settings LiveKit can pass on without transcoding.
 */
export function WhipIngestPanel({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const issue = useCreateWhipIngest(sessionId);
  const ingest = issue.data;
  return (
    <section className="panel" data-testid="whip-ingest">
      <h2 className="section-heading">{t('live.ingest.title')}</h2>
      <p className="muted">{t('live.ingest.intro')}</p>
      {!ingest && (
        <button
          type="button"
          className="button"
          data-testid="whip-issue"
          disabled={issue.isPending}
          onClick={() => issue.mutate()}
        >
          {t('live.ingest.issue')}
        </button>
      )}
      {issue.error && <ApiErrorAlert error={issue.error} />}
      {ingest && (
        <div data-testid="whip-details" data-whip-url={ingest.whipUrl}>
          <p>
            {t('live.ingest.server')} <code className="mono">{ingest.whipUrl}</code>
          </p>
          <SecretOnce
            notice={t('live.ingest.tokenNotice', { time: shanghaiClockLabel(ingest.expiresAt) })}
            value={ingest.token}
            onDismiss={() => issue.reset()}
            testId="whip-token"
          />
        </div>
      )}
      <h3>{t('live.ingest.settingsTitle')}</h3>
      <ul className="muted">
        <li>{t('live.ingest.settingService')}</li>
        <li>{t('live.ingest.settingVideo')}</li>
        <li>{t('live.ingest.settingAudio')}</li>
        <li>{t('live.ingest.settingEnd')}</li>
      </ul>
    </section>
  );
}
