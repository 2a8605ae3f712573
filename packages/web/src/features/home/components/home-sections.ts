import type { Home } from '@jadelive/shared';
import type { zhCN } from '../../../i18n/zh-CN';
import { paths } from '../../../lib/paths';

export type CardId = keyof typeof zhCN.home.cards;
/** A seller's host gets a host-first dashboard on the same `/seller` home. */
export type HomeVariant = Home | 'host';

export interface HomeSection {
  card: CardId;
  /** Present for sections that exist in the console today; absent means "coming in this console". */
  to?: string;
  managersOnly?: boolean;
}

const ORGANIZATION_ADMIN: HomeSection[] = [
  { card: 'members', to: paths.settings.members, managersOnly: true },
  { card: 'invitations', to: paths.settings.invitations, managersOnly: true },
  { card: 'tokens', to: paths.settings.tokens, managersOnly: true },
  { card: 'audit', to: paths.settings.audit, managersOnly: true },
];

const soon = (...cards: CardId[]): HomeSection[] => cards.map((card) => ({ card }));

/** What each kind of user finds on their home, in the order they most need it. */
export const HOME_SECTIONS: Record<HomeVariant, HomeSection[]> = {
  platform: [
    { card: 'platformAudit', to: paths.platformAudit, managersOnly: true },
    ...ORGANIZATION_ADMIN,
    ...soon('bases', 'statistics', 'complianceFlags'),
  ],
  operator: [...ORGANIZATION_ADMIN, ...soon('bases', 'statistics', 'complianceFlags')],
  seller: [
    ...ORGANIZATION_ADMIN,
    ...soon('listings', 'certificates', 'liveRooms', 'orders', 'complianceFlags'),
  ],
  host: soon('liveStudio', 'showListings', 'complianceFlags', 'certificates'),
  lab: [...ORGANIZATION_ADMIN, ...soon('issueCertificates', 'verifications')],
  regulator: [...ORGANIZATION_ADMIN, ...soon('complianceFlags', 'inspections', 'rectifications')],
  buyer: soon('watchLive', 'myOrders', 'verifyCertificate'),
};

export function sectionsFor(variant: HomeVariant, isManager: boolean) {
  const visible = HOME_SECTIONS[variant].filter((section) => !section.managersOnly || isManager);
  return {
    ready: visible.filter((section) => section.to !== undefined),
    soon: visible.filter((section) => section.to === undefined),
  };
}
