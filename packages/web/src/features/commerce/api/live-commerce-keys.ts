/** Cache keys of auctions, giveaways and inspections (beside `commerceKeys`, same `commerce` root). */
export const liveCommerceKeys = {
  sessionAuctions: (sessionId: string) => ['commerce', 'auctions', 'session', sessionId] as const,
  auctionDetails: ['commerce', 'auctions', 'detail'] as const,
  auction: (auctionId: string) => ['commerce', 'auctions', 'detail', auctionId] as const,
  sessionGiveaways: (sessionId: string) => ['commerce', 'giveaways', 'session', sessionId] as const,
  giveawayAudit: (giveawayId: string) => ['commerce', 'giveaways', 'audit', giveawayId] as const,
  giveawayWinners: (giveawayId: string) => ['commerce', 'giveaways', 'winners', giveawayId] as const,
  buyerInspection: (orderId: string) => ['commerce', 'inspections', 'buyer', orderId] as const,
  sellerInspection: (orderId: string) => ['commerce', 'inspections', 'seller', orderId] as const,
};
