// The one place that reads process.env: every setting is parsed and validated here, with
// defaults for the embedded (no-server) mode.
import { z } from "zod";
import path from "node:path";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional,
  DATA_DIR: optional,
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: optional,
  APP_URL: optional,
  UPLOAD_DIR: optional,
  STRIPE_SECRET_KEY: optional,
  STRIPE_WEBHOOK_SECRET: optional,
  /** Tests only: where the Stripe SDK sends requests (a local stand-in), e.g. http://127.0.0.1:12111. */
  STRIPE_API_URL: optional,
  SMTP_HOST: optional,
  SMTP_PORT: z.coerce.number().int().positive().default(587),
  SMTP_USER: optional,
  SMTP_PASSWORD: optional,
  SMTP_SECURE: z.enum(["true", "false"]).default("false"),
  MAIL_FROM: z.string().default("Substation <no-reply@substation.test>"),
  ENABLE_DEV_TOOLS: z.enum(["0", "1"]).default("0"),
  PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(5000).default(800),
  JOBS: z.enum(["on", "off"]).default("on"),
  ADMIN_MFA: z.enum(["off", "required"]).default("off"),
  MESSAGE_MAIL_DELAY_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}
const raw = parsed.data;
const isProduction = raw.NODE_ENV === "production";

// A development secret is derived so that the embedded mode works with no set-up; a
// production build that is actually serving must be given its own (checked in lib/auth).
const DEV_AUTH_SECRET = "substation-development-secret-do-not-use-in-production";

export const env = {
  /** Inside Next's server (NEXT_RUNTIME is set by Next): only there are search answers cached (lib/search-cache.ts). */
  inNextServer: Boolean(process.env.NEXT_RUNTIME),
  nodeEnv: raw.NODE_ENV,
  isProduction,
  databaseUrl: raw.DATABASE_URL,
  /** Folder of the embedded PostgreSQL (PGlite), used when DATABASE_URL is unset. */
  dbPoolSize: raw.DB_POOL_SIZE,
  dataDir: path.resolve(/*turbopackIgnore: true*/ raw.DATA_DIR ?? ".data/pglite"),
  authSecret: raw.AUTH_SECRET ?? (isProduction ? undefined : DEV_AUTH_SECRET),
  appUrl: raw.APP_URL,
  uploadDir: path.resolve(/*turbopackIgnore: true*/ raw.UPLOAD_DIR ?? ".data/uploads"),
  stripe:
    raw.STRIPE_SECRET_KEY && raw.STRIPE_WEBHOOK_SECRET
      ? { secretKey: raw.STRIPE_SECRET_KEY, webhookSecret: raw.STRIPE_WEBHOOK_SECRET, apiUrl: raw.STRIPE_API_URL }
      : undefined,
  smtp: raw.SMTP_HOST
    ? {
        host: raw.SMTP_HOST,
        port: raw.SMTP_PORT,
        secure: raw.SMTP_SECURE === "true",
        auth: raw.SMTP_USER ? { user: raw.SMTP_USER, pass: raw.SMTP_PASSWORD ?? "" } : undefined,
      }
    : undefined,
  mailFrom: raw.MAIL_FROM,
  /** The developer pages (mail outbox): on outside production, or when asked for. */
  devTools: !isProduction || raw.ENABLE_DEV_TOOLS === "1",
  platformFeeBps: raw.PLATFORM_FEE_BPS,
  /** Background jobs (expiring holds, lapsing requests, starting and completing bookings); JOBS=off for e2e servers and benches that drive the clock themselves. */
  jobsEnabled: raw.JOBS === "on",
  /** ADMIN_MFA=required: admin pages and the admin API refuse admins without two-factor sign-in (lib/auth/admin-mfa.ts). */
  adminMfaRequired: raw.ADMIN_MFA === "required",
  /** How long a new message may stay unread before its readers are mailed about it (lib/jobs/sweeps.ts). */
  messageMailDelayMinutes: raw.MESSAGE_MAIL_DELAY_MINUTES,
} as const;

export type Env = typeof env;
