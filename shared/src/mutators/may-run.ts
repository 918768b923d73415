import type { z } from "zod";
import type { Client } from "../client/schema.ts";
import { type AccessDecision, accessibleCategories, canAccessAll, readOnlyUntil } from "../consent/can-access.ts";
import type { DataCategory } from "../consent/categories.ts";
import type { ConsentEvent } from "../consent/schema.ts";
import type { SessionUser } from "../organisation/schema.ts";
import { MutationRejected, type Mutator } from "./define.ts";

/** What the audit log needs to know about an applied mutation: never the content itself. */
export interface MutationEffect {
  /** Null for an organisation's own setting, which is about no client. */
  clientId: string | null;
  categories: DataCategory[];
  /**
   * The consent that allowed it; `covenant:<escalation id>` when the Zorg- en Veiligheidshuis
   * covenant did (docs/decisions/0019); null when the user's organisation owns the client, unless
   * the change itself records a basis (an escalation names the one it is shared on).
   */
  consentId: string | null;
  responsibleUserId: string;
}

/** What "may she?" is decided on: the same facts on the device (its synced copy) and on the server. */
export interface RunFacts {
  user: SessionUser;
  now: string;
  /** The client the mutation is about, as this side has it; undefined when it has none. */
  client: Client | undefined;
  /** The client's consent events. */
  consents: readonly ConsentEvent[];
  /** The name of the organisation holding the client, for a refusal that sends her there; its id when unknown. */
  holderName?: string | undefined;
}

/** Yes, with what the audit log records of it (the categories the requirement needed), or no, with the refusal. */
export type MayRun = { ok: true; effect: MutationEffect } | { ok: false; refusal: MutationRejected };

/** Why the user may not: without naming the client, whom she may not see. */
const refuse = (decision: AccessDecision & { allowed: false }): MutationRejected => {
  switch (decision.reason) {
    case "role":
      return new MutationRejected("forbidden", "access.no-data-role");
    case "no-consent":
      return new MutationRejected("forbidden", "access.no-consent");
    case "withdrawn":
      return new MutationRejected("forbidden", "access.withdrawn", { since: decision.since });
    case "expired":
      return new MutationRejected("forbidden", "access.expired", { since: decision.since });
    case "not-yet-valid":
      return new MutationRejected("forbidden", "access.not-yet-valid", { from: decision.from });
    case "closed":
      return new MutationRejected("forbidden", "access.closed", { since: decision.since });
  }
};

/** How the audit log names the covenant as the basis of an access, in the place of a consent id. */
export const covenantBasis = (escalationId: string) => `covenant:${escalationId}`;

const no = (refusal: MutationRejected): MayRun => ({ ok: false, refusal });

/**
 * Whether this user may run this mutation now: her role, then what the mutation requires of the
 * client (see `Requirement`). The one answer to "may I?": `runMutation` asks it before every
 * change, on the device and on the server, and the panel asks it before it offers one
 * (extension/src/hooks/use-may-run.ts), so the panel never offers what the server refuses.
 * What a mutator checks in its own `run` (a duplicate id, the state of a handover) comes after.
 */
export function mayRun<S extends z.ZodType, A>(mutator: Mutator<S, A>, args: A, facts: RunFacts): MayRun {
  const { user, client, now } = facts;
  if (!mutator.roles.includes(user.role)) return no(new MutationRejected("forbidden", "access.role", { role: user.role, mutation: mutator.name }));
  const requirement = mutator.requires(args);
  if (requirement.kind === "new-client") {
    if (client) return no(new MutationRejected("conflict", "client.exists"));
    return { ok: true, effect: { clientId: requirement.clientId, categories: [], consentId: null, responsibleUserId: user.id } };
  }
  if (requirement.kind === "organisation") {
    if (requirement.organisationId !== user.organisationId) return no(new MutationRejected("forbidden", "access.own-organisation-only"));
    return { ok: true, effect: { clientId: null, categories: [], consentId: null, responsibleUserId: user.id } };
  }
  if (!client) return no(new MutationRejected("not-found", "client.not-found"));
  if (requirement.kind === "category") {
    // A record tied to a life domain needs that domain as well (an afspraak about housing).
    const needed =
      requirement.domain && requirement.domain !== requirement.category
        ? ([requirement.category, requirement.domain] as const)
        : ([requirement.category] as const);
    const decision = canAccessAll(user, client, needed, facts.consents, now);
    if (!decision.allowed) return no(refuse(decision));
    if (decision.basis === "handover" && !requirement.readOnly) {
      return no(new MutationRejected("forbidden", "access.read-only", { client: client.alias, until: decision.until }));
    }
    return {
      ok: true,
      effect: {
        clientId: client.id,
        categories: [...needed],
        consentId: decision.basis === "consent" ? decision.consentId : decision.basis === "covenant" ? covenantBasis(decision.escalationId) : null,
        responsibleUserId: client.responsibleUserId,
      },
    };
  }
  const accessible = accessibleCategories(user, client, facts.consents, now);
  const isOwner = client.ownerOrganisationId === user.organisationId;
  // First whether she may see the client at all: only then may the refusal name her and her holder.
  if (accessible.size === 0) return no(new MutationRejected("forbidden", "access.not-shared"));
  if (requirement.kind === "owner" && !isOwner) {
    return no(new MutationRejected("forbidden", "access.holder-only", { client: client.alias, holder: facts.holderName ?? client.ownerOrganisationId }));
  }
  if (requirement.kind === "owner" && requirement.openClient && client.status === "closed") {
    return no(new MutationRejected("conflict", "client.closed", { client: client.alias }));
  }
  const until = readOnlyUntil(accessible);
  if (requirement.kind === "any" && !requirement.readOnly && until) {
    return no(new MutationRejected("forbidden", "access.read-only", { client: client.alias, until }));
  }
  const firstConsent = [...accessible.values()].find((d) => d.basis === "consent");
  return {
    ok: true,
    effect: {
      clientId: client.id,
      categories: [],
      consentId: isOwner || !firstConsent || firstConsent.basis !== "consent" ? null : firstConsent.consentId,
      responsibleUserId: client.responsibleUserId,
    },
  };
}
