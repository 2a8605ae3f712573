import type { nav as source } from '../zh-CN/nav';

export const nav: typeof source = {
  main: 'Main navigation',
  home: 'Dashboard',
  buyerHome: 'Home',
  liveStudio: 'Live studio',
  settings: 'Organisation',
  myOrders: 'My orders',
  myComplaints: 'My complaints',
  sellerComplaints: 'Complaints',
  complaintLeads: 'Complaint leads',
  addresses: 'Addresses',
  sellerOrders: 'Orders',
  platformAudit: 'Platform audit',
  arbitrations: 'Return arbitration',
  openMenu: 'Open menu',
  closeMenu: 'Close menu',
  signOut: 'Sign out',
  signingOut: 'Signing out…',
};
