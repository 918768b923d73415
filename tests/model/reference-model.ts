import { closingPeriodDays, type DataCategory, dataCategories, defaultReadOnlyDays, type LifeDomain, lifeDomains, planDomainId } from "@naast/shared";

/**
 * What the server should hold and what each organisation may see, in plain maps, written from
 * the rules listed below and in shared/src (the mutators' rules, read as prose) and not by calling
 * canAccess or the mutators: the two check each other.
 *
 * The rules modelled:
 * - the organisation that holds a client sees and writes everything of her;
 * - another organisation sees a category while a consent grants it that category, the consent
 *   has started and not ended (validFrom ≤ now < validUntil), and no withdrawal took that
 *   organisation × category out of it; it writes what it sees that way;
 * - an organisation that handed the client over (an acknowledged handover to another
 *   organisation) reads every category for 30 days after the acknowledgement, and writes
 *   nothing on that basis; the holder may end that early;
 * - a client and her consent events are seen by whoever sees at least one category of her;
 * - only the holder records consent; whoever may write something of her withdraws it (a former
 *   holder that only reads her does not);
 * - an afspraak is in the category "agreements", and one about a life domain needs that domain
 *   too, to be seen and written; its owner (here: its writer) must be allowed to write both;
 * - a ZRM score is its life domain's;
 * - only the holder closes or reopens a client; once `closingPeriodDays` after her closing have
 *   passed, nobody but the holder sees (or writes) anything of her, whatever the consents and
 *   read-only periods; closing again keeps the first end, reopening ends the closing;
 * - a handover (category "handovers"): the holder of an open client starts it, to a colleague or
 *   to another organisation, whose consent must cover the handovers and every life domain the
 *   handover describes (and its free text's domain, all of them for "algemeen"); each open
 *   afspraak is decided (closed, or carried to someone whose organisation may keep it up once
 *   the receiver holds the client); one open handover per client. Only its receiver (the person
 *   named, or anyone of the organisation named) acknowledges or declines it, while it is open,
 *   and only if she may write the handovers. Acknowledging needs the client still with the
 *   sender's organisation and the receiver's consent for handovers; each carried afspraak's new
 *   owner must still be allowed, an afspraak added since stays with its owner when she may keep
 *   it up and goes to the receiver otherwise. Then the receiver's organisation holds her, she is
 *   active (a closing ends), and the previous holder reads her for 30 days.
 *   A closing handover (she leaves Naast) closes her at once, its afspraken decided as above.
 * - a reader gets a handover with only the life domains she may see, and its free text only if
 *   she may see its domain (all of them for "algemeen").
 */

export type OrgId = string;
const dayMs = 24 * 3_600_000;

export interface ModelConsent {
  consentId: string;
  eventId: string;
  grantedTo: OrgId[];
  categories: DataCategory[];
  validFrom: number;
  validUntil: number;
  withdrawals: Array<{ eventId: string; organisations: OrgId[] | null; categories: DataCategory[] | null }>;
}

export interface ModelAgreement {
  domain: LifeDomain | null;
  ownerUser: string;
  status: "open" | "done";
}

export type ModelDecision = { agreementId: string; action: "carry"; newOwnerUser: string } | { agreementId: string; action: "done" };

export interface ModelHandover {
  id: string;
  kind: "colleague" | "organisation" | "closure";
  fromOrg: OrgId;
  toUser: string | null;
  toOrg: OrgId | null;
  domains: LifeDomain[];
  /** The life domain its free text is about (null: "algemeen"); undefined when it has none. */
  textDomain: LifeDomain | null | undefined;
  decisions: ModelDecision[];
  outcome: null | "acknowledged" | "declined";
  events: string[];
}

export interface ModelClient {
  id: string;
  owner: OrgId;
  plan: Map<LifeDomain, string>;
  scores: Map<string, LifeDomain>;
  agreements: Map<string, ModelAgreement>;
  notes: Set<string>;
  consents: ModelConsent[];
  handovers: ModelHandover[];
  /** Organisations that handed her over and read her until `until`. */
  formerOwners: Array<{ org: OrgId; until: number }>;
  /** When sharing with everyone but the holder ends, after she was closed; null while open. */
  sharingEndsAt: number | null;
}

