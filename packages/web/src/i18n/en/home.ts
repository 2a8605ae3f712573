import type { home as source } from '../zh-CN/home';

export const home: typeof source = {
  greeting: 'Hello, {{name}}',
  readyHeading: 'Available now',
  titles: {
    platform: 'Platform operations',
    operator: 'Livestream base console',
    seller: 'Seller console',
    host: 'Host console',
    lab: 'Inspection lab console',
    regulator: 'Market regulation console',
    buyer: 'My Jadelive',
  },
  intros: {
    platform: 'Manage the organisations on the platform and review everything that happened.',
    operator: 'Serve the sellers and studios of your base and watch their live sessions.',
    seller: 'Manage your listings, certificates, live rooms and orders here.',
    host: 'Check tonight’s listings and certificates before going live; watch compliance hints while on air.',
    lab: 'Issue inspection certificates and inspect goods sold online on the spot.',
    regulator: 'Patrol jewelry and jade livestreams and follow up leads.',
    buyer: 'Watch live, buy genuine: every item’s certificate can be verified on the platform.',
  },
  cards: {
    caseLeads: {
      title: 'Leads',
      description: 'Compliance flags, complaints and your own observations: select and open a case.',
    },
    cases: {
      title: 'Cases',
      description:
        'Filing approval, rectification, penalty notice, decision and publication, with statutory deadlines.',
    },
    notices: {
      title: 'Regulatory documents',
      description: 'Rectification notices and other documents from the market regulator: read and answer.',
    },
    baseNotices: {
      title: 'Sellers’ documents',
      description: 'Rectification notices your admitted sellers received, to follow up on corrections.',
    },
    storefront: {
      title: 'Storefront profile',
      description: 'Legal entity, credit code and shop description.',
    },
    notifications: {
      title: 'Notifications',
      description: 'Revoked certificates, suspended listings and other notices.',
    },
    baseMembership: {
      title: 'Bases & studio bookings',
      description: 'Apply to livestream bases and book studio time.',
    },
    labInspections: {
      title: 'Inspection requests',
      description: 'Buyers’ requests to inspect a piece against its certificate before it ships.',
    },
    labCertificates: {
      title: 'Certificates & confirmations',
      description: 'This lab’s certificates and registrations to confirm.',
    },
    pendingCertificates: {
      title: 'Certificates to check',
      description: 'Registrations naming outside labs: confirm or revoke.',
    },
    catalog: { title: 'Shop', description: 'Find jewelry and jade by category, price and certificate.' },
    members: {
      title: 'Members & roles',
      description: 'See who is in the organisation and change their roles.',
    },
    invitations: { title: 'Invite members', description: 'Create an invite link for a colleague.' },
    tokens: { title: 'API tokens', description: 'Issue tokens with limited permissions for integrations.' },
    audit: { title: 'Audit trail', description: 'Who did what, and when.' },
    organizations: {
      title: 'Organisations',
      description: 'Every organisation on the platform and its members.',
    },
    platformAudit: {
      title: 'Platform audit',
      description: 'Sign-ins, invitations and tokens across the platform.',
    },
    bases: {
      title: 'Bases & studios',
      description: 'Register livestream bases, studios and resident sellers.',
    },
    listings: {
      title: 'Listings',
      description: 'List jadeite, nephrite and gold items with their certificates.',
    },
    certificates: {
      title: 'Certificates',
      description: 'Record NGTC-style certificates buyers can verify here.',
    },
    liveRooms: {
      title: 'Live rooms',
      description: 'Schedule streams; set product cards, flash sales and auctions.',
    },
    liveStudio: { title: 'Go live', description: 'Stream, switch product cards and read live comments.' },
    showListings: {
      title: 'Tonight’s items',
      description: 'Items in this show and the key facts of their certificates.',
    },
    complianceFlags: {
      title: 'Compliance flags',
      description: 'Live hints when claims clash with advertising law.',
    },
    orders: { title: 'Orders', description: 'Orders, after-sales and shipping.' },
    issueCertificates: {
      title: 'Issue certificates',
      description: 'Issue inspection certificates verifiable on the platform.',
    },
    inspections: { title: 'Live inspections', description: 'Spot-check streams on air.' },
    monitorWall: { title: 'Monitor wall', description: 'Every live session in your bases on one screen.' },
    watchLive: { title: 'Live now', description: 'Watch the sellers you follow when they go live.' },
    myOrders: { title: 'My orders', description: 'Purchases, shipping and after-sales.' },
    verifyCertificate: {
      title: 'Verify a certificate',
      description: 'Enter a certificate number to check the result.',
    },
  },
};
