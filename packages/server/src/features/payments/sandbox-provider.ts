import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import {
  NotificationMalformed,
  NotificationRefused,
  type PaymentNotification,
  type PaymentProvider,
} from './provider';

export const SANDBOX_SIGNATURE_HEADER = 'x-sandbox-signature';
/** A notification older (or newer) than this is refused: a captured one cannot be replayed later. */
export const SANDBOX_TOLERANCE_SECONDS = 300;

const notificationBodySchema = z.object({
  notificationId: z.string().min(1).max(100),
  paymentId: z.uuid(),
  outcome: z.enum(['success', 'fail']),
  amountFen: z.number().int().positive(),
});

export interface SandboxProvider extends PaymentProvider {
  /** The gateway side: the body and headers the sandbox "gateway" sends to our callback. */
  signNotification(
    notification: Omit<PaymentNotification, 'notificationId'> & { notificationId?: string },
    at?: Date,
  ): { body: string; headers: Record<string, string> };
}

const sign = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/**
 * Stand-in for a payment gateway on a closed machine: payments are confirmed or failed on request
 * (`POST /api/payments/sandbox/{paymentId}/complete`, in place of the gateway's hosted page), and
 * the outcome arrives as a notification signed with HMAC-SHA256 over `timestamp.rawBody`, checked
 * exactly as a real gateway's would be.
 */
export function createSandboxProvider(secret: string, clock: () => Date = () => new Date()): SandboxProvider {
  return {
    name: 'sandbox',
    async createPayment({ paymentId }) {
      return { providerRef: `sbx_${paymentId}`, payUrl: `/api/payments/sandbox/${paymentId}/complete` };
    },
    async verifyNotification(rawBody, headers) {
      const header = headers[SANDBOX_SIGNATURE_HEADER] ?? '';
      const parts = Object.fromEntries(
        header.split(',').map((part) => {
          const at = part.indexOf('=');
          return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
        }),
      );
      const timestamp = Number(parts.t);
      const given = parts.v1 ?? '';
      if (!Number.isSafeInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) {
        throw new NotificationRefused('missing or malformed signature');
      }
      const expected = Buffer.from(sign(secret, timestamp, rawBody), 'hex');
      if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) {
        throw new NotificationRefused('signature does not match');
      }
      if (Math.abs(clock().getTime() / 1000 - timestamp) > SANDBOX_TOLERANCE_SECONDS) {
        throw new NotificationRefused('stale notification');
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        throw new NotificationMalformed('body is not JSON');
      }
      const result = notificationBodySchema.safeParse(parsed);
      if (!result.success) throw new NotificationMalformed('body is not a sandbox payment notification');
      return result.data;
    },
    async refund({ paymentId }) {
      return { refundRef: `sbx_refund_${paymentId}` };
    },
    signNotification(notification, at = clock()) {
      const body = JSON.stringify({ notificationId: randomUUID(), ...notification });
      const timestamp = Math.floor(at.getTime() / 1000);
      return {
        body,
        headers: {
          'content-type': 'application/json',
          [SANDBOX_SIGNATURE_HEADER]: `t=${timestamp},v1=${sign(secret, timestamp, body)}`,
        },
      };
    },
  };
}
