import type { Database } from '../../db/database';

const paymentColumns = [
  'payments.id',
  'payments.orderId',
  'payments.provider',
  'payments.status',
  'payments.amountFen',
  'payments.providerRef',
  'payments.payUrl',
  'payments.createdAt',
  'payments.completedAt',
  'payments.refundedAt',
] as const;

export async function listOrderPayments(db: Database, orderId: string) {
  return db
    .selectFrom('payments')
    .select(paymentColumns)
    .where('orderId', '=', orderId)
    .orderBy('createdAt')
    .execute();
}

/** A payment of one of the buyer's own orders; anyone else's is not found. */
export async function findBuyerPayment(db: Database, buyerUserId: string, paymentId: string) {
  return db
    .selectFrom('payments')
    .innerJoin('orders', 'orders.id', 'payments.orderId')
    .select(paymentColumns)
    .where('payments.id', '=', paymentId)
    .where('orders.buyerUserId', '=', buyerUserId)
    .executeTakeFirst();
}

/** The payment (locked) and the seller its order belongs to. */
export async function lockPayment(db: Database, paymentId: string, provider: string) {
  return db
    .selectFrom('payments')
    .select(paymentColumns)
    .select((eb) =>
      eb
        .selectFrom('orders')
        .select('orders.sellerOrgId')
        .whereRef('orders.id', '=', 'payments.orderId')
        .as('sellerOrgId'),
    )
    .where('id', '=', paymentId)
    .where('provider', '=', provider)
    .forUpdate()
    .executeTakeFirst();
}

export async function findPendingPayment(db: Database, orderId: string) {
  return db
    .selectFrom('payments')
    .select(paymentColumns)
    .where('orderId', '=', orderId)
    .where('status', '=', 'pending')
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
}

export async function lockSucceededPayment(db: Database, orderId: string) {
  return db
    .selectFrom('payments')
    .select(paymentColumns)
    .where('orderId', '=', orderId)
    .where('status', '=', 'succeeded')
    .forUpdate()
    .executeTakeFirst();
}
