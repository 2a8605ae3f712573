import type { verify as source } from '../zh-CN/verify';

export const verify: typeof source = {
  title: 'Verify a certificate',
  intro: 'Enter the lab and the certificate number to compare with what the platform holds.',
  lab: 'Lab',
  labPlaceholder: 'Choose or type the lab’s name',
  number: 'Certificate number',
  submit: 'Verify',
  checking: 'Checking…',
  notFound:
    'The platform has no record of this certificate. Check the lab and the number; if in doubt, ask the lab.',
  resultHeading: 'Result',
  statuses: {
    verified: 'Verified: the platform confirms this certificate is genuine',
    unverified: 'Unverified: registered, but the lab has not confirmed it yet',
    revoked: 'Revoked: this certificate was withdrawn; do not buy on the strength of it',
  },
  revokeReason: 'Reason: {{reason}}',
  revokedAt: 'The lab revoked this certificate on {{at}}.',
  noReason: 'not given',
  onPlatform: 'Lab on the platform',
  outsideLab: 'Lab outside the platform',
  backs: 'The listing it backs',
  listingBy: 'Listed by {{seller}}',
  noListing: 'No listing is bound to this certificate at the moment.',
  photoAlt: 'Certificate photo',
};
