import type { storefront as source } from '../zh-CN/storefront';

export const storefront: typeof source = {
  title: 'Storefront profile',
  intro: 'Shown on your public shop page.',
  readOnly: 'Only owners and admins can change the storefront profile.',
  creditCode: 'Unified social credit code',
  creditCodeHint: '18 characters including the check character; checked in your browser first.',
  invalidCreditCode: 'Not a valid unified social credit code (check character does not match)',
  legalName: 'Legal entity',
  categories: 'Main categories',
  contactName: 'Contact person',
  contactPhone: 'Contact phone',
  description: 'About the shop',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved',
  viewShop: 'Open the public shop page',
};
