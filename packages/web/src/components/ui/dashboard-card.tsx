import { Link } from 'react-router';

interface DashboardCardProps {
  title: string;
  description: string;
  /** A section that exists links to it; one still being built shows a badge and is not clickable. */
  to?: string;
  badge?: string;
  cardId: string;
}

export function DashboardCard({ title, description, to, badge, cardId }: DashboardCardProps) {
  const body = (
    <>
      <span className="card-title">
        {title}
        {badge && <span className="badge">{badge}</span>}
      </span>
      <span className="card-description">{description}</span>
    </>
  );
  if (to) {
    return (
      <Link className="card card-link" to={to} data-card={cardId}>
        {body}
      </Link>
    );
  }
  return (
    <div className="card card-soon" data-card={cardId} aria-disabled="true">
      {body}
    </div>
  );
}
