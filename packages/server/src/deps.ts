import type { Logger } from 'pino';
import type { Database } from './db/database';
import type { Env } from './env';
import { publicUrl } from './env';
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
}

/** Everything a request handler may reach, handed to `createApp` so tests can build their own. */
export interface AppDeps {
  db: Database;
  config: AppConfig;
  logger: Logger;
  mailer: Mailer;
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
  };
}
