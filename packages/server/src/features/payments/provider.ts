/**
 * A payment gateway, in our own terms. The shipped implementation is the sandbox
 * (`sandbox-provider.ts`); a real gateway (WeChat Pay, Alipay …) implements the same three calls.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Registers a payment with the gateway; the buyer pays at `payUrl`. */
  createPayment(request: { paymentId: string; orderId: string; amountFen: number }): Promise<{
    providerRef: string;
    payUrl: string;
  }>;
  /**
   * Checks a notification the gateway sent to our callback (signature over the exact bytes,
   * freshness) and parses it. Throws `NotificationRefused` for anything not provably the gateway's
   * and `NotificationMalformed` for a genuine one we cannot read.
   */
  verifyNotification(
    rawBody: string,
    headers: Record<string, string | undefined>,
  ): Promise<PaymentNotification>;
  /** Gives the money of a succeeded payment back; idempotent per payment on the gateway's side. */
  refund(request: { paymentId: string; providerRef: string | null; amountFen: number }): Promise<{
    refundRef: string;
  }>;
}

export interface PaymentNotification {
  /** The gateway's own id for this notification: a repeated delivery carries the same id. */
  notificationId: string;
  paymentId: string;
  outcome: 'success' | 'fail';
  amountFen: number;
}

export class NotificationRefused extends Error {}
export class NotificationMalformed extends Error {}
