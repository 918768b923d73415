import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Every synced record, whatever its collection, lives in one table: the zod schema in
 * @naast/shared is the shape of `data` (checked on every write), and the change log is the
 * `version` column, so a pull reads only what changed since its cursor.
 */
export const records = sqliteTable(
  "records",
  {
    collection: text("collection").notNull(),
    id: text("id").notNull(),
    clientId: text("client_id"),
    /** `encodeVisibility(visibilityOf(record))`: "directory", "client", "category:agreements:housing", … (shared/src/store/visibility.ts). */
    visibility: text("visibility").notNull(),
    data: text("data").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.collection, t.id] }), index("records_version").on(t.version), index("records_client").on(t.clientId, t.collection)],
);

/** Which organisations might see a client (its owners and every organisation a consent names). */
export const clientOrganisations = sqliteTable(
  "client_organisations",
  { clientId: text("client_id").notNull(), organisationId: text("organisation_id").notNull() },
  (t) => [primaryKey({ columns: [t.clientId, t.organisationId] }), index("client_organisations_org").on(t.organisationId)],
);

/**
 * Row 1: the last change sequence handed out. Row 2 (`accessVersionRow`): the change sequence of
 * the last write to a client or consent record, i.e. of the last change to who may see what; a
 * visible set computed at that version stays right until the next one (or a consent's time limit).
 * Rows 3 and 4 are kept by triggers (migration 0011), so no writer can forget them: row 3
 * (`sessionVersionRow`) rises with every change to a session row or a `people` record, and a
 * session kept in memory is trusted only at the version it was read at; row 4
 * (`erasedVersionRow`) is the highest change sequence at which retention erased a client.
 */
export const syncState = sqliteTable("sync_state", {
  id: integer("id").primaryKey(),
  seq: integer("seq").notNull(),
});
export const changeSeqRow = 1;
export const accessVersionRow = 2;
export const sessionVersionRow = 3;
export const erasedVersionRow = 4;

/**
 * A client whose records retention erased (retention/erase.ts): her id and when, stamped with the
 * change sequence, so every device that still holds anything of her (her record, or only its
 * organisation's EPD link) purges it at its next pull. No content: the id is a random one.
 */
export const erasedClients = sqliteTable(
  "erased_clients",
  { clientId: text("client_id").primaryKey(), erasedAt: text("erased_at").notNull(), version: integer("version").notNull() },
  (t) => [index("erased_clients_version").on(t.version)],
);

/**
 * A job that runs once a day whatever the number of server instances: the instance that inserts
 * the day's row runs it, the others find the row there (the database serialises the claim).
 */
export const scheduledRuns = sqliteTable(
  "scheduled_runs",
  { job: text("job").notNull(), day: text("day").notNull(), startedAt: text("started_at").notNull(), finishedAt: text("finished_at") },
  (t) => [primaryKey({ columns: [t.job, t.day] })],
);

/** Credentials only; who the user is (name, organisation, role) is her `people` record. */
export const accounts = sqliteTable("accounts", {
  userId: text("user_id").primaryKey(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  createdAt: text("created_at").notNull(),
});

/** Session tokens are stored only as their SHA-256, so a copy of the database signs nobody in. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id").notNull(),
    accessPoint: text("access_point").notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

export const clientGroups = sqliteTable("client_groups", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull(),
  createdAt: text("created_at").notNull(),
});

/** Push is idempotent per mutation id within a client group: a replay gets the stored answer. */
export const processedMutations = sqliteTable(
  "processed_mutations",
  {
    clientGroupId: text("client_group_id").notNull(),
    id: text("id").notNull(),
    status: text("status", { enum: ["applied", "rejected"] }).notNull(),
    code: text("code"),
    reason: text("reason"),
    /** SHA-256 of the mutation's name and arguments: the same id with another payload is a conflict. */
    payloadHash: text("payload_hash"),
    processedAt: text("processed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientGroupId, t.id] })],
);

/**
 * Keys the server makes for itself and every instance shares (the cursor's signature). Not for
 * what must stay secret from whoever reads the database: the audit checkpoint's key is not here.
 */
export const serverKeys = sqliteTable("server_keys", {
  name: text("name").primaryKey(),
  key: text("key").notNull(),
});

/** What a user could see at a cursor, stored once per distinct set (content-addressed). */
export const visibleSets = sqliteTable("visible_sets", {
  hash: text("hash").primaryKey(),
  data: text("data").notNull(),
});

/**
 * NEN 7513-style access log, hash-chained: each row holds the hash of the one before it, so a
 * changed, removed, inserted or reordered row breaks the chain. Never the health content itself.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    seq: integer("seq").primaryKey(),
    at: text("at").notNull(),
    event: text("event").notNull(),
    userId: text("user_id"),
    organisationId: text("organisation_id"),
    responsibleUserId: text("responsible_user_id"),
    clientId: text("client_id"),
    accessPoint: text("access_point").notNull(),
    categories: text("categories").notNull(),
    consentId: text("consent_id"),
    outcome: text("outcome").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_client").on(t.clientId)],
);

/**
 * A TOTP secret (RFC 6238) per account. `confirmedAt` null: enrolment started, not yet proven
 * with a first code, so sign-in still offers enrolment rather than asking for a code.
 */
export const secondFactors = sqliteTable("second_factors", {
  userId: text("user_id").primaryKey(),
  /** Encrypted (AES-256-GCM) under a key the database does not hold: auth/secret-box.ts, decision 0014. */
  secret: text("secret").notNull(),
  createdAt: text("created_at").notNull(),
  confirmedAt: text("confirmed_at"),
  /** The time step (of 30 s) of the last code used: a code of that step or an earlier one is not taken again. */
  lastUsedStep: integer("last_used_step"),
});

/** One-time recovery codes, stored only as their SHA-256 (they are long and random). */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    userId: text("user_id").notNull(),
    codeHash: text("code_hash").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/**
 * A password that was right, waiting for its second factor: a short-lived token (stored as its
 * SHA-256) that only `auth.secondFactor` / `auth.enrol` accept, never a session.
 */
export const loginChallenges = sqliteTable("login_challenges", {
  tokenHash: text("token_hash").primaryKey(),
  userId: text("user_id").notNull(),
  accessPoint: text("access_point").notNull(),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
});

/**
 * The server's half of a device's local key (docs/decisions/0017-device-key-and-sealed-records.md): handed out only to a full
 * sign-in or an unlock with the password, deleted when the person is deactivated.
 */
export const deviceKeys = sqliteTable(
  "device_keys",
  {
    deviceId: text("device_id").primaryKey(),
    userId: text("user_id").notNull(),
    secret: text("secret").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("device_keys_user").on(t.userId)],
);
