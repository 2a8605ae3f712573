import type { OrderStatus } from '@jadelive/shared';

/** Every cache key of the commerce feature, so mutations invalidate exactly what they change. */
export const commerceKeys = {
  all: ['commerce'] as const,
  buyerOrders: ['commerce', 'buyer-orders'] as const,
  buyerOrderList: (status: OrderStatus | null) => ['commerce', 'buyer-orders', 'list', status] as const,
  buyerOrder: (orderId: string) => ['commerce', 'buyer-orders', 'detail', orderId] as const,
  sellerOrders: ['commerce', 'seller-orders'] as const,
  sellerOrderList: (status: OrderStatus | null) => ['commerce', 'seller-orders', 'list', status] as const,
  sellerOrder: (orderId: string) => ['commerce', 'seller-orders', 'detail', orderId] as const,
  sessionFlashSales: (sessionId: string) => ['commerce', 'flash-sales', sessionId] as const,
  flashSaleCounts: (saleId: string) => ['commerce', 'flash-sale-counts', saleId] as const,
};
