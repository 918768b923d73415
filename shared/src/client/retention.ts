import { addMonths } from "../primitives.ts";
import type { Client } from "./schema.ts";

/** How long the record of a closed client is kept by default (docs/decisions/0013-retention.md). */
export const defaultRetentionMonths = 24;

/**
 * Since when the client counts as closed: the closing stamped on her record, or, for one closed
 * before closings were stamped, her record's last change (at or after the closing: it errs on keeping).
 */
export function closedSince(client: Pick<Client, "status" | "closure" | "updatedAt">): string | null {
  if (client.status !== "closed") return null;
  return client.closure?.closedAt ?? client.updatedAt;
}

/** The instant from which retention erases her record, or null while she is not closed. */
export function erasableFrom(client: Pick<Client, "status" | "closure" | "updatedAt">, months: number): string | null {
  const since = closedSince(client);
  return since === null ? null : addMonths(since, months);
}
