import { MutationRejected } from "../mutators/define.ts";
import type { ReadTransaction } from "../store/transaction.ts";
import { deriveHandovers, type HandoverState } from "./state.ts";

/** The handover an event is about, while it is still open; and a fresh event id. */
export async function openHandoverForEvent(tx: ReadTransaction, args: { id: string; clientId: string; handoverId: string }): Promise<HandoverState> {
  if (await tx.get("handoverEvents", args.id)) throw new MutationRejected("conflict", "change.duplicate");
  const states = deriveHandovers(await tx.listByClient("handovers", args.clientId), await tx.listByClient("handoverEvents", args.clientId));
  const state = states.find((s) => s.handover.id === args.handoverId);
  if (!state) throw new MutationRejected("not-found", "handover.not-found");
  if (state.status !== "open") throw new MutationRejected("conflict", "handover.not-open", { status: state.status });
  return state;
}
