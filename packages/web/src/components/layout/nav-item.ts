import type { IconName } from '../ui/icon';

/** One entry of the role-aware navigation; the app decides which entries a user gets. */
export interface NavItem {
  id: string;
  to: string;
  label: string;
  icon: IconName;
  /** Match the path exactly, so "home" is not highlighted on every sub-page. */
  end?: boolean;
}
