import { NavLink } from 'react-router';
import { Icon } from '../ui/icon';
import type { NavItem } from './nav-item';

interface NavLinksProps {
  items: NavItem[];
  className: string;
  onNavigate?: () => void;
}

export function NavLinks({ items, className, onNavigate }: NavLinksProps) {
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.id}>
          <NavLink to={item.to} end={item.end} className="nav-link" data-nav={item.id} onClick={onNavigate}>
            <Icon name={item.icon} />
            <span>{item.label}</span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
