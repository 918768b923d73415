import { MutationRejected, type Refusal, refusal, refusalSchema } from "@naast/shared";
import { TRPCClientError } from "@trpc/client";
import { InsecureServerAddress } from "../session/server-address.ts";

/**
 * The refusal behind any error the panel or the background meets: a mutator's MutationRejected,
 * a server error carrying `data.refusal`, or a request that never reached the server.
 */
export function refusalOf(error: unknown, serverUrl = ""): Refusal {
  if (error instanceof MutationRejected) return error.refusal;
  if (error instanceof InsecureServerAddress) return refusal("network.insecure-server", { server: error.server });
  if (error instanceof TRPCClientError) {
    const carried = refusalSchema.safeParse((error.data as { refusal?: unknown } | null | undefined)?.refusal);
    if (carried.success) return carried.data;
    if (error.data === undefined || error.data === null) return refusal("network.unreachable", { server: serverUrl });
  }
  // fetch rejects with a TypeError ("Failed to fetch") when the server cannot be reached at all.
  if (error instanceof TypeError) return refusal("network.unreachable", { server: serverUrl });
  return refusal("unexpected", { message: error instanceof Error ? error.message : String(error) });
}
