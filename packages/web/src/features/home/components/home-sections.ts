import type { Home } from '@jadelive/shared';
import type { zhCN } from '../../../i18n/zh-CN';
import { commercePaths, consolePaths, livePaths, paths, publicPaths } from '../../../lib/paths';

export type CardId = keyof typeof zhCN.home.cards;
/** A seller's host gets a host-first dashboard on the same `/seller` home. */
export type HomeVariant = Home | 'host';

/** A section of the console that exists today: the home lists nothing that is still to come. */
export interface HomeSection {
  card: CardId;
  to: string;
  managersOnly?: boolean;
}

const ORGANIZATION_ADMIN: HomeSection[] = [
  { card: 'members', to: paths.settings.members, managersOnly: true },
  { card: 'invitations', to: paths.settings.invitations, managersOnly: true },
  { card: 'tokens', to: paths.settings.tokens, managersOnly: true },
  { card: 'audit', to: paths.settings.audit, managersOnly: true },
];

/** What each kind of user finds on their home, in the order they most need it. */
export const HOME_SECTIONS: Record<HomeVariant, HomeSection[]> = {
  platform: [
    { card: 'platformAudit', to: paths.platformAudit, managersOnly: true },
    { card: 'pendingCertificates', to: consolePaths.platform.certificates, managersOnly: true },
    ...ORGANIZATION_ADMIN,
  ],
  operator: [
    { card: 'monitorWall', to: livePaths.monitor },
    { card: 'bases', to: consolePaths.operator.bases },
    { card: 'baseNotices', to: consolePaths.operator.notices },
    ...ORGANIZATION_ADMIN,
  ],
  seller: [
    { card: 'liveRooms', to: livePaths.studio },
    { card: 'listings', to: consolePaths.seller.listings },
    { card: 'certificates', to: consolePaths.seller.certificates },
    { card: 'storefront', to: consolePaths.seller.profile, managersOnly: true },
    { card: 'baseMembership', to: consolePaths.seller.bases },
    { card: 'orders', to: commercePaths.sellerOrders },
    { card: 'notifications', to: consolePaths.seller.notifications },
    { card: 'notices', to: consolePaths.seller.notices },
    ...ORGANIZATION_ADMIN,
  ],
  host: [
    { card: 'liveStudio', to: livePaths.studio },
    { card: 'showListings', to: consolePaths.seller.listings },
    { card: 'certificates', to: consolePaths.seller.certificates },
    { card: 'baseMembership', to: consolePaths.seller.bases },
  ],
  lab: [
    { card: 'issueCertificates', to: consolePaths.lab.issue },
    { card: 'labCertificates', to: consolePaths.lab.certificates },
    { card: 'labInspections', to: consolePaths.lab.inspections },
    ...ORGANIZATION_ADMIN,
  ],
  regulator: [
    { card: 'caseLeads', to: consolePaths.regulator.leads },
    { card: 'cases', to: consolePaths.regulator.cases },
    { card: 'complianceFlags', to: consolePaths.regulator.flags },
    { card: 'inspections', to: livePaths.observerList },
    ...ORGANIZATION_ADMIN,
  ],
  buyer: [
    { card: 'watchLive', to: livePaths.watchList },
    { card: 'catalog', to: publicPaths.catalog },
    { card: 'myOrders', to: commercePaths.buyerOrders },
    { card: 'verifyCertificate', to: publicPaths.verify },
  ],
};

export function sectionsFor(variant: HomeVariant, isManager: boolean): HomeSection[] {
  return HOME_SECTIONS[variant].filter((section) => !section.managersOnly || isManager);
}
