import type { lab as source } from '../zh-CN/lab';

export const lab: typeof source = {
  title: 'Certificates',
  intro: 'Certificates this lab issued, and those sellers registered in its name awaiting confirmation.',
  issue: 'Issue a certificate',
  issueTitle: 'Issue an inspection certificate',
  issueIntro:
    'An issued certificate is verified at once: the holder can bind it to a listing and buyers can verify it.',
  holder: 'Holder (seller)',
  chooseHolder: 'Choose a seller',
  submit: 'Issue',
  submitting: 'Issuing…',
  issued: 'Certificate {{number}} is issued.',
  allStatuses: 'All statuses',
  queue: 'To confirm',
  queueHint: 'Registered by sellers: compare with this lab’s records, confirm, or revoke with a reason.',
  empty: 'No certificates match.',
  confirm: 'Confirm',
  confirming: 'Confirming…',
  revoke: 'Revoke',
  revokeReason: 'Reason',
  revokePlaceholder: 'e.g. the number does not match our records',
  revokeSubmit: 'Revoke certificate',
  cancel: 'Cancel',
  registeredBy: 'Registered by the seller',
  issuedHere: 'Issued here',
  certificatesHeading: 'Certificates',
};
