import { z } from 'zod';

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.url().optional())
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) =>
    value === undefined || value === '' ? undefined : value === 'true' || value === '1',
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: optionalUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_DIR: z.string().default('.data/postgres'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).optional(),
  SEED_DEMO: booleanFlag,
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  COOKIE_SECURE: booleanFlag,
  TRUST_PROXY: booleanFlag,
  WEB_DIST_DIR: z.string().optional(),
  UPLOAD_DIR: z.string().default('.data/uploads'),
  LIVEKIT_URL: optionalUrl,
  LIVEKIT_API_KEY: z.string().optional(),
  LIVEKIT_API_SECRET: z.string().optional(),
  /** Run a local LiveKit server (found or built) when no LIVEKIT_URL is set. */
  LIVEKIT_DEV: booleanFlag,
  LIVEKIT_SERVER_BIN: z.string().optional(),
  PAYMENT_TIMEOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  FLASH_SALE_PAYMENT_TIMEOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(5),
  /** A shipped order the buyer has not confirmed is confirmed as received after this many days. */
  RECEIPT_AUTO_CONFIRM_DAYS: z.coerce.number().int().min(1).max(90).default(10),
  /** A state-changing route that answers 2xx without writing an audit entry: fail (500), warn (log) or off. */
  AUDIT_ENFORCE: z.enum(['fail', 'warn', 'off']).default('warn'),
  /** Signs the sandbox payment provider's notifications; the default is for development only. */
  PAYMENT_SANDBOX_SECRET: z.string().min(16).default('jadelive-sandbox-development-secret'),
  /**
   * Ed25519 key signing the audit log's checkpoints: PKCS#8 PEM, or base64 of the 32-byte seed.
   * Without it a key is generated once into AUDIT_SIGNING_KEY_FILE (development; warned about).
   */
  AUDIT_SIGNING_KEY: z.string().optional(),
  /** Default: `audit/signing-key.pem` beside EMBEDDED_PG_DIR (`.data/audit/signing-key.pem`). */
  AUDIT_SIGNING_KEY_FILE: z.string().optional(),
  /** Where signed checkpoints are copied as files; default `audit/checkpoints` beside EMBEDDED_PG_DIR. */
  AUDIT_CHECKPOINT_DIR: z.string().optional(),
  /** A checkpoint is signed at most this often, and only when entries arrived. */
  AUDIT_CHECKPOINT_EVERY_MS: z.coerce.number().int().min(100).max(600_000).default(3_000),
  /** How often each instance's sequencer candidate looks for new audit entries. */
  AUDIT_SEQUENCE_EVERY_MS: z.coerce.number().int().min(10).max(60_000).default(200),
});

export type Env = z.infer<typeof envSchema>;

/**
 * The one place that reads `process.env`. A bad value stops the process at start with a
 * readable list of what is wrong, instead of failing later in some request.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

export function publicUrl(env: Env): string {
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

/** Demo accounts are only ever created on a database this process owns or was told to seed. */
export function shouldSeedDemo(env: Env): boolean {
  if (env.NODE_ENV === 'production' && env.DATABASE_URL !== undefined) return false;
  return env.SEED_DEMO ?? true;
}

/**
 * A local LiveKit server is started with the API unless LiveKit is configured, or this is a
 * production deployment with its own database (there, live video must be configured explicitly).
 */
export function shouldRunLivekitDev(env: Env): boolean {
  if (env.LIVEKIT_URL) return false;
  return env.LIVEKIT_DEV ?? !(env.NODE_ENV === 'production' && env.DATABASE_URL !== undefined);
}
