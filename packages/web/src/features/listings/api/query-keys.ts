/** Every seller-listing query starts with 'listings', so a change can invalidate them all. */
export const listingKeys = {
  all: ['listings'] as const,
  mine: ['listings', 'mine'] as const,
  one: (listingId: string) => ['listings', 'one', listingId] as const,
  certificates: ['listings', 'certificates'] as const,
};
