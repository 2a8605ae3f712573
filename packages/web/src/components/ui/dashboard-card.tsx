import { Link } from 'react-router';

interface DashboardCardProps {
  title: string;
  description: string;
  to: string;
  cardId: string;
}

export function DashboardCard({ title, description, to, cardId }: DashboardCardProps) {
  return (
    <Link className="card card-link" to={to} data-card={cardId}>
      <span className="card-title">{title}</span>
      <span className="card-description">{description}</span>
    </Link>
  );
}