/** A change as a device sends it, in the model's terms. */
export type ModelChange =
  | { kind: "createClient"; clientId: string }
  | { kind: "editPlan"; clientId: string; domain: LifeDomain; situation: string }
  | { kind: "recordScore"; clientId: string; scoreId: string; domain: LifeDomain }
  | { kind: "addAgreement"; clientId: string; agreementId: string; domain: LifeDomain | null }
  | { kind: "addNote"; clientId: string; noteId: string }
  | { kind: "setStatus"; clientId: string; status: "closed" | "active" }
  | { kind: "recordConsent"; clientId: string; consent: Omit<ModelConsent, "withdrawals"> }
  | { kind: "withdrawConsent"; clientId: string; eventId: string; consentId: string; organisations: OrgId[] | null; categories: DataCategory[] | null }
  | { kind: "startHandover"; clientId: string; handover: Omit<ModelHandover, "outcome" | "events" | "fromOrg"> }
  | { kind: "answerHandover"; clientId: string; handoverId: string; eventId: string; answer: "acknowledged" | "declined" }
  | { kind: "endReadOnly"; clientId: string; organisation: OrgId };

/** Who sends a change: a case manager (every person here is one, and active). */
export interface ModelPerson {
  id: string;
  org: OrgId;
}

export class ReferenceModel {
  readonly clients = new Map<string, ModelClient>();
  /** The people of the directory: who works where. */
  constructor(readonly people: ReadonlyMap<string, OrgId>) {}

  private sharingEnded(client: ModelClient, now: number): boolean {
    return client.sharingEndsAt !== null && now >= client.sharingEndsAt;
  }

  /** Whether a consent grants `org` the category now (nothing else counts). */
  consented(org: OrgId, client: ModelClient, category: DataCategory, now: number): boolean {
    return client.consents.some(
      (c) =>
        c.grantedTo.includes(org) &&
        c.categories.includes(category) &&
        c.validFrom <= now &&
        now < c.validUntil &&
        !c.withdrawals.some((w) => (w.organisations === null || w.organisations.includes(org)) && (w.categories === null || w.categories.includes(category))),
    );
  }

  private readsAfterHandover(org: OrgId, client: ModelClient, now: number): boolean {
    return client.formerOwners.some((f) => f.org === org && now < f.until);
  }

  /** Whether `org` sees `category` of the client at `now` (ms). */
  sees(org: OrgId, client: ModelClient, category: DataCategory, now: number): boolean {
    if (client.owner === org) return true;
    if (this.sharingEnded(client, now)) return false;
    return this.consented(org, client, category, now) || this.readsAfterHandover(org, client, now);
  }

  /** Whether `org` may change `category` of the client at `now`: holding her, or by consent. */
  writes(org: OrgId, client: ModelClient, category: DataCategory, now: number): boolean {
    if (client.owner === org) return true;
    return !this.sharingEnded(client, now) && this.consented(org, client, category, now);
  }

  seesAgreement(org: OrgId, client: ModelClient, domain: LifeDomain | null, now: number): boolean {
    return this.sees(org, client, "agreements", now) && (domain === null || this.sees(org, client, domain, now));
  }

  writesAgreement(org: OrgId, client: ModelClient, domain: LifeDomain | null, now: number): boolean {
    return this.writes(org, client, "agreements", now) && (domain === null || this.writes(org, client, domain, now));
  }

  /** Whether `org` could keep an afspraak up if `holder` held the client: holding her, or by consent. */
  private mayKeepUp(org: OrgId, holder: OrgId, client: ModelClient, domain: LifeDomain | null, now: number): boolean {
    if (org === holder) return true;
    return this.consented(org, client, "agreements", now) && (domain === null || this.consented(org, client, domain, now));
  }

  seesAny(org: OrgId, client: ModelClient, now: number): boolean {
    return dataCategories.some((category) => this.sees(org, client, category, now));
  }

  private writesAny(org: OrgId, client: ModelClient, now: number): boolean {
    return dataCategories.some((category) => this.writes(org, client, category, now));
  }

  private openHandover(client: ModelClient): ModelHandover | undefined {
    return client.handovers.find((h) => h.kind !== "closure" && h.outcome === null);
  }

