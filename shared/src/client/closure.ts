import { type Client, type CloseReason, defaultReadOnlyDays } from "./schema.ts";

/**
 * After the holder closes a client, the others keep what they may see for the same period a
 * handover gives a former holder, so colleagues can finish their notes; then sharing ends for
 * everyone but the holder, whatever the consents say, and their devices purge her
 * (docs/decisions/0008-closing-ends-sharing.md).
 */
export const closingPeriodDays = defaultReadOnlyDays;

/** The client with the status a change asks for, stamping or clearing when sharing ends. */
export function withStatus(client: Client, status: Client["status"], now: string, reason: CloseReason | null = null): Client {
  if (status !== "closed") return { ...client, status, closure: null, updatedAt: now };
  // Closing a client closed already keeps the first closing's end: it cannot be stretched.
  const closure = client.closure ?? {
    closedAt: now,
    sharingEndsAt: new Date(Date.parse(now) + closingPeriodDays * 86_400_000).toISOString(),
    reason,
  };
  return { ...client, status, closure, updatedAt: now };
}
