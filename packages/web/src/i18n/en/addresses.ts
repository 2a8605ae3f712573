import type { addresses as zhCN } from '../zh-CN/addresses';

export const addresses: typeof zhCN = {
  title: 'Shipping addresses',
  intro:
    'Choose a shipping address here when you order or pay; a paid order keeps the address it was given, whatever you change later.',
  add: 'Add an address',
  edit: 'Edit',
  delete: 'Delete',
  confirmDelete: 'Delete this address?',
  makeDefault: 'Make default',
  default: 'Default',
  empty: 'No shipping address yet.',
  save: 'Save address',
  cancel: 'Cancel',
  choose: 'Choose',
  form: {
    recipientName: 'Recipient',
    mobile: 'Mobile number',
    mobileHint: 'A mainland China mobile number, 11 digits, e.g. 13812345678',
    province: 'Province',
    city: 'City',
    district: 'District',
    noDistricts: 'This city has no districts',
    detail: 'Street address',
    detailHint: 'Street, number, building and room',
    isDefault: 'Make this my default address',
  },
  picker: {
    title: 'Shipping address',
    needed: 'Choose a shipping address before paying.',
    deliverHere: 'Deliver here',
    change: 'Change address',
    useNew: 'Use a new address',
    manage: 'Manage addresses',
    locked: 'Once the order is paid, its address no longer changes.',
  },
  view: {
    masked:
      "To protect the buyer's personal information, hosts see only part of the address (PIPL: minimum necessary).",
  },
};
