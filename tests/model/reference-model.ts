import { closingPeriodDays, type DataCategory, dataCategories, type LifeDomain, planDomainId } from "@naast/shared";

/**
 * What the server should hold and what each organisation may see, in plain maps, written from
 * the rules in DOMAIN.md and not by calling canAccess: the two check each other.
 *
 * The rules modelled:
 * - the organisation that holds a client sees and writes everything of her;
 * - another organisation sees a category while a consent grants it that category, the consent
 *   has started and not ended (validFrom ≤ now < validUntil), and no withdrawal took that
 *   organisation × category out of it; it writes what it sees;
 * - a client and her consent events are seen by whoever sees at least one category of her;
 * - only the holder records consent; whoever sees the client (not read-only) withdraws it;
 * - an afspraak is in the category "agreements", and one about a life domain needs that domain
 *   too, to be seen and written; its owner (here: its writer) must see both;
 * - only the holder closes or reopens a client; once `closingPeriodDays` after her closing have
 *   passed, nobody but the holder sees (or writes) anything of her, whatever the consents;
 *   closing again keeps the first end, reopening ends the closing.
 */

export type OrgId = string;

export interface ModelConsent {
  consentId: string;
  eventId: string;
  grantedTo: OrgId[];
  categories: DataCategory[];
  validFrom: number;
  validUntil: number;
  withdrawals: Array<{ eventId: string; organisations: OrgId[] | null; categories: DataCategory[] | null }>;
}

export interface ModelClient {
  id: string;
  owner: OrgId;
  plan: Map<LifeDomain, string>;
  agreements: Map<string, { domain: LifeDomain | null }>;
  notes: Set<string>;
  consents: ModelConsent[];
  /** When sharing with everyone but the holder ends, after she was closed; null while open. */
  sharingEndsAt: number | null;
}

/** A change as a device sends it, in the model's terms. */
export type ModelChange =
  | { kind: "createClient"; clientId: string }
  | { kind: "editPlan"; clientId: string; domain: LifeDomain; situation: string }
  | { kind: "addAgreement"; clientId: string; agreementId: string; domain: LifeDomain | null }
  | { kind: "addNote"; clientId: string; noteId: string }
  | { kind: "setStatus"; clientId: string; status: "closed" | "active" }
  | { kind: "recordConsent"; clientId: string; consent: Omit<ModelConsent, "withdrawals"> }
  | { kind: "withdrawConsent"; clientId: string; eventId: string; consentId: string; organisations: OrgId[] | null; categories: DataCategory[] | null };

export class ReferenceModel {
  readonly clients = new Map<string, ModelClient>();

  /** Whether `org` sees `category` of the client at `now` (ms). */
  sees(org: OrgId, client: ModelClient, category: DataCategory, now: number): boolean {
    if (client.owner === org) return true;
    if (client.sharingEndsAt !== null && now >= client.sharingEndsAt) return false;
    return client.consents.some(
      (c) =>
        c.grantedTo.includes(org) &&
        c.categories.includes(category) &&
        c.validFrom <= now &&
        now < c.validUntil &&
        !c.withdrawals.some((w) => (w.organisations === null || w.organisations.includes(org)) && (w.categories === null || w.categories.includes(category))),
    );
  }

  seesAgreement(org: OrgId, client: ModelClient, domain: LifeDomain | null, now: number): boolean {
    return this.sees(org, client, "agreements", now) && (domain === null || this.sees(org, client, domain, now));
  }

  seesAny(org: OrgId, client: ModelClient, now: number): boolean {
    return dataCategories.some((category) => this.sees(org, client, category, now));
  }

  /** The server's answer to a change pushed by a case manager of `org` at `now`, and its effect. */
  apply(org: OrgId, change: ModelChange, now: number): "applied" | "rejected" {
    if (change.kind === "createClient") {
      if (this.clients.has(change.clientId)) return "rejected";
      this.clients.set(change.clientId, {
        id: change.clientId,
        owner: org,
        plan: new Map(),
        agreements: new Map(),
        notes: new Set(),
        consents: [],
        sharingEndsAt: null,
      });
      return "applied";
    }
    const client = this.clients.get(change.clientId);
    if (!client) return "rejected";
    switch (change.kind) {
      case "editPlan":
        if (!this.sees(org, client, change.domain, now)) return "rejected";
        client.plan.set(change.domain, change.situation);
        return "applied";
      case "addAgreement":
        if (!this.seesAgreement(org, client, change.domain, now) || client.agreements.has(change.agreementId)) return "rejected";
        client.agreements.set(change.agreementId, { domain: change.domain });
        return "applied";
      case "addNote":
        if (!this.sees(org, client, "notes", now) || client.notes.has(change.noteId)) return "rejected";
        client.notes.add(change.noteId);
        return "applied";
      case "setStatus":
        if (client.owner !== org) return "rejected";
        client.sharingEndsAt = change.status === "active" ? null : (client.sharingEndsAt ?? now + closingPeriodDays * 24 * 3_600_000);
        return "applied";
      case "recordConsent":
        if (client.owner !== org || client.consents.some((c) => c.consentId === change.consent.consentId)) return "rejected";
        client.consents.push({ ...change.consent, withdrawals: [] });
        return "applied";
      case "withdrawConsent": {
        const consent = client.consents.find((c) => c.consentId === change.consentId);
        if (!consent || !this.seesAny(org, client, now)) return "rejected";
        consent.withdrawals.push({ eventId: change.eventId, organisations: change.organisations, categories: change.categories });
        return "applied";
      }
    }
  }

  /**
   * What a device of `org` should hold of these clients after a pull at `now`, one string per
   * record ("collection/id", with the plan's text so a stale copy shows).
   */
  view(org: OrgId, now: number): string[] {
    const keys: string[] = [];
    for (const client of this.clients.values()) {
      if (!this.seesAny(org, client, now)) continue;
      keys.push(`clients/${client.id}`);
      for (const consent of client.consents) {
        keys.push(`consentEvents/${consent.eventId}`);
        for (const w of consent.withdrawals) keys.push(`consentEvents/${w.eventId}`);
      }
      for (const [domain, situation] of client.plan) {
        if (this.sees(org, client, domain, now)) keys.push(`planDomains/${planDomainId(client.id, domain)}=${situation}`);
      }
      for (const [id, { domain }] of client.agreements) if (this.seesAgreement(org, client, domain, now)) keys.push(`agreements/${id}`);
      if (this.sees(org, client, "notes", now)) for (const id of client.notes) keys.push(`notes/${id}`);
    }
    return keys.sort();
  }
}
