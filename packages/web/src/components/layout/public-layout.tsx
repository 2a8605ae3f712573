import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

/** Frame of the signed-out pages (login, sign-up, invitation): brand, language switch, one card. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="public-shell">
      <header className="public-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="public-main">
        <p className="public-tagline">{t('app.tagline')}</p>
        {children}
      </main>
    </div>
  );
}
