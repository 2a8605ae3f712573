import { useTranslation } from 'react-i18next';
import { AuditLog } from './audit-log';

/** A platform admin's search through every organisation's trail. */
export function PlatformAuditPage() {
  const { t } = useTranslation();
  return (
    <div className="page" data-page="platform-audit">
      <header className="page-header">
        <h1>{t('audit.platformTitle')}</h1>
        <p className="muted">{t('audit.platformIntro')}</p>
      </header>
      <AuditLog scope="platform" reader="platform" />
    </div>
  );
}