  /** The server's answer to a change pushed by `person` at `now`, and its effect. */
  apply(person: ModelPerson, change: ModelChange, now: number): "applied" | "rejected" {
    const org = person.org;
    if (change.kind === "createClient") {
      if (this.clients.has(change.clientId)) return "rejected";
      this.clients.set(change.clientId, {
        id: change.clientId,
        owner: org,
        plan: new Map(),
        scores: new Map(),
        agreements: new Map(),
        notes: new Set(),
        consents: [],
        handovers: [],
        formerOwners: [],
        sharingEndsAt: null,
      });
      return "applied";
    }
    const client = this.clients.get(change.clientId);
    if (!client) return "rejected";
    switch (change.kind) {
      case "editPlan":
        if (!this.writes(org, client, change.domain, now)) return "rejected";
        client.plan.set(change.domain, change.situation);
        return "applied";
      case "recordScore":
        if (!this.writes(org, client, change.domain, now)) return "rejected";
        client.scores.set(change.scoreId, change.domain);
        return "applied";
      case "addAgreement":
        if (!this.writesAgreement(org, client, change.domain, now) || client.agreements.has(change.agreementId)) return "rejected";
        client.agreements.set(change.agreementId, { domain: change.domain, ownerUser: person.id, status: "open" });
        return "applied";
      case "addNote":
        if (!this.writes(org, client, "notes", now) || client.notes.has(change.noteId)) return "rejected";
        client.notes.add(change.noteId);
        return "applied";
      case "setStatus":
        if (client.owner !== org) return "rejected";
        client.sharingEndsAt = change.status === "active" ? null : (client.sharingEndsAt ?? now + closingPeriodDays * dayMs);
        return "applied";
      case "recordConsent":
        if (client.owner !== org || client.consents.some((c) => c.consentId === change.consent.consentId)) return "rejected";
        client.consents.push({ ...change.consent, withdrawals: [] });
        return "applied";
      case "withdrawConsent": {
        const consent = client.consents.find((c) => c.consentId === change.consentId);
        if (!consent || !this.writesAny(org, client, now)) return "rejected";
        consent.withdrawals.push({ eventId: change.eventId, organisations: change.organisations, categories: change.categories });
        return "applied";
      }
      case "endReadOnly":
        if (client.owner !== org || !this.readsAfterHandover(change.organisation, client, now)) return "rejected";
        client.formerOwners = client.formerOwners.filter((f) => f.org !== change.organisation);
        return "applied";
      case "startHandover":
        return this.startHandover(person, client, change.handover, now);
      case "answerHandover":
        return this.answerHandover(person, client, change, now);
    }
  }

  private startHandover(
    person: ModelPerson,
    client: ModelClient,
    h: Omit<ModelHandover, "outcome" | "events" | "fromOrg">,
    now: number,
  ): "applied" | "rejected" {
    if (client.owner !== person.org || client.sharingEndsAt !== null) return "rejected";
    if (this.openHandover(client)) return "rejected";
    let receiving: OrgId;
    if (h.kind === "closure") {
      receiving = client.owner;
    } else {
      if (h.toUser === person.id) return "rejected";
      const receiverOrg = h.toUser === null ? h.toOrg : (this.people.get(h.toUser) ?? null);
      if (receiverOrg === null) return "rejected";
      receiving = receiverOrg;
      const receiverMay = (category: DataCategory) => receiving === client.owner || this.consented(receiving, client, category, now);
      if (!receiverMay("handovers") || !h.domains.every(receiverMay)) return "rejected";
      if (h.textDomain !== undefined && !(h.textDomain === null ? lifeDomains.every(receiverMay) : receiverMay(h.textDomain))) return "rejected";
    }
    // Every open afspraak decided, once, each carried one to someone who may keep it up.
    const open = [...client.agreements].filter(([, a]) => a.status === "open").map(([id]) => id);
    const decided = h.decisions.map((d) => d.agreementId);
    if (new Set(decided).size !== decided.length || decided.some((id) => !open.includes(id)) || open.some((id) => !decided.includes(id))) return "rejected";
    for (const d of h.decisions) {
      if (d.action !== "carry") continue;
      const ownerOrg = this.people.get(d.newOwnerUser);
      const agreement = client.agreements.get(d.agreementId);
      if (!ownerOrg || !agreement || !this.mayKeepUp(ownerOrg, receiving, client, agreement.domain, now)) return "rejected";
    }
    client.handovers.push({ ...h, fromOrg: person.org, toOrg: h.kind === "closure" ? null : receiving, outcome: null, events: [] });
    if (h.kind === "closure") {
      this.applyDecisions(client, h.decisions);
      client.sharingEndsAt = now + closingPeriodDays * dayMs;
    }
    return "applied";
  }

