import { randomUUID } from "node:crypto";
import { type AgreementDecision, deriveHandovers, type HandoverState, type MutationArgs } from "@naast/shared";
import type { ApiClient } from "../support/api.ts";
import { Replica } from "../support/replica.ts";

/** A handover as the panel writes it; each test names the receiver and the agreements. */
export function handoverArgs(clientId: string, overrides: Partial<MutationArgs<"startHandover">> = {}): MutationArgs<"startHandover"> {
  return {
    id: `handover-${randomUUID()}`,
    clientId,
    kind: "organisation",
    toUserId: null,
    toOrganisationId: null,
    toExternal: null,
    domains: [{ domain: "housing", score: 2, situation: "Slaapt in de nachtopvang." }],
    risks: "Raakt uit beeld als een afspraak niet doorgaat.",
    whatWorks: "Persoonlijke aandacht, lange adem.",
    network: [{ name: "Moeder", role: "familie", reachableAt: "via de cliënt" }],
    agreements: [],
    text: "Warme overdracht.",
    // About housing, which every test's receiver may see; "algemeen" needs the whole plan.
    sectionDomains: { risks: "housing", whatWorks: "housing", text: "housing" },
    correctsHandoverId: null,
    ...overrides,
  };
}

const replicas = new WeakMap<ApiClient, Replica>();

/** The device's own copy, brought up to date with a pull: a device keeps its copy between pulls. */
export async function synced(device: ApiClient): Promise<Replica> {
  const replica = replicas.get(device) ?? new Replica();
  replicas.set(device, replica);
  return replica.apply(await device.pull());
}

/** Every open agreement of the client as the sender's device knows it, carried over to `newOwnerUserId`. */
export async function carryAll(sender: ApiClient, clientId: string, newOwnerUserId: string): Promise<AgreementDecision[]> {
  return (await synced(sender))
    .of("agreements", clientId)
    .filter((a) => a.status === "open")
    .map((a) => ({ agreementId: a.id, action: "carry", newOwnerUserId }));
}

/** The handovers of a client as a device derives them after a fresh pull. */
export async function handoverStates(device: ApiClient, clientId: string): Promise<HandoverState[]> {
  const replica = await synced(device);
  return deriveHandovers(replica.of("handovers", clientId), replica.of("handoverEvents", clientId));
}

export async function applied(result: Promise<{ status: string; reason?: string }>) {
  const r = await result;
  if (r.status !== "applied") throw new Error(`rejected: ${r.reason}`);
}

/**
 * The sender's organisation hands the client over to `receiverId` of `toOrganisationId`, every
 * open agreement carried to her, and she acknowledges it (the consent must already cover it).
 */
export async function handOverAndAcknowledge(sender: ApiClient, receiver: ApiClient, clientId: string, receiverId: string, toOrganisationId: string) {
  const args = handoverArgs(clientId, {
    kind: "organisation",
    toOrganisationId,
    toUserId: receiverId,
    agreements: await carryAll(sender, clientId, receiverId),
  });
  await applied(sender.push("startHandover", args));
  await applied(receiver.push("acknowledgeHandover", { id: randomUUID(), clientId, handoverId: args.id }));
}
