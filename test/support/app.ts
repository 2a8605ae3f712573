import { createApp } from '@jadelive/server';
import type { Database } from '@jadelive/server/db/database';
import type { AppConfig } from '@jadelive/server/deps';
import { createComplianceChatHook } from '@jadelive/server/features/compliance/chat-hook';
import type { FlagFeed } from '@jadelive/server/features/compliance/feed';
import type { LiveKitGateway } from '@jadelive/server/features/live/livekit-gateway';
import type { ChatHook } from '@jadelive/server/features/live/message-hook';
import type { CertificateLookup } from '@jadelive/server/lib/certificate-lookup';
import { createDiskImageStorage } from '@jadelive/server/lib/image-storage';
import type { Mailer, OutgoingMail } from '@jadelive/server/lib/mailer';
import pino from 'pino';

export type TestApp = ReturnType<typeof createApp>;

export interface TestAppHandle {
  app: TestApp;
  /** Mail the app handed to its mailer, newest last. */
  outbox: OutgoingMail[];
}

export function createTestApp(
  db: Database,
  config: Partial<AppConfig> = {},
  extra: {
    certificateLookups?: CertificateLookup[];
    livekit?: LiveKitGateway | null;
    chatHook?: ChatHook;
    flagFeed?: FlagFeed | null;
  } = {},
): TestAppHandle {
  const outbox: OutgoingMail[] = [];
  const mailer: Mailer = { send: async (mail) => void outbox.push(mail) };
  const app = createApp({
    db,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    mailer,
    images: createDiskImageStorage(config.uploadDir ?? '/tmp/jadelive-test-uploads'),
    certificateLookups: extra.certificateLookups ?? [],
    livekit: extra.livekit ?? null,
    // Production wiring unless a test says otherwise: chat passes the claim-compliance engine.
    chatHook: extra.chatHook ?? createComplianceChatHook(db),
    flagFeed: extra.flagFeed ?? null,
    config: {
      publicUrl: 'http://localhost:3000',
      sessionTtlHours: 24,
      cookieSecure: false,
      trustProxy: true,
      uploadDir: '/tmp/jadelive-test-uploads',
      // A state-changing route that succeeds without an audit entry fails the test that called it.
      auditEnforcement: 'fail',
      ...config,
    },
  });
  return { app, outbox };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export interface CallOptions {
  session?: Session;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** Leave the CSRF header off even with a session. */
  omitCsrf?: boolean;
  bearer?: string;
  ip?: string;
}

/** One in-process request with the details tests keep repeating: cookie, CSRF, JSON body. */
export async function call(app: TestApp, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.session) {
    headers.cookie = options.session.cookie;
    if (!options.omitCsrf) headers['x-csrf-token'] = options.session.csrfToken;
  }
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (options.ip) headers['x-forwarded-for'] = options.ip;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await app.request(path, { method, headers, body });
  const text = await response.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json, headers: response.headers, text };
}

export async function login(app: TestApp, email: string, password: string, ip?: string): Promise<Session> {
  const response = await call(app, 'POST', '/api/auth/login', { body: { email, password }, ip });
  if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${response.text}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrfToken: response.json.csrfToken, userId: response.json.user.id };
}

export function expectErrorShape(json: any, code: string) {
  if (
    !json?.error ||
    json.error.code !== code ||
    typeof json.error.message !== 'string' ||
    !json.error.requestId
  ) {
    throw new Error(`expected error ${code}, got ${JSON.stringify(json)}`);
  }
}
