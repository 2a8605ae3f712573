import type { notifications as source } from '../zh-CN/notifications';

export const notifications: typeof source = {
  title: 'Notifications',
  intro: 'Revoked certificates, suspended listings and other notices about your shop.',
  empty: 'No notifications.',
  unread: 'Unread',
  markRead: 'Mark read',
  decisionNote: '. Reason: {{note}}',
  statuses: {
    admitted: 'admitted',
    rejected: 'rejected',
    suspended: 'suspended',
    removed: 'removed',
    approved: 'approved',
    cancelled: 'cancelled',
    accepted: 'accepted',
  },
  kinds: {
    complaint_filed:
      'A buyer complained about 「{{title}}」 ({{categoryText}}). Answer under Complaints by {{answerByText}}.',
    complaint_settled: 'The buyer accepted your answer to the complaint about 「{{title}}」: settled.',
    complaint_escalated: 'The buyer sent the complaint about 「{{title}}」 to {{regulatorName}}.',
    complaint_accepted: '{{regulatorName}} accepted the buyer’s complaint about 「{{title}}」.',
    complaint_rejected: '{{regulatorName}} did not accept the buyer’s complaint about 「{{title}}」.',
    base_membership_decided:
      'Livestream base “{{baseName}}” decided on your membership: {{statusText}}{{noteText}}.',
    studio_booking_decided:
      'Livestream base “{{baseName}}”, {{studioName}}, booking at {{startsAtText}}: {{statusText}}{{noteText}}.',
    listing_suspended:
      'Listing “{{title}}” was taken off sale: its inspection certificate was revoked ({{reason}}).',
    listing_suspended_inspection:
      'Listing “{{title}}” was taken off sale: the on-site inspection found {{identification}}, not what certificate {{certificateNumber}} says ({{certificateIdentification}}).',
    inspection_requested:
      'A buyer asked for “{{title}}” to be inspected against certificate {{certificateNumber}} ({{identification}}); it cannot ship before the result.',
    inspection_matched: '“{{title}}” passed its on-site inspection ({{identification}}) and may ship.',
    inspection_mismatched:
      '“{{title}}” failed its on-site inspection ({{identification}} against {{certificateIdentification}}): the order was cancelled and refunded, the listing suspended and the regulator informed.',
    case_document:
      '{{regulator}} sent your shop regulatory document {{number}}: read and answer it under Regulatory documents.',
    case_document_review: 'Your correction for {{number}}: {{statusText}}{{noteText}}.',
  },
};
