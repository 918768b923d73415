import { z } from "zod";

/** The server's whole configuration, checked once at start-up so a typo fails loudly. */
export const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default("file:./data/naast.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** Embedded database: `full` syncs every commit to disk (docs/decisions/0015-serialised-in-the-database.md). */
  DATABASE_SYNCHRONOUS: z.enum(["full", "normal"]).default("full"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(10),
  LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  LOGIN_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(50),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  /** Browser origins that may call the server (CORS): the extension's own; see http/origins.ts. */
  ALLOWED_ORIGINS: z.string().default("chrome-extension://*,moz-extension://*"),
  /**
   * `required`: every account enrols a TOTP app at its first sign-in and gives a code at each.
   * `optional` (the demo, most tests): enrolled accounts give a code, others sign in with the password.
   */
  SECOND_FACTOR: z.enum(["required", "optional"]).default("required"),
  /** The key the TOTP secrets are sealed with (auth/secret-box.ts); by default a key file beside an embedded database. */
  SECOND_FACTOR_KEY: z.string().min(32).optional(),
  /**
   * How often a live stream (`/events`) says it is alive and re-reads its session in the database,
   * so a sign-out through another server instance ends it within this time (sync/events-route.ts).
   */
  LIVE_HEARTBEAT_SECONDS: z.coerce.number().positive().default(25),
  /** The audit chain's signed head (audit/checkpoint.ts): file, key (not in the database), how often. */
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_KEY: z.string().min(32).optional(),
  AUDIT_CHECKPOINT_SECONDS: z.coerce.number().positive().default(60),
  /**
   * Retention (docs/decisions/0013-retention.md): the records of a client closed longer than this
   * many months are erased from the server and every device; checked every so many minutes, run once a day.
   */
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
  RETENTION_CHECK_MINUTES: z.coerce.number().positive().default(60),
  /** `pnpm start`: seed the demo into an empty database and serve the demo portals beside the server. */
  DEMO: z.enum(["on", "off"]).default("off"),
  DEMO_PORTAL_HOST: z.string().default("127.0.0.1"),
  /** The fourth demo portal's address: another origin than the declared loopback hosts (issue 19). */
  DEMO_ONS_HOST: z.string().default("127.0.0.2"),
});
export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
