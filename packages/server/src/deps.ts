import type { Logger } from 'pino';
import type { Database } from './db/database';
import type { Env } from './env';
import { publicUrl } from './env';
import type { FlagFeed } from './features/compliance/feed';
import type { LiveKitGateway } from './features/live/livekit-gateway';
import type { ChatHook } from './features/live/message-hook';
import type { CommerceConfig } from './features/orders/config';
import type { AuditEnforcement } from './http/audit-check';
import type { CertificateLookup } from './lib/certificate-lookup';
import type { ImageStorage } from './lib/image-storage';
import type { Mailer } from './lib/mailer';

export interface AppConfig {
  publicUrl: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  /** Trust `X-Forwarded-For` for the client address (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Built console to serve on the same port, if any. */
  webDistDir?: string;
  uploadDir: string;
  /** Payment timeouts, receipt auto-confirmation and the sandbox secret; defaults in `features/orders/config.ts`. */
  commerce?: Partial<CommerceConfig>;
  /** A state-changing route that succeeds without an audit entry: 500 (tests), a warning (default) or nothing. */
  auditEnforcement?: AuditEnforcement;
}

/** Everything a request handler may reach, handed to `createApp` so tests can build their own. */
export interface AppDeps {
  db: Database;
  config: AppConfig;
  logger: Logger;
  mailer: Mailer;
  images: ImageStorage;
  /** Adapters to outside labs' query services; empty when none is configured. */
  certificateLookups: CertificateLookup[];
  /**
   * LiveKit for live video; null while streaming is unavailable (none configured, or the local
   * development server is still being built). It may be set after start, so read it per request.
   */
  livekit: LiveKitGateway | null;
  /** Checks every chat message before delivery (the claim-compliance engine in production). */
  chatHook: ChatHook;
  /** New compliance flags from any instance, for live feeds; null when not wired (no live feed). */
  flagFeed: FlagFeed | null;
}

export function appConfigFromEnv(env: Env): AppConfig {
  const url = publicUrl(env);
  return {
    publicUrl: url,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    cookieSecure: env.COOKIE_SECURE ?? url.startsWith('https:'),
    trustProxy: env.TRUST_PROXY ?? false,
    webDistDir: env.WEB_DIST_DIR,
    uploadDir: env.UPLOAD_DIR,
    auditEnforcement: env.AUDIT_ENFORCE,
    commerce: {
      paymentTimeoutMinutes: env.PAYMENT_TIMEOUT_MINUTES,
      flashSalePaymentTimeoutMinutes: env.FLASH_SALE_PAYMENT_TIMEOUT_MINUTES,
      paymentSandboxSecret: env.PAYMENT_SANDBOX_SECRET,
      receiptAutoConfirmDays: env.RECEIPT_AUTO_CONFIRM_DAYS,
    },
  };
}
