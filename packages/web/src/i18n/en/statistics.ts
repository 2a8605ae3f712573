import type { statistics as zhStatistics } from '../zh-CN/statistics';

export const statistics: typeof zhStatistics = {
  session: {
    title: 'Sales',
    intro:
      "What was sold in this session's room, to whom, and its compliance record. Only the shop, the base where it streamed, the district's regulator and the platform see this.",
    figures: {
      gmvFen: 'GMV',
      orders: 'Orders',
      buyers: 'Buyers',
      firstTimeBuyers: 'First-time buyers',
      averageOrderValueFen: 'Average order value',
      refundedFen: 'Refunded',
      views: 'Views',
      gpmFen: 'GMV per 1,000 views (GPM)',
      giveawayEntries: 'Giveaway entries',
      flagsAgainstSeller: 'Compliance flags',
    },
    refundedOrders: '{{count}} refunded or returned',
    flagsTotal: '{{count}} including viewers',
    unknown: '—',
    statuses: {
      live: 'Live',
      pending: 'Pending',
      final: 'Final',
    },
    comparison: {
      title: "Compared with the shop's recent sessions",
      figure: 'Figure',
      thisSession: 'This session',
      median: 'Median of last {{count}}',
      none: 'The shop has no earlier ended session to compare with yet.',
      gmvFen: 'GMV',
      orders: 'Orders',
      uniqueViewers: 'Unique viewers',
    },
    flags: {
      title: 'Compliance flags in detail',
      byCategory: 'By category',
      bySpeaker: 'By speaker',
      category: 'Category',
      speaker: 'Speaker',
      count: 'Flags',
      againstSeller: 'Against the shop',
      counted: 'Counts',
      notCounted: "Does not count (a viewer's words)",
      none: 'No compliance flags in this session.',
    },
    notes:
      'GMV = paid − refunded (orders paid after the end included, refunds and 7-day returns taken off). "Pending" means an order may still be paid, refunded or returned; once every order is completed, refunded or cancelled the figures are "Final".',
  },
};
