import type { notices as source } from '../zh-CN/notices';

export const notices: typeof source = {
  title: 'Regulatory documents',
  intro:
    'Rectification notices, penalty notices and decisions the market regulator sent your shop. Read them and answer in time.',
  operatorTitle: 'Documents to your sellers',
  operatorIntro:
    'Documents regulators sent to sellers admitted to your bases, so you can follow up on corrections (read only).',
  empty: 'No regulatory documents.',
  kinds: {
    rectification: 'Rectification notice',
    penalty_notice: 'Penalty notice',
    decision: 'Penalty decision',
  },
  statuses: {
    issued: 'Awaiting answer',
    responded: 'Answered, under review',
    accepted: 'Correction accepted',
    rejected: 'Sent back',
  },
  columns: {
    number: 'Number',
    kind: 'Document',
    party: 'Party',
    issuer: 'Issued by',
    issuedAt: 'Issued',
    dueOn: 'Correct by',
    status: 'Status',
    read: 'Read receipt',
  },
  unread: 'Unread',
  readReceipt: 'Read by {{name}} on {{time}}',
  dueLeft: 'by {{dueOn}} ({{days}} days left)',
  dueToday: '{{dueOn}} (due today)',
  duePassed: '{{dueOn}} (overdue)',
  back: 'Back to documents',
  open: 'Open',
  respond: {
    heading: 'Answer',
    rectificationIntro: 'Say what was corrected; you can link the changed listing and attach photos.',
    defenceIntro:
      'You may state your case within five working days of receiving the notice and, where the law allows, ask for a hearing.',
    statement: 'Your answer',
    listing: 'Changed listing (optional)',
    noListing: 'No listing',
    photos: 'Photos',
    hearing: 'Ask for a hearing',
    submit: 'Send answer',
    submitting: 'Sending…',
    sent: 'Answer sent; an officer will review it.',
    closed: 'This document takes no answer now.',
  },
  responses: {
    heading: 'Answers',
    by: '{{name}} · {{time}}',
    listing: 'Linked listing: {{title}}',
    hearing: 'Asked for a hearing',
    review: 'Review remarks: {{reason}}',
  },
  print: {
    button: 'Print',
    party: 'To {{name}}:',
    rectification: {
      facts: 'It was found that you {{facts}}.',
      basis:
        'This violates {{violated}}. Under {{orderBasis}}, you are ordered to correct it by {{dueDate}}.',
      items: 'What to correct:',
      remedies:
        'If you disagree with this notice, you may apply to {{government}} for administrative review within sixty days of receiving it, or sue in {{court}} within six months.',
    },
    penalty_notice: {
      facts: 'It was found that you {{facts}}.',
      basis:
        'This violates {{violated}}. Under {{orderBasis}}, this office intends to impose the following penalty:',
      remedies:
        'Under Articles 44, 45, 63 and 64 of the Administrative Penalty Law, you may state your case within five working days of receiving this notice and, where the conditions are met, ask for a hearing. Not doing so in time waives these rights.',
    },
    decision: {
      facts: 'It was found that you {{facts}}.',
      basis: 'This violates {{violated}}. Under {{orderBasis}}, this office decides:',
      remedies:
        'If you disagree with this decision, you may apply to {{government}} for administrative review within sixty days of receiving it, or sue in {{court}} within six months.',
    },
    fine: 'A fine of {{amount}}.',
    seal: '(seal)',
    defaultOrderBasis: 'Administrative Penalty Law of the PRC, Article 28',
  },
};
