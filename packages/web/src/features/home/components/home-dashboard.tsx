import type { Home } from '@jadelive/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DashboardCard } from '../../../components/ui/dashboard-card';
import { type HomeSection, type HomeVariant, sectionsFor } from './home-sections';

export interface HomeViewer {
  displayName: string;
  organizationName: string | null;
  isManager: boolean;
  isHost: boolean;
}

interface HomeDashboardProps {
  home: Home;
  viewer: HomeViewer;
  /** Extra panels a home shows below its cards (the platform's organisation list). */
  children?: ReactNode;
}

/** One dashboard shell for every kind of account; the sections differ, the frame does not. */
export function HomeDashboard({ home, viewer, children }: HomeDashboardProps) {
  const { t } = useTranslation();
  const variant: HomeVariant = home === 'seller' && viewer.isHost ? 'host' : home;
  const sections = sectionsFor(variant, viewer.isManager);

  return (
    <div className="page home" data-home={home} data-variant={variant}>
      <header className="page-header">
        <p className="eyebrow">
          {t('home.greeting', { name: viewer.displayName })}
          {viewer.organizationName && ` · ${viewer.organizationName}`}
        </p>
        <h1 data-testid="home-title">{t(`home.titles.${variant}`)}</h1>
        <p className="muted">{t(`home.intros.${variant}`)}</p>
      </header>
      {sections.length > 0 && (
        <CardSection heading={t('home.readyHeading')} sections={sections} testId="home-ready" />
      )}
      {children}
    </div>
  );
}

function CardSection({
  heading,
  sections,
  testId,
}: {
  heading: string;
  sections: HomeSection[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="home-section" data-testid={testId}>
      <h2 className="section-heading">{heading}</h2>
      <div className="card-grid">
        {sections.map((section) => (
          <DashboardCard
            key={section.card}
            cardId={section.card}
            title={t(`home.cards.${section.card}.title`)}
            description={t(`home.cards.${section.card}.description`)}
            to={section.to}
          />
        ))}
      </div>
    </section>
  );
}
