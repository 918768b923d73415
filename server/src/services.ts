import { AttemptLimiter } from "./auth/rate-limit.ts";
import { type SecretBox, secretBoxFor } from "./auth/secret-box.ts";
import { SessionCache } from "./auth/sessions.ts";
import { Clock } from "./clock.ts";
import type { Database, Db } from "./db/connect.ts";
import { ServerKeys } from "./db/server-keys.ts";
import type { Env } from "./env.ts";
import { ChangeFeed } from "./sync/change-feed.ts";
import { ClientGroupStore } from "./sync/client-groups.ts";
import { LiveHub } from "./sync/live.ts";
import { VisibleSetCache, VisibleSetStore } from "./sync/visible-set.ts";

/** What every request handler may use; built once per server. */
export interface Services {
  env: Env;
  database: Database;
  db: Db;
  loginLimits: { perAccount: AttemptLimiter; perAddress: AttemptLimiter };
  live: LiveHub;
  /** Follows the change head in the database and pokes `live` (started by startServer). */
  changeFeed: ChangeFeed;
  visibleSets: VisibleSetStore;
  /** "Now" for access decisions (push, pull). */
  clock: Clock;
  clientGroups: ClientGroupStore;
  visibleSetCache: VisibleSetCache;
  /** Sessions kept between requests, checked against the database's session version at each. */
  sessions: SessionCache;
  /** Keys the instances share through the database (the pull cursor's signature). */
  serverKeys: ServerKeys;
  /** Seals the TOTP secrets under a key the database does not hold. */
  secretBox: SecretBox;
}

export function createServices(env: Env, database: Database): Services {
  const windowMs = env.LOGIN_WINDOW_MINUTES * 60_000;
  const live = new LiveHub();
  return {
    env,
    database,
    db: database.db,
    loginLimits: {
      perAccount: new AttemptLimiter(env.LOGIN_LIMIT_PER_ACCOUNT, windowMs),
      perAddress: new AttemptLimiter(env.LOGIN_LIMIT_PER_ADDRESS, windowMs),
    },
    live,
    changeFeed: new ChangeFeed(database.db, live),
    visibleSets: new VisibleSetStore(database),
    clock: new Clock(),
    clientGroups: new ClientGroupStore(database),
    visibleSetCache: new VisibleSetCache(),
    sessions: new SessionCache(),
    serverKeys: new ServerKeys(database),
    secretBox: secretBoxFor(env),
  };
}
