import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Icon } from '../ui/icon';
import { type AccountInfo, AccountSummary } from './account-summary';
import { LanguageSwitch } from './language-switch';
import type { NavItem } from './nav-item';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

interface AppShellProps {
  account: AccountInfo;
  homePath: string;
  navItems: NavItem[];
  /**
   * On a phone, buyers and hosts get a bottom tab bar (one thumb, few destinations); people who
   * manage an organisation get a menu that folds out of the header.
   */
  mobileNav: 'menu' | 'bottom-bar';
  onSignOut: () => void;
  signingOut: boolean;
  children: ReactNode;
}

export function AppShell({
  account,
  homePath,
  navItems,
  mobileNav,
  onSignOut,
  signingOut,
  children,
}: AppShellProps) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();

  // A route change (including the browser's back button) closes the folded-out menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <div className={`shell shell-${mobileNav}`}>
      <header className="app-header">
        <div className="header-inner">
          <Link to={homePath} className="brand" data-testid="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          <nav className="desktop-nav" aria-label={t('nav.main')}>
            <NavLinks items={navItems} className="nav-list" />
          </nav>
          <AccountSummary account={account} className="account header-account" />
          <div className="header-tools">
            <LanguageSwitch />
            <SignOutButton
              onSignOut={onSignOut}
              signingOut={signingOut}
              className="button button-quiet header-sign-out"
            />
          </div>
          {mobileNav === 'menu' && (
            <button
              type="button"
              className="button button-quiet menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="mobile-menu"
              aria-label={menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
              onClick={() => setMenuOpen((open) => !open)}
            >
              <Icon name={menuOpen ? 'close' : 'menu'} />
            </button>
          )}
        </div>
        {mobileNav === 'menu' && menuOpen && (
          <nav id="mobile-menu" className="mobile-menu" aria-label={t('nav.main')}>
            <AccountSummary account={account} className="account mobile-account" />
            <NavLinks items={navItems} className="mobile-nav-list" onNavigate={() => setMenuOpen(false)} />
            <div className="mobile-menu-tools">
              <LanguageSwitch />
              <SignOutButton onSignOut={onSignOut} signingOut={signingOut} />
            </div>
          </nav>
        )}
      </header>
      <main className="app-main">{children}</main>
      {mobileNav === 'bottom-bar' && (
        <nav className="bottom-bar" aria-label={t('nav.main')}>
          <NavLinks items={navItems} className="bottom-bar-list" />
          <SignOutButton onSignOut={onSignOut} signingOut={signingOut} className="bottom-bar-action" />
        </nav>
      )}
    </div>
  );
}
