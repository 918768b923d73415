import type { Role, SessionUser } from "../organisation/schema.ts";
import type { Handover, HandoverKind } from "./schema.ts";

/** Who may take a handover of this kind: the procesregisseur takes monitoring, case workers the rest. */
export function receivingRoles(kind: HandoverKind): readonly Role[] {
  return kind === "monitoring" ? ["procesregisseur"] : ["casemanager", "coordinator"];
}

/**
 * Whether the user is the handover's receiver: the person it names, or, when it names none,
 * anyone of the receiving organisation whose role may take this kind of handover.
 */
export function isReceiverOf(user: SessionUser, handover: Pick<Handover, "kind" | "toUserId" | "toOrganisationId">): boolean {
  if (!receivingRoles(handover.kind).includes(user.role)) return false;
  if (handover.toUserId !== null) return handover.toUserId === user.id;
  return handover.toOrganisationId !== null && handover.toOrganisationId === user.organisationId;
}

/** The sending side: the person who wrote it, or a colleague of her organisation (who is not its receiver). */
export function isSenderSideOf(user: SessionUser, handover: Pick<Handover, "fromUserId" | "fromOrganisationId">): boolean {
  return handover.fromUserId === user.id || handover.fromOrganisationId === user.organisationId;
}
