import {
  type MemberRole,
  maskMobile,
  maskName,
  type OrderShippingAddress,
  shippingAddressSchema,
} from '@jadelive/shared';

/** Who reads an order: its buyer, or a member of the selling shop with their role. */
export type OrderViewer = { kind: 'buyer' } | { kind: 'shop'; role: MemberRole | null };
export const BUYER_VIEW: OrderViewer = { kind: 'buyer' };

/**
 * The order's address as this viewer may see it. The buyer sees their own; the shop sees nothing
 * before payment (it has nothing to ship yet); owners, admins and staff see all of it; a host sees
 * only what tells parcels apart (个人信息保护法: minimum necessary).
 */
export function shippingAddressFor(
  order: { shippingAddress: unknown; paidAt: Date | null },
  viewer: OrderViewer,
): OrderShippingAddress | null {
  if (order.shippingAddress === null) return null;
  const address = shippingAddressSchema.parse(order.shippingAddress);
  if (viewer.kind === 'buyer') return { ...address, masked: false };
  if (order.paidAt === null) return null;
  if (viewer.role !== null && viewer.role !== 'host') return { ...address, masked: false };
  return {
    ...address,
    recipientName: maskName(address.recipientName),
    mobile: maskMobile(address.mobile),
    detail: null,
    masked: true,
  };
}
