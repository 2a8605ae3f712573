import type { Migration } from 'kysely/migration';
import * as foundation from './2026-11-30T01-foundation';
import * as catalog from './2026-11-30T02-catalog';
import * as live from './2026-11-30T03-live';
import * as compliance from './2026-11-30T04-compliance';
import * as commerce from './2026-11-30T06-commerce';
import * as notificationDetails from './2026-11-30T07-notification-details';
import * as auctions from './2026-11-30T08-auctions';
import * as inspectionsGiveaways from './2026-11-30T09-inspections-giveaways';
import * as flashGrabOrders from './2026-11-30T10-flash-grab-orders';
import * as giveawayBroadcasts from './2026-11-30T11-giveaway-broadcasts';
import * as listingStatusReason from './2026-11-30T12-listing-status-reason';
import * as orderRefundReason from './2026-11-30T13-order-refund-reason';
import * as auctionMaxBids from './2026-11-30T14-auction-max-bids';
import * as orderEventCauses from './2026-11-30T15-order-event-causes';
import * as certificateNumbersHeld from './2026-12-06T05-47-certificate-numbers-held';
import * as signupRequests from './2026-12-06T05-53-signup-requests';
import * as listingHolds from './2026-12-06T15-41-listing-holds';
import * as draftsShareCertificates from './2026-12-06T17-23-drafts-share-certificates';
import * as bookingDecisionNote from './2026-12-06T18-30-booking-decision-note';
import * as buyerAddresses from './2026-12-06T19-14-buyer-addresses';
import * as followsReminders from './2026-12-06T21-07-follows-reminders';
import * as orderReturns from './2026-12-06T22-30-order-returns';
import * as flashGrabHoldTransfer from './2026-12-06T23-40-flash-grab-hold-transfer';
import * as auditMerkleLog from './2026-12-07T01-00-audit-merkle-log';
import * as flagSpeakers from './2026-12-07T03-10-flag-speakers';
import * as complaints from './2026-12-07T03-20-complaints';
import * as cases from './2026-12-07T04-00-cases';
import * as catalogEntries from './2026-12-07T05-20-catalog-entries';
import * as evidencePackages from './2026-12-07T06-00-evidence-packages';
import * as sessionOrdersIndex from './2026-12-07T09-00-session-orders-index';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-30T01-foundation': foundation,
  '2026-11-30T02-catalog': catalog,
  '2026-11-30T03-live': live,
  '2026-11-30T04-compliance': compliance,
  '2026-11-30T06-commerce': commerce,
  '2026-11-30T07-notification-details': notificationDetails,
  '2026-11-30T08-auctions': auctions,
  '2026-11-30T09-inspections-giveaways': inspectionsGiveaways,
  '2026-11-30T10-flash-grab-orders': flashGrabOrders,
  '2026-11-30T11-giveaway-broadcasts': giveawayBroadcasts,
  '2026-11-30T12-listing-status-reason': listingStatusReason,
  '2026-11-30T13-order-refund-reason': orderRefundReason,
  '2026-11-30T14-auction-max-bids': auctionMaxBids,
  '2026-11-30T15-order-event-causes': orderEventCauses,
  '2026-12-06T17-23-drafts-share-certificates': draftsShareCertificates,
  '2026-12-06T18-30-booking-decision-note': bookingDecisionNote,
  '2026-12-06T05-47-certificate-numbers-held': certificateNumbersHeld,
  '2026-12-06T05-53-signup-requests': signupRequests,
  '2026-12-06T15-41-listing-holds': listingHolds,
  '2026-12-06T19-14-buyer-addresses': buyerAddresses,
  '2026-12-06T21-07-follows-reminders': followsReminders,
  '2026-12-06T22-30-order-returns': orderReturns,
  '2026-12-06T23-40-flash-grab-hold-transfer': flashGrabHoldTransfer,
  '2026-12-07T01-00-audit-merkle-log': auditMerkleLog,
  '2026-12-07T03-10-flag-speakers': flagSpeakers,
  '2026-12-07T03-20-complaints': complaints,
  '2026-12-07T04-00-cases': cases,
  '2026-12-07T05-20-catalog-entries': catalogEntries,
  '2026-12-07T06-00-evidence-packages': evidencePackages,
  '2026-12-07T09-00-session-orders-index': sessionOrdersIndex,
};
