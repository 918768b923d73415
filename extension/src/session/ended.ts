import type { Refusal } from "@naast/shared";
import type { SyncStatus } from "../storage/db.ts";

/** The server's refusals that mean "this session is over, but the person may sign in again". */
const endedCodes = new Set(["session.expired", "session.revoked", "session.unknown"]);

export function isEndedSession(refusal: Refusal | null | undefined): boolean {
  return refusal ? endedCodes.has(refusal.code) : false;
}

/**
 * Whether the panel should ask her to sign in again: the server said the session ended. The
 * clock alone does not decide, so offline she keeps working on the device until the server can
 * be asked (and the outbox waits).
 */
export function sessionEnded(status: SyncStatus | undefined): boolean {
  return isEndedSession(status?.lastError);
}
