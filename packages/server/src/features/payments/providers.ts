import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { commerceConfig } from '../orders/config';
import type { PaymentProvider } from './provider';
import { createSandboxProvider, type SandboxProvider } from './sandbox-provider';

export const PAYMENT_PROVIDERS = ['sandbox'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

export function sandboxProvider(deps: Pick<AppDeps, 'config'>): SandboxProvider {
  return createSandboxProvider(commerceConfig(deps.config).paymentSandboxSecret);
}

/** The configured provider of that name; only the sandbox is shipped. */
export function paymentProvider(deps: Pick<AppDeps, 'config'>, name: string): PaymentProvider {
  if (name === 'sandbox') return sandboxProvider(deps);
  throw new ApiError('NOT_FOUND', `no payment provider ${name}`);
}