  private applyDecisions(client: ModelClient, decisions: readonly ModelDecision[]): void {
    for (const d of decisions) {
      const agreement = client.agreements.get(d.agreementId);
      if (agreement?.status !== "open") continue;
      if (d.action === "carry") agreement.ownerUser = d.newOwnerUser;
      else agreement.status = "done";
    }
  }

  private answerHandover(person: ModelPerson, client: ModelClient, change: ModelChange & { kind: "answerHandover" }, now: number): "applied" | "rejected" {
    const h = client.handovers.find((x) => x.id === change.handoverId);
    if (!h || h.kind === "closure" || h.outcome !== null) return "rejected";
    if (!this.writes(person.org, client, "handovers", now)) return "rejected";
    if (h.toUser !== null ? h.toUser !== person.id : h.toOrg !== person.org) return "rejected";
    if (change.answer === "acknowledged") {
      const newOwner = person.org;
      if (client.owner !== h.fromOrg) return "rejected";
      if (newOwner !== client.owner && !this.consented(newOwner, client, "handovers", now)) return "rejected";
      const decisions: ModelDecision[] = [...h.decisions];
      for (const d of h.decisions) {
        const agreement = client.agreements.get(d.agreementId);
        if (d.action !== "carry" || agreement?.status !== "open") continue;
        if (!this.mayKeepUp(this.people.get(d.newOwnerUser) ?? "?", newOwner, client, agreement.domain, now)) return "rejected";
      }
      // An afspraak added since stays with its owner if she can keep it up, else goes to the receiver.
      for (const [id, agreement] of client.agreements) {
        if (agreement.status !== "open" || h.decisions.some((d) => d.agreementId === id)) continue;
        if (!this.mayKeepUp(this.people.get(agreement.ownerUser) ?? "?", newOwner, client, agreement.domain, now)) {
          decisions.push({ agreementId: id, action: "carry", newOwnerUser: person.id });
        }
      }
      if (newOwner !== client.owner) {
        const kept = client.formerOwners.filter((f) => now < f.until && f.org !== newOwner && f.org !== client.owner);
        client.formerOwners = [...kept, { org: client.owner, until: now + defaultReadOnlyDays * dayMs }];
      }
      client.owner = newOwner;
      client.sharingEndsAt = null;
      this.applyDecisions(client, decisions);
    }
    h.outcome = change.answer;
    h.events.push(change.eventId);
    return "applied";
  }

  /**
   * What a device of `org` should hold of these clients after a pull at `now`, one string per
   * record ("collection/id", with what must have reached it: the plan's text, who holds the
   * client and whether she is closed, who owns an afspraak, what of a handover it may read).
   */
  view(org: OrgId, now: number): string[] {
    const keys: string[] = [];
    for (const client of this.clients.values()) {
      if (!this.seesAny(org, client, now)) continue;
      const sees = (category: DataCategory) => this.sees(org, client, category, now);
      keys.push(`clients/${client.id}=${client.owner}:${client.sharingEndsAt === null ? "active" : "closed"}`);
      for (const consent of client.consents) {
        keys.push(`consentEvents/${consent.eventId}`);
        for (const w of consent.withdrawals) keys.push(`consentEvents/${w.eventId}`);
      }
      for (const [domain, situation] of client.plan) {
        if (sees(domain)) keys.push(`planDomains/${planDomainId(client.id, domain)}=${situation}`);
      }
      for (const [id, domain] of client.scores) if (sees(domain)) keys.push(`zrmScores/${id}`);
      for (const [id, a] of client.agreements) if (this.seesAgreement(org, client, a.domain, now)) keys.push(`agreements/${id}=${a.ownerUser}:${a.status}`);
      if (sees("notes")) for (const id of client.notes) keys.push(`notes/${id}`);
      if (sees("handovers")) {
        for (const h of client.handovers) {
          const text = h.textDomain !== undefined && (h.textDomain === null ? lifeDomains.every(sees) : sees(h.textDomain));
          keys.push(`handovers/${h.id}=${h.domains.filter(sees).join(",")}${text ? "+text" : ""}`);
          for (const e of h.events) keys.push(`handoverEvents/${e}`);
        }
      }
    }
    return keys.sort();
  }
}
