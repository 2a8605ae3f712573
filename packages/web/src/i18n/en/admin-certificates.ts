import type { adminCertificates as source } from '../zh-CN/admin-certificates';

export const adminCertificates: typeof source = {
  title: 'Certificates to check',
  intro:
    'Registrations naming labs outside the platform. Check with the lab, then confirm, or revoke with a reason.',
  empty: 'Nothing waiting.',
  confirm: 'Confirm',
  revoke: 'Revoke',
  reason: 'Reason',
  reasonPlaceholder: 'e.g. the lab has no such certificate',
  submitRevoke: 'Revoke certificate',
  cancel: 'Cancel',
};
