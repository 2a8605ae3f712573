import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { livePaths } from '../../lib/paths';
import { LanguageSwitch } from './language-switch';

interface SiteLayoutProps {
  /** Signed-in visitors get a way back to their console; others a sign-in link. */
  account: { to: string; label: string };
  catalogPath: string;
  verifyPath: string;
  children: ReactNode;
}

/** Frame of the public pages (catalogue, listing, shop, verify): phone first, no sign-in needed. */
export function SiteLayout({ account, catalogPath, verifyPath, children }: SiteLayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="site-shell">
      <header className="site-header">
        <div className="site-header-inner">
          <Link to={catalogPath} className="brand" data-testid="site-brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          <nav className="site-nav" aria-label={t('nav.main')}>
            <NavLink to={catalogPath} className="nav-link" data-nav="catalog">
              {t('catalog.header.catalog')}
            </NavLink>
            <NavLink to={livePaths.watchList} className="nav-link" data-nav="live">
              {t('live.list.title')}
            </NavLink>
            <NavLink to={verifyPath} className="nav-link" data-nav="verify">
              {t('catalog.header.verify')}
            </NavLink>
          </nav>
          <div className="site-tools">
            <LanguageSwitch />
            <Link to={account.to} className="button button-small" data-testid="site-account">
              {account.label}
            </Link>
          </div>
        </div>
      </header>
      <main className="site-main">{children}</main>
    </div>
  );
}
