import type { StoredFlag } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import type { AlertStreamState } from '../hooks/use-compliance-alerts';

/**
 * What the compliance engine flagged in this session (chat, captions), as it happens. The host's
 * own words come with what to change; a viewer's blocked message is shown as that viewer's, for
 * moderation, never as something the shop must change.
 */
export function ComplianceAlertsPanel({ alerts, state }: { alerts: StoredFlag[]; state: AlertStreamState }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <section className="panel alerts-panel" data-testid="compliance-alerts" data-state={state}>
      <header className="chat-header">
        <h2 className="section-heading">{t('live.alerts.title')}</h2>
        <span className={`alerts-state alerts-${state}`}>
          <span className="alerts-dot" aria-hidden="true" />
          {t(`live.alerts.states.${state}`)}
        </span>
      </header>
      {alerts.length === 0 ? (
        <p className="empty">{t('live.alerts.none')}</p>
      ) : (
        <ul className="alerts-list">
          {alerts.map((alert) =>
            alert.speaker.kind === 'viewer' ? (
              <li
                key={alert.id}
                className="alert-item alert-viewer"
                data-testid="compliance-alert"
                data-speaker="viewer"
              >
                <span className="badge">
                  {t('live.alerts.viewerBlocked', { name: alert.speaker.name ?? t('live.alerts.aViewer') })}
                </span>{' '}
                <q>{alert.text}</q>
                <p className="fine-print">{alert.message[language]}</p>
                <p className="fine-print">{t('live.alerts.viewerNote')}</p>
              </li>
            ) : (
              <li
                key={alert.id}
                className={`alert-item severity-${alert.severity}`}
                data-testid="compliance-alert"
                data-speaker={alert.speaker.kind}
              >
                <span className="badge">{t(`live.alerts.severities.${alert.severity}`)}</span>{' '}
                <q>{alert.text.slice(alert.start, alert.end) || alert.text}</q>
                <p className="fine-print">{alert.message[language]}</p>
                <p className="fine-print">{alert.suggestion[language]}</p>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}
