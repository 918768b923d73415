import { mayManageUsers, refusal } from "@naast/shared";
import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import type { AccessPoint } from "./audit/entry.ts";
import type { SessionLookup } from "./auth/sessions.ts";
import { readHeads } from "./db/heads.ts";
import { RefusalCause, refusalOf, refuse } from "./refusal.ts";
import type { Services } from "./services.ts";
import { InvalidMutation, ProtocolRefused } from "./sync/refusals.ts";

export type RequestContext = {
  services: Services;
  /** The bearer token, if the request carried one. */
  token: string | null;
  accessPoint: AccessPoint;
  /** The caller's network address, for rate limiting. */
  address: string;
};

/**
 * The access point is what the server knows, never what the request says: over HTTP a call is
 * "extension" when the browser stamped it with the extension's origin (a page cannot forge that),
 * otherwise "api". "cli" is only ever the admin command line, which runs in-process.
 */
export function requestContext(services: Services, headers: Headers, address: string, fromExtension: boolean): RequestContext {
  const authorization = headers.get("authorization");
  const token = authorization?.startsWith("Bearer ") ? authorization.slice("Bearer ".length).trim() || null : null;
  const accessPoint: AccessPoint = fromExtension ? "extension" : "api";
  return { services, token, accessPoint, address };
}

/**
 * The cause of an UNAUTHORIZED answer to a request whose session is not (or no longer) valid: its
 * refusal ("session.expired", …) says the panel what to tell, `status` the device what to do.
 */
export class SessionRefused extends RefusalCause {
  constructor(readonly status: Exclude<SessionLookup["status"], "valid">) {
    super(refusal(`session.${status}`));
  }
}

/** A push refused by its schema at `mutations.<n>…` names mutation n too. */
function mutationOfIssues(issues: { path: string }[] | undefined): { index: number; id: string | null } | undefined {
  const index = issues?.map((i) => /^mutations\.(\d+)(\.|$)/.exec(i.path)?.[1]).find((n) => n !== undefined);
  return index === undefined ? undefined : { index: Number(index), id: null };
}

const t = initTRPC.context<RequestContext>().create({
  errorFormatter({ shape, error }) {
    // zod's issues, flattened, so a client can show which field was wrong.
    const cause = error.cause instanceof RefusalCause ? error.cause.detail : error.cause;
    const zodError = cause instanceof z.ZodError ? cause : error.cause instanceof InvalidMutation ? error.cause.issues : undefined;
    const issues = zodError?.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    // Why a session was refused, as a code: "inactive" tells the device to wipe itself.
    const session = error.cause instanceof SessionRefused ? error.cause.status : undefined;
    // Which mutation of a push the server could not read, by position and id (never parsed from the message).
    const mutation = error.cause instanceof InvalidMutation ? { index: error.cause.index, id: error.cause.id } : mutationOfIssues(issues);
    // "update me" (or "update the server"), as a code.
    const protocol = error.cause instanceof ProtocolRefused ? error.cause.protocol : undefined;
    // What the panel says, in the reader's language, with what to do (shared/README.md, "Refusals").
    return { ...shape, data: { ...shape.data, stack: undefined, issues, session, mutation, protocol, refusal: refusalOf(error) } };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;

const sessionMessages = {
  unknown: "sign in first",
  revoked: "you were signed out; sign in again",
  expired: "your session has expired; sign in again",
  inactive: "this account is no longer active",
} as const;

/** The panel tells an expired session (sign in again, keep the device's data) from the others by its refusal. */
const sessionRefused = (status: keyof typeof sessionMessages) =>
  new TRPCError({ code: "UNAUTHORIZED", message: sessionMessages[status], cause: new SessionRefused(status) });

/**
 * A procedure for a signed-in user: `ctx.user` is who the server says she is, never the request.
 * The database's versions are read first (one statement), and the session is judged against the
 * session version among them (a kept session only while that is unchanged); `ctx.heads` hands
 * them on to the pull, which needs them too.
 */
export const signedInProcedure = t.procedure.use(async ({ ctx, next }) => {
  if (!ctx.token) throw sessionRefused("unknown");
  const heads = await readHeads(ctx.services.db);
  const session = await ctx.services.sessions.lookUp(ctx.services.db, ctx.token, heads.sessions);
  if (session.status !== "valid") throw sessionRefused(session.status);
  return next({ ctx: { ...ctx, user: session.person, tokenHash: session.tokenHash, sessionExpiresAt: session.expiresAt, heads } });
});

/** An organisation's admin (the shared rule `mayManageUsers`): acts only on her own organisation's people. */
export const orgAdminProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (!mayManageUsers(ctx.user)) throw refuse("FORBIDDEN", refusal("access.admin-only"), "only an organisation's admin may do this");
  return next();
});
