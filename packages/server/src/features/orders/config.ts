import type { AppConfig } from '../../deps';

export interface CommerceConfig {
  /** Minutes an ordinary order may stay unpaid before its stock is released. */
  paymentTimeoutMinutes: number;
  /** The same for flash-sale orders: shorter, so unpaid grabs go back on sale quickly. */
  flashSalePaymentTimeoutMinutes: number;
  /** HMAC-SHA256 key of the sandbox payment provider's notifications. */
  paymentSandboxSecret: string;
  /** Days after shipping when the system confirms receipt the buyer never confirmed. */
  receiptAutoConfirmDays: number;
}

export const DEFAULT_COMMERCE_CONFIG: CommerceConfig = {
  paymentTimeoutMinutes: 15,
  flashSalePaymentTimeoutMinutes: 5,
  paymentSandboxSecret: 'jadelive-sandbox-development-secret',
  receiptAutoConfirmDays: 10,
};

export function commerceConfig(config: AppConfig): CommerceConfig {
  return { ...DEFAULT_COMMERCE_CONFIG, ...config.commerce };
}
