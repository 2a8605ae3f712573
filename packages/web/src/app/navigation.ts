import { homeFor, type User } from '@jadelive/shared';
import type { TFunction } from 'i18next';
import type { NavItem } from '../components/layout/nav-item';
import { isManager } from '../features/auth/hooks/use-signed-in-user';
import { commercePaths, complaintPaths, consolePaths, paths, publicPaths } from '../lib/paths';

/**
 * Role-aware navigation: only destinations this person can open today. A host's first (and
 * main) entry is their live studio, which is the seller home in its host variant.
 */
export function navigationFor(user: User, t: TFunction): NavItem[] {
  const home = homeFor(user);
  const isHost = user.role === 'host';
  const items: NavItem[] = [
    {
      id: isHost ? 'live-studio' : 'home',
      to: paths.home(home),
      label: isHost ? t('nav.liveStudio') : home === 'buyer' ? t('nav.buyerHome') : t('nav.home'),
      icon: isHost ? 'live' : 'home',
      end: true,
    },
  ];
  if (home === 'buyer') {
    items.push({ id: 'catalog', to: publicPaths.catalog, label: t('catalog.header.catalog'), icon: 'shop' });
    items.push({ id: 'my-orders', to: commercePaths.buyerOrders, label: t('nav.myOrders'), icon: 'orders' });
    items.push({ id: 'addresses', to: commercePaths.addresses, label: t('nav.addresses'), icon: 'pin' });
    items.push({
      id: 'my-complaints',
      to: complaintPaths.buyer,
      label: t('nav.myComplaints'),
      icon: 'audit',
    });
  }
  if (home === 'seller') {
    items.push({
      id: 'seller-orders',
      to: commercePaths.sellerOrders,
      label: t('nav.sellerOrders'),
      icon: 'orders',
    });
    items.push({
      id: 'seller-complaints',
      to: complaintPaths.seller,
      label: t('nav.sellerComplaints'),
      icon: 'audit',
    });
  }
  if (home === 'seller') {
    items.push({ id: 'notices', to: consolePaths.seller.notices, label: t('nav.notices'), icon: 'audit' });
  }
  if (home === 'operator') {
    items.push({
      id: 'notices',
      to: consolePaths.operator.notices,
      label: t('nav.baseNotices'),
      icon: 'audit',
    });
  }
  if (home === 'regulator') {
    items.push({
      id: 'case-leads',
      to: consolePaths.regulator.leads,
      label: t('nav.caseLeads'),
      icon: 'audit',
    });
    items.push({ id: 'cases', to: consolePaths.regulator.cases, label: t('nav.cases'), icon: 'orders' });
  }
  if (home === 'regulator') {
    items.push({
      id: 'complaint-leads',
      to: complaintPaths.regulator,
      label: t('nav.complaintLeads'),
      icon: 'audit',
    });
  }
  if (home === 'lab') {
    items.push({
      id: 'lab-inspections',
      to: consolePaths.lab.inspections,
      label: t('inspection.labPage.title'),
      icon: 'audit',
    });
  }
  if (home === 'platform' && isManager(user)) {
    items.push({
      id: 'arbitrations',
      to: consolePaths.platform.arbitrations,
      label: t('nav.arbitrations'),
      icon: 'audit',
    });
    items.push({
      id: 'platform-audit',
      to: paths.platformAudit,
      label: t('nav.platformAudit'),
      icon: 'audit',
    });
  }
  if (isManager(user)) {
    items.push({ id: 'settings', to: paths.settings.root, label: t('nav.settings'), icon: 'settings' });
  }
  return items;
}

/** Buyers and hosts live on their phones: a bottom tab bar. Everyone else gets a fold-out menu. */
export function mobileNavFor(user: User): 'menu' | 'bottom-bar' {
  return homeFor(user) === 'buyer' || user.role === 'host' ? 'bottom-bar' : 'menu';
}
