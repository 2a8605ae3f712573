import type { Home } from '@jadelive/shared';
import type { zhCN } from '../../../i18n/zh-CN';
import { commercePaths, consolePaths, livePaths, paths, publicPaths } from '../../../lib/paths';

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
    { card: 'pendingCertificates', to: consolePaths.platform.certificates, managersOnly: true },
    ...ORGANIZATION_ADMIN,
    ...soon('bases', 'statistics', 'complianceFlags'),
  ],
  operator: [
    { card: 'monitorWall', to: livePaths.monitor },
    { card: 'bases', to: consolePaths.operator.bases },
    ...ORGANIZATION_ADMIN,
    ...soon('statistics', 'complianceFlags'),
  ],
  seller: [
    { card: 'liveRooms', to: livePaths.studio },
    { card: 'listings', to: consolePaths.seller.listings },
    { card: 'certificates', to: consolePaths.seller.certificates },
    { card: 'storefront', to: consolePaths.seller.profile, managersOnly: true },
    { card: 'baseMembership', to: consolePaths.seller.bases },
    { card: 'orders', to: commercePaths.sellerOrders },
    { card: 'notifications', to: consolePaths.seller.notifications },
    ...ORGANIZATION_ADMIN,
    ...soon('complianceFlags'),
  ],
  host: [
    { card: 'liveStudio', to: livePaths.studio },
    { card: 'showListings', to: consolePaths.seller.listings },
    { card: 'certificates', to: consolePaths.seller.certificates },
    { card: 'baseMembership', to: consolePaths.seller.bases },
    ...soon('complianceFlags'),
  ],
  lab: [
    { card: 'issueCertificates', to: consolePaths.lab.issue },
    { card: 'labCertificates', to: consolePaths.lab.certificates },
    { card: 'labInspections', to: consolePaths.lab.inspections },
    ...ORGANIZATION_ADMIN,
    ...soon('verifications'),
  ],
  regulator: [
    { card: 'complianceFlags', to: consolePaths.regulator.flags },
    { card: 'inspections', to: livePaths.observerList },
    ...ORGANIZATION_ADMIN,
    ...soon('rectifications'),
  ],
  buyer: [
    { card: 'watchLive', to: livePaths.watchList },
    { card: 'catalog', to: publicPaths.catalog },
    { card: 'myOrders', to: commercePaths.buyerOrders },
    { card: 'verifyCertificate', to: publicPaths.verify },
  ],
};

export function sectionsFor(variant: HomeVariant, isManager: boolean) {
  const visible = HOME_SECTIONS[variant].filter((section) => !section.managersOnly || isManager);
  return {
    ready: visible.filter((section) => section.to !== undefined),
    soon: visible.filter((section) => section.to === undefined),
  };
}
