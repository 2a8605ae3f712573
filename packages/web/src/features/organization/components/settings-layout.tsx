import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { paths } from '../../../lib/paths';
import { useOrganization } from '../api/get-organization';

const TABS = [
  { id: 'members', to: paths.settings.members },
  { id: 'invitations', to: paths.settings.invitations },
  { id: 'tokens', to: paths.settings.tokens },
  { id: 'audit', to: paths.settings.audit },
] as const;

export function SettingsLayout() {
  const { t } = useTranslation();
  const organization = useOrganization();
  return (
    <div className="page" data-page="settings">
      <header className="page-header">
        {organization.data && (
          <p className="eyebrow">
            {organization.data.name} · {t(`kinds.${organization.data.kind}`)}
          </p>
        )}
        <h1>{t('organization.title')}</h1>
      </header>
      <nav className="tabs" aria-label={t('organization.title')}>
        {TABS.map((tab) => (
          <NavLink key={tab.id} to={tab.to} className="tab" data-tab={tab.id}>
            {t(`organization.tabs.${tab.id}`)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
