import { randomUUID } from "node:crypto";
import { type DataCategory, type LifeDomain, type MutationArgs, MutationRejected, type MutatorName, protocolVersion, type RecordOf } from "@naast/shared";
import fc from "fast-check";
import { expect, vi } from "vitest";
import { createApi } from "../../extension/src/sync/api.ts";
import { mutate } from "../../extension/src/sync/mutate.ts";
import { type ModelChange, type ModelDecision, type ModelHandover, ReferenceModel } from "./reference-model.ts";
import { type Device, instanceCount, organisations, people, type World } from "./world.ts";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const domains: LifeDomain[] = ["housing", "finances"];
const categoryPool: DataCategory[] = ["housing", "finances", "agreements", "notes", "handovers"];

interface Sent {
  id: string;
  name: MutatorName;
  args: unknown;
  change: ModelChange;
  status?: "applied" | "rejected";
}

/** The model side of one history: the reference model and what each device has queued and sent. */
export interface HistoryModel {
  model: ReferenceModel;
  queued: Sent[][];
  sent: Sent[][];
  rejected: Set<string>[];
  clientAliases: Map<string, string>;
}

/** The real side: the world (server, devices) and this history's own clients. */
export interface HistoryReal {
  world: World;
  clientIds: Set<string>;
}

export function newHistory(world: World): { model: HistoryModel; real: HistoryReal } {
  const n = world.devices.length;
  deviceNames = world.devices.map((d) => d.name);
  return {
    model: {
      model: new ReferenceModel(new Map(people.map((p) => [p.id, p.org]))),
      queued: Array.from({ length: n }, () => []),
      sent: Array.from({ length: n }, () => []),
      rejected: Array.from({ length: n }, () => new Set()),
      clientAliases: new Map(),
    },
    real: { world, clientIds: new Set() },
  };
}

type Step = fc.AsyncCommand<HistoryModel, HistoryReal>;

/** The history's clients that the device holds now, in a fixed order. */
async function clientsOn(device: Device, real: HistoryReal): Promise<string[]> {
  const rows = await device.db.records.where("collection").equals("clients").primaryKeys();
  return rows
    .map((key) => (Array.isArray(key) ? String(key[1]) : String(key)))
    .filter((id) => real.clientIds.has(id))
    .sort();
}

/** The device's records of this history's clients, in the model's terms (see ReferenceModel.view). */
export async function snapshot(device: Device, real: HistoryReal): Promise<string[]> {
  const rows = await device.db.records.toArray();
  return rows
    .filter((r) => r.clientId !== null && real.clientIds.has(r.clientId))
    .map((r) => `${r.collection}/${r.id}${detail(r.collection, r.data)}`)
    .sort();
}

/** What of a record must have reached the device, as ReferenceModel.view writes it. */
function detail(collection: string, data: unknown): string {
  switch (collection) {
    case "planDomains":
      return `=${(data as RecordOf<"planDomains">).situation}`;
    case "clients": {
      const client = data as RecordOf<"clients">;
      return `=${client.ownerOrganisationId}:${client.status}`;
    }
    case "agreements": {
      const agreement = data as RecordOf<"agreements">;
      return `=${agreement.ownerUserId}:${agreement.status}`;
    }
    case "handovers": {
      const handover = data as RecordOf<"handovers">;
      return `=${handover.domains.map((d) => d.domain).join(",")}${handover.text !== "" ? "+text" : ""}`;
    }
    default:
      return "";
  }
}

/**
 * A change made on a device, as the panel makes it: applied on the device and queued, or refused
 * there by the same rules (then nothing is queued, and the step says so).
 */
abstract class DeviceChange implements Step {
  note = "";
  constructor(public device: number) {}
  check = () => true;
  protected abstract describe(): string;
  /** The change to make, or null when the device has nothing to make it on. */
  protected abstract build(m: HistoryModel, r: HistoryReal): Promise<{ name: MutatorName; args: unknown; change: ModelChange } | null>;

  async run(m: HistoryModel, r: HistoryReal): Promise<void> {
    // fast-check runs the same step objects again while shrinking: what they print is this run's.
    this.note = "";
    const device = r.world.devices[this.device] as Device;
    const built = await this.build(m, r);
    if (!built) {
      this.note = " (nothing to do it on)";
      count(`${this.constructor.name}: nothing to do it on`);
      return;
    }
    let id: string;
    // The device's clock shows the server's time (the test moves the server's clock days on; a
    // real device's clock moves with the world's): only while the change is made on the device,
    // since sessions and the servers in this process keep the wall clock.
    vi.useFakeTimers({ toFake: ["Date"], now: r.world.now() });
    try {
      id = await mutate(built.name as MutatorName, built.args as MutationArgs<MutatorName>, device.db);
    } catch (error) {
      if (!(error instanceof MutationRejected)) throw error;
      this.note = ` (refused on the device: ${error.refusal.code})`;
      count(`${built.name}: refused on the device (${error.refusal.code})`);
      return;
    } finally {
      vi.useRealTimers();
    }
    m.queued[this.device]?.push({ id, ...built });
  }

  toString(): string {
    return `${deviceName(this.device)}: ${this.describe()}${this.note}`;
  }
}

let deviceNames: string[] = [];

/**
 * How often each kind of change got each outcome over the run ("startHandover: applied"), and
 * how often a change was refused on the device or had nothing to work on: printed by the test
 * with NAAST_MODEL_STATS=1 (and by the long profile), to see that the histories reach the rules.
 */
export const outcomes = new Map<string, number>();
const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
const deviceName = (i: number) => deviceNames[i] ?? `device ${i}`;
const aliasOf = (m: HistoryModel, clientId: string) => m.clientAliases.get(clientId) ?? clientId;

export class CreateClient extends DeviceChange {
  alias = "";
  protected describe() {
    return `creates client ${this.alias}`;
  }
  protected async build(m: HistoryModel, r: HistoryReal) {
    const id = `client-${randomUUID()}`;
    this.alias = `C${m.clientAliases.size + 1}`;
    m.clientAliases.set(id, this.alias);
    r.clientIds.add(id);
    return {
      name: "createClient" as const,
      args: { id, alias: this.alias, birthYear: 1990, epdClientId: null },
      change: { kind: "createClient", clientId: id } as const,
    };
  }
}

/** A change on one of the clients the device holds, picked by `pick`. */
abstract class ClientChange extends DeviceChange {
  target = "?";
  constructor(
    device: number,
    readonly pick: number,
  ) {
    super(device);
  }
  protected abstract buildFor(clientId: string, m: HistoryModel, r: HistoryReal): Promise<{ name: MutatorName; args: unknown; change: ModelChange } | null>;
  /** The clients it may pick from: those the device holds (a holder's change: those its organisation holds, if any). */
  protected candidates(device: Device, r: HistoryReal): Promise<string[]> {
    return clientsOn(device, r);
  }
  protected async build(m: HistoryModel, r: HistoryReal) {
    this.target = "?";
    const clients = await this.candidates(r.world.devices[this.device] as Device, r);
    const clientId = clients[this.pick % Math.max(1, clients.length)];
    if (!clientId) return null;
    this.target = aliasOf(m, clientId);
    return this.buildFor(clientId, m, r);
  }
}

class EditPlan extends ClientChange {
  constructor(
    device: number,
    pick: number,
    readonly domain: LifeDomain,
  ) {
    super(device, pick);
  }
  protected describe() {
    return `edits the ${this.domain} plan of ${this.target}`;
  }
  protected async buildFor(clientId: string) {
    const situation = `situatie ${randomUUID().slice(0, 8)}`;
    return {
      name: "updatePlanDomain" as const,
      args: { clientId, domain: this.domain, situation },
      change: { kind: "editPlan", clientId, domain: this.domain, situation } as const,
    };
  }
}

export class AddAgreement extends ClientChange {
  constructor(
    device: number,
    pick: number,
    readonly domain: LifeDomain | null,
  ) {
    super(device, pick);
  }
  protected describe() {
    return `adds an afspraak ${this.domain ? `on ${this.domain}` : "without a life domain"} for ${this.target}`;
  }
  protected async buildFor(clientId: string, _m: HistoryModel, r: HistoryReal) {
    const agreementId = randomUUID();
    const ownerUserId = (r.world.devices[this.device] as Device).session.user.id;
    return {
      name: "addAgreement" as const,
      args: { id: agreementId, clientId, domain: this.domain, text: "Samen naar de woningcorporatie", ownerUserId, dueDate: "2027-01-15" },
      change: { kind: "addAgreement", clientId, agreementId, domain: this.domain } as const,
    };
  }
}

export class AddNote extends ClientChange {
  protected describe() {
    return `writes a note on ${this.target}`;
  }
  protected async buildFor(clientId: string) {
    const noteId = randomUUID();
    return {
      name: "addNote" as const,
      args: { id: noteId, clientId, text: `Gesprek ${noteId.slice(0, 8)}`, correctsNoteId: null },
      change: { kind: "addNote", clientId, noteId } as const,
    };
  }
}

/** The holder closes the client (sharing ends after the period after closing) or reopens her. */
export class SetStatus extends ClientChange {
  protected override candidates(device: Device, r: HistoryReal) {
    return heldByOwnOrganisation(device, r);
  }
  constructor(
    device: number,
    pick: number,
    readonly status: "closed" | "active",
  ) {
    super(device, pick);
  }
  protected describe() {
    return `${this.status === "closed" ? "closes" : "reopens"} ${this.target}`;
  }
  protected async buildFor(clientId: string) {
    return {
      name: "setClientStatus" as const,
      args: { clientId, status: this.status },
      change: { kind: "setStatus", clientId, status: this.status } as const,
    };
  }
}

const validities = {
  "a year": { fromHours: -1, days: 365 },
  "one day": { fromHours: -1, days: 1 },
  "from tomorrow": { fromHours: 24, days: 200 },
} as const;
type Validity = keyof typeof validities;

export class RecordConsent extends ClientChange {
  protected override candidates(device: Device, r: HistoryReal) {
    return heldByOwnOrganisation(device, r);
  }
  constructor(
    device: number,
    pick: number,
    readonly to: number[],
    readonly categories: DataCategory[],
    readonly validity: Validity,
  ) {
    super(device, pick);
  }
  protected describe() {
    const names = this.to.map((i) => organisations[i]?.name).join("+");
    return `records consent of ${this.target} for ${names}: ${this.categories.join(", ")}, ${this.validity}`;
  }
  protected async buildFor(clientId: string, _m: HistoryModel, r: HistoryReal) {
    const { fromHours, days } = validities[this.validity];
    const validFrom = r.world.now() + fromHours * hourMs;
    const validUntil = validFrom + days * dayMs;
    const consentId = `consent-${randomUUID()}`;
    const eventId = `${consentId}-r`;
    const grantedTo = this.to.map((i) => organisations[i]?.id as string);
    return {
      name: "recordConsent" as const,
      args: {
        id: eventId,
        clientId,
        consentId,
        grantedTo,
        categories: this.categories,
        purpose: "stapteam-coordination",
        purposeNote: "",
        form: "verbal",
        validFrom: new Date(validFrom).toISOString(),
        validUntil: new Date(validUntil).toISOString(),
      },
      change: { kind: "recordConsent", clientId, consent: { consentId, eventId, grantedTo, categories: this.categories, validFrom, validUntil } } as const,
    };
  }
}

class WithdrawConsent extends ClientChange {
  constructor(
    device: number,
    pick: number,
    readonly consentPick: number,
    readonly from: number[] | null,
    readonly categories: DataCategory[] | null,
  ) {
    super(device, pick);
  }
  protected describe() {
    const orgs = this.from ? this.from.map((i) => organisations[i]?.name).join("+") : "everyone";
    return `withdraws consent of ${this.target} from ${orgs}${this.categories ? ` for ${this.categories.join(", ")}` : ""}`;
  }
  protected async buildFor(clientId: string, _m: HistoryModel, r: HistoryReal) {
    const device = r.world.devices[this.device] as Device;
    const events = await device.db.records.where("[collection+clientId]").equals(["consentEvents", clientId]).toArray();
    const consentIds = events
      .map((e) => e.data as RecordOf<"consentEvents">)
      .filter((e) => e.type === "recorded")
      .map((e) => e.consentId)
      .sort();
    const consentId = consentIds[this.consentPick % Math.max(1, consentIds.length)];
    if (!consentId) return null;
    const eventId = `withdrawal-${randomUUID()}`;
    const organisationIds = this.from?.map((i) => organisations[i]?.id as string) ?? null;
    return {
      name: "withdrawConsent" as const,
      args: { id: eventId, clientId, consentId, organisations: organisationIds, categories: this.categories, reason: "De cliënt wil het niet meer." },
      change: { kind: "withdrawConsent", clientId, eventId, consentId, organisations: organisationIds, categories: this.categories } as const,
    };
  }
}

export class RecordScore extends ClientChange {
  constructor(
    device: number,
    pick: number,
    readonly domain: LifeDomain,
    readonly score: number,
  ) {
    super(device, pick);
  }
  protected describe() {
    return `scores ${this.target}'s ${this.domain} ${this.score} on the ZRM`;
  }
  protected async buildFor(clientId: string) {
    const scoreId = randomUUID();
    return {
      name: "recordZrmScore" as const,
      args: { id: scoreId, clientId, domain: this.domain, score: this.score, assessedOn: "2026-12-01" },
      change: { kind: "recordScore", clientId, scoreId, domain: this.domain } as const,
    };
  }
}

/** The history's clients the device holds that its organisation holds too (as far as it knows), else all it holds. */
async function heldByOwnOrganisation(device: Device, r: HistoryReal): Promise<string[]> {
  const all = await clientsOn(device, r);
  const own: string[] = [];
  for (const id of all) {
    const row = await device.db.records.get(["clients", id]);
    if ((row?.data as RecordOf<"clients"> | undefined)?.ownerOrganisationId === device.org) own.push(id);
  }
  return own.length > 0 ? own : all;
}

/** Records of one collection the device holds for a client. */
async function held<C extends "agreements" | "handovers" | "handoverEvents">(device: Device, collection: C, clientId: string): Promise<RecordOf<C>[]> {
  const rows = await device.db.records.where("[collection+clientId]").equals([collection, clientId]).toArray();
  return rows.map((row) => row.data as RecordOf<C>);
}

type HandoverTarget = { kind: "colleague"; colleague: number } | { kind: "organisation"; org: number; person: boolean } | { kind: "closure" };
/** What the writer decides for the open afspraken: close them, carry them to the receiver, or keep them herself. */
type DecisionStyle = "close" | "to the receiver" | "to me";

/**
 * The holder hands a client over, as the panel's form would send it: to a colleague (a person of
 * her organisation), to an organisation (anyone there, or a person named), or out of Naast
 * (closure). It describes some life domains, may have a free text about one (or "algemeen"), and
 * decides every open afspraak the device knows of.
 */
export class StartHandover extends DeviceChange {
  target = "?";
  constructor(
    device: number,
    readonly pick: number,
    readonly to: HandoverTarget,
    readonly domains: LifeDomain[],
    readonly textDomain: LifeDomain | null | undefined,
    readonly style: DecisionStyle,
  ) {
    super(device);
  }
  private receiverName = "";
  protected describe() {
    const text = this.textDomain === undefined ? "" : `, a note about ${this.textDomain ?? "everything (algemeen)"}`;
    return `hands ${this.target} over ${this.receiverName} (${this.domains.join(", ") || "no life domain"}${text}; open afspraken ${this.style === "close" ? "closed" : `carried ${this.style}`})`;
  }
  protected async build(m: HistoryModel, r: HistoryReal) {
    this.target = "?";
    this.receiverName = "";
    const device = r.world.devices[this.device] as Device;
    const clients = await heldByOwnOrganisation(device, r);
    const clientId = clients[this.pick % Math.max(1, clients.length)];
    if (!clientId) return null;
    this.target = aliasOf(m, clientId);
    let toUserId: string | null = null;
    let toOrganisationId: string | null = null;
    let receiver: string = device.userId;
    if (this.to.kind === "colleague") {
      const colleagues = people.filter((p) => p.org === device.org && p.id !== device.userId);
      toUserId = (colleagues[this.to.colleague % Math.max(1, colleagues.length)] ?? { id: device.userId }).id;
      receiver = toUserId;
      this.receiverName = `to colleague ${toUserId}`;
    } else if (this.to.kind === "organisation") {
      const org = organisations[this.to.org % organisations.length] as (typeof organisations)[number];
      toOrganisationId = org.id;
      const first = people.find((p) => p.org === org.id) as (typeof people)[number];
      receiver = first.id;
      if (this.to.person) toUserId = first.id;
      this.receiverName = `to ${org.name}${this.to.person ? ` (${first.id})` : ""}`;
    } else {
      this.receiverName = "out of Naast (closure)";
    }
    const open = (await held(device, "agreements", clientId)).filter((a) => a.status === "open").sort((a, b) => a.id.localeCompare(b.id));
    const decisions = open.map((a) =>
      this.style === "close"
        ? ({ agreementId: a.id, action: "done" } as const)
        : ({ agreementId: a.id, action: "carry", newOwnerUserId: this.style === "to me" ? device.userId : receiver } as const),
    );
    const id = randomUUID();
    const handover: Omit<ModelHandover, "outcome" | "events" | "fromOrg"> = {
      id,
      kind: this.to.kind,
      toUser: toUserId,
      toOrg: toOrganisationId,
      domains: this.domains,
      textDomain: this.textDomain,
      decisions: decisions.map(
        (d): ModelDecision => (d.action === "carry" ? { agreementId: d.agreementId, action: "carry", newOwnerUser: d.newOwnerUserId } : d),
      ),
    };
    return {
      name: "startHandover" as const,
      args: {
        id,
        clientId,
        kind: this.to.kind,
        toUserId,
        toOrganisationId,
        toExternal: null,
        domains: this.domains.map((domain) => ({ domain, score: null, situation: `Over ${domain}` })),
        risks: "",
        whatWorks: "",
        network: [],
        agreements: decisions,
        text: this.textDomain === undefined ? "" : "Zie de afspraken.",
        sectionDomains: { risks: null, whatWorks: null, text: this.textDomain ?? null },
        correctsHandoverId: null,
      },
      change: { kind: "startHandover", clientId, handover } as const,
    };
  }
}

/**
 * A handover's receiver acknowledges or declines it: the device's user, on a handover the device
 * holds with no answer yet; or (`device` null) the first device, from `pick` on, that holds one
 * addressed to its user or her organisation (so that answers come up often enough).
 */
export class AnswerHandover extends DeviceChange {
  target = "?";
  constructor(
    readonly chosenDevice: number | null,
    readonly pick: number,
    readonly answer: "acknowledged" | "declined",
  ) {
    super(chosenDevice ?? 0);
  }
  protected describe() {
    return `${this.answer === "acknowledged" ? "acknowledges" : "declines"} the handover of ${this.target}`;
  }
  override async run(m: HistoryModel, r: HistoryReal): Promise<void> {
    if (this.chosenDevice === null) {
      const n = r.world.devices.length;
      this.device = this.pick % n;
      for (let k = 0; k < n; k++) {
        const i = (this.pick + k) % n;
        const device = r.world.devices[i] as Device;
        if ((await this.waiting(device, r)).some((w) => w.forMe)) {
          this.device = i;
          break;
        }
      }
    }
    await super.run(m, r);
  }
  private async waiting(device: Device, r: HistoryReal) {
    const waiting: Array<{ clientId: string; handoverId: string; forMe: boolean }> = [];
    for (const clientId of await clientsOn(device, r)) {
      const answered = new Set((await held(device, "handoverEvents", clientId)).filter((e) => e.type !== "message").map((e) => e.handoverId));
      for (const h of await held(device, "handovers", clientId)) {
        if (h.kind === "closure" || answered.has(h.id)) continue;
        const forMe = h.toUserId !== null ? h.toUserId === device.userId : h.toOrganisationId === device.org;
        waiting.push({ clientId, handoverId: h.id, forMe });
      }
    }
    return this.chosenDevice === null ? waiting.filter((w) => w.forMe) : waiting;
  }
  protected async build(m: HistoryModel, r: HistoryReal) {
    this.target = "?";
    const device = r.world.devices[this.device] as Device;
    const waiting = await this.waiting(device, r);
    const chosen = waiting[this.pick % Math.max(1, waiting.length)];
    if (!chosen) return null;
    this.target = aliasOf(m, chosen.clientId);
    const id = randomUUID();
    const change = { kind: "answerHandover", clientId: chosen.clientId, handoverId: chosen.handoverId, eventId: id, answer: this.answer } as const;
    return this.answer === "acknowledged"
      ? { name: "acknowledgeHandover" as const, args: { id, clientId: chosen.clientId, handoverId: chosen.handoverId }, change }
      : {
          name: "declineHandover" as const,
          args: { id, clientId: chosen.clientId, handoverId: chosen.handoverId, reason: "Past niet in mijn caseload." },
          change,
        };
  }
}

/** The holder ends an organisation's read-only access after a handover early, as the client asks. */
class EndReadOnly extends ClientChange {
  protected override candidates(device: Device, r: HistoryReal) {
    return heldByOwnOrganisation(device, r);
  }
  constructor(
    device: number,
    pick: number,
    readonly org: number,
  ) {
    super(device, pick);
  }
  protected describe() {
    return `ends ${organisations[this.org]?.name}'s read-only access to ${this.target}`;
  }
  protected async buildFor(clientId: string) {
    const organisation = organisations[this.org]?.id as string;
    return {
      name: "endReadOnlyAccess" as const,
      args: { clientId, organisationId: organisation },
      change: { kind: "endReadOnly", clientId, organisation } as const,
    };
  }
}

/** A server instance stops and starts again on the same file: what it kept in memory is gone. */
export class RestartServer implements Step {
  constructor(readonly instance: number) {}
  check = () => true;
  async run(_m: HistoryModel, r: HistoryReal): Promise<void> {
    await r.world.restart(this.instance);
  }
  toString() {
    return `server instance ${this.instance} restarts`;
  }
}

/**
 * The device pushes what it queued and pulls, through server instance `instance`. The model
 * applies the same changes at the server's moment; then the device must hold exactly what its
 * organisation may see now, and have had exactly the refusals the model predicts.
 */
export class Sync implements Step {
  note = "";
  constructor(
    readonly device: number,
    readonly instance = 0,
  ) {}
  check = () => true;
  async run(m: HistoryModel, r: HistoryReal): Promise<void> {
    this.note = "";
    const device = r.world.devices[this.device] as Device;
    if (device.offline) {
      this.note = " (offline: nothing happens)";
      return;
    }
    await r.world.route(device, this.instance);
    const now = r.world.now();
    const queued = m.queued[this.device] ?? [];
    for (const sent of queued) {
      sent.status = m.model.apply({ id: device.userId, org: device.org }, sent.change, now);
      if (sent.status === "rejected") m.rejected[this.device]?.add(sent.id);
      count(`${sent.name}: ${sent.status}${sent.change.kind === "answerHandover" ? ` (${sent.change.answer})` : ""}`);
      m.sent[this.device]?.push(sent);
    }
    queued.length = 0;
    await device.engine.syncNow();
    await expectConverged(device, m, r, this.device);
  }
  toString() {
    return `${deviceName(this.device)} syncs${instanceCount > 1 ? ` through instance ${this.instance}` : ""}${this.note}`;
  }
}

/** Every device that is online syncs, one after the other, as the live signal makes them do. */
export class SyncAll implements Step {
  constructor(readonly instance: number) {}
  check = () => true;
  async run(m: HistoryModel, r: HistoryReal): Promise<void> {
    for (const [i] of r.world.devices.entries()) await new Sync(i, (this.instance + i) % instanceCount).run(m, r);
  }
  toString() {
    return `every device online syncs (through instance ${this.instance} first, then alternating)`;
  }
}

/** The device's store equals the model's view for its organisation now; its refusals are the model's. */
export async function expectConverged(device: Device, m: HistoryModel, r: HistoryReal, index: number): Promise<void> {
  expect(await device.db.getMeta("syncStatus"), `${device.name} synced without error`).toMatchObject({ lastError: null });
  expect(await device.db.outbox.count(), `${device.name} has sent everything`).toBe(0);
  const mine = new Set((m.sent[index] ?? []).map((s) => s.id));
  const refused = (await device.db.rejections.toArray()).map((x) => x.id).filter((id) => mine.has(id));
  expect(refused.sort(), `${device.name}'s refused changes`).toEqual([...(m.rejected[index] ?? [])].sort());
  expect(await snapshot(device, r), `what ${device.name} holds`).toEqual(m.model.view(device.org, r.world.now()));
}

class SetOffline implements Step {
  constructor(
    readonly device: number,
    readonly offline: boolean,
  ) {}
  check = () => true;
  async run(_m: HistoryModel, r: HistoryReal): Promise<void> {
    (r.world.devices[this.device] as Device).offline = this.offline;
  }
  toString() {
    return `${deviceName(this.device)} goes ${this.offline ? "offline" : "online"}`;
  }
}

/** A change the device sent before, sent again with the same id: the server answers as the first time, and nothing changes. */
class Replay implements Step {
  note = "";
  constructor(
    readonly device: number,
    readonly pick: number,
    readonly instance = 0,
  ) {}
  check = () => true;
  async run(m: HistoryModel, r: HistoryReal): Promise<void> {
    this.note = "";
    const device = r.world.devices[this.device] as Device;
    const sent = m.sent[this.device] ?? [];
    const again = sent[this.pick % Math.max(1, sent.length)];
    if (!again || device.offline) {
      this.note = device.offline ? " (offline: nothing happens)" : " (nothing sent yet)";
      return;
    }
    this.note = ` (${again.name}, through instance ${this.instance})`;
    await r.world.route(device, this.instance);
    const api = createApi(device.session.serverUrl, device.session.token);
    const { results } = await api.sync.push.mutate({
      protocolVersion,
      clientGroupId: device.session.clientGroupId,
      mutations: [{ id: again.id, name: again.name, args: again.args }],
    });
    expect(
      results.map((x) => x.status),
      `the replayed ${again.name} is answered as the first time`,
    ).toEqual([again.status]);
  }
  toString() {
    return `${deviceName(this.device)} sends an earlier change again${this.note}`;
  }
}

export class AdvanceClock implements Step {
  constructor(readonly hours: number) {}
  check = () => true;
  async run(_m: HistoryModel, r: HistoryReal): Promise<void> {
    r.world.advance(this.hours * hourMs);
  }
  toString() {
    return `the clock moves ${this.hours} hours on`;
  }
}

/** Every step a history is made of, with how often each comes up. */
export function stepArbitraries(world: World): fc.Arbitrary<Step>[] {
  deviceNames = world.devices.map((d) => d.name);
  const device = fc.nat({ max: world.devices.length - 1 });
  const pick = fc.nat({ max: 7 });
  const domain = fc.constantFrom(...domains);
  const instance = fc.nat({ max: instanceCount - 1 });
  const handoverTarget: fc.Arbitrary<HandoverTarget> = fc.oneof(
    fc.nat({ max: 3 }).map((colleague) => ({ kind: "colleague" as const, colleague })),
    fc.tuple(fc.nat({ max: organisations.length - 1 }), fc.boolean()).map(([org, person]) => ({ kind: "organisation" as const, org, person })),
    fc.tuple(fc.nat({ max: organisations.length - 1 }), fc.boolean()).map(([org, person]) => ({ kind: "organisation" as const, org, person })),
    fc.constant({ kind: "closure" as const }),
  );
  const orgs = fc.uniqueArray(fc.nat({ max: organisations.length - 1 }), { minLength: 1, maxLength: organisations.length });
  const categories = fc.uniqueArray(fc.constantFrom(...categoryPool), { minLength: 1, maxLength: categoryPool.length });
  // Weighted by repetition: clients to work on, and syncs that carry the changes, come up most.
  return [
    device.map((d) => new CreateClient(d)),
    device.map((d) => new CreateClient(d)),
    fc.tuple(device, pick, domain).map(([d, p, x]) => new EditPlan(d, p, x)),
    fc.tuple(device, pick, fc.option(domain, { nil: null })).map(([d, p, x]) => new AddAgreement(d, p, x)),
    fc.tuple(device, pick, domain, fc.integer({ min: 1, max: 5 })).map(([d, p, x, score]) => new RecordScore(d, p, x, score)),
    fc.tuple(device, pick).map(([d, p]) => new AddNote(d, p)),
    ...[1, 2].map(() => fc.tuple(device, pick, fc.constantFrom<"closed" | "active">("closed", "closed", "active")).map(([d, p, s]) => new SetStatus(d, p, s))),
    ...[1, 2].map(() =>
      fc
        .tuple(device, pick, orgs, categories, fc.constantFrom<Validity>("a year", "one day", "from tomorrow"))
        .map(([d, p, o, c, v]) => new RecordConsent(d, p, o, c, v)),
    ),
    fc
      .tuple(device, pick, pick, fc.option(orgs, { nil: null }), fc.option(categories, { nil: null }))
      .map(([d, p, cp, o, c]) => new WithdrawConsent(d, p, cp, o, c)),
    ...[1, 2, 3].map(() =>
      fc
        .tuple(
          device,
          pick,
          handoverTarget,
          fc.uniqueArray(domain, { maxLength: domains.length }),
          fc.option(fc.option(domain, { nil: null }), { nil: undefined }),
          fc.constantFrom<DecisionStyle>("close", "to the receiver", "to me"),
        )
        .map(([d, p, to, ds, text, style]) => new StartHandover(d, p, to, ds, text, style)),
    ),
    ...[1, 2, 3].map(() =>
      fc
        .tuple(device, pick, fc.constantFrom<"acknowledged" | "declined">("acknowledged", "acknowledged", "declined"))
        .map(([d, p, a]) => new AnswerHandover(d, p, a)),
    ),
    fc.tuple(device, pick, fc.nat({ max: organisations.length - 1 })).map(([d, p, o]) => new EndReadOnly(d, p, o)),
    ...[1, 2, 3, 4, 5, 6].map(() => fc.tuple(device, instance).map(([d, i]) => new Sync(d, i))),
    ...[1, 2].map(() => instance.map((i) => new SyncAll(i))),
    fc.tuple(device, fc.boolean()).map(([d, off]) => new SetOffline(d, off)),
    fc.tuple(device, pick, instance).map(([d, p, i]) => new Replay(d, p, i)),
    instance.map((i) => new RestartServer(i)),
    fc.constantFrom(12, 36).map((h) => new AdvanceClock(h)),
    // Past the period after closing, so closed clients leave the other organisations' devices.
    fc.constant(31 * 24).map((h) => new AdvanceClock(h)),
  ];
}

/** How a history begins: from nothing, or with a shared client of each organisation on every device. */
export const beginnings = ["from nothing", "three shared clients", "three shared clients, one handed over"] as const;
export type Beginning = (typeof beginnings)[number];

/**
 * The steps of a beginning (printed with the history): for "three shared clients", the first
 * device of each organisation creates a client and records consent for the two others, for every
 * category the histories use, for a year; then every device syncs. "One handed over": then
 * Iriszorg's first device hands its client to LDH (housing, a note about housing, afspraken to
 * the receiver) and every device syncs again, so the history starts with a handover to answer.
 */
export function beginningSteps(beginning: Beginning, world: World): Step[] {
  if (beginning === "from nothing") return [];
  const steps: Step[] = [];
  for (const [o, org] of organisations.entries()) {
    const d = world.devices.findIndex((x) => x.org === org.id);
    const others = organisations.map((_, i) => i).filter((i) => i !== o);
    steps.push(new CreateClient(d), new RecordConsent(d, 0, others, categoryPool, "a year"), new Sync(d, 0));
  }
  for (const [d] of world.devices.entries()) steps.push(new Sync(d, d % instanceCount));
  if (beginning === "three shared clients, one handed over") {
    steps.push(new StartHandover(0, 0, { kind: "organisation", org: 1, person: false }, ["housing"], "housing", "to the receiver"));
    for (const [d] of world.devices.entries()) steps.push(new Sync(d, (d + 1) % instanceCount));
  }
  return steps;
}

/**
 * The end of every history: all devices online, each pushes and pulls, then each pulls once more
 * (so it hears what the later ones sent); then every device holds exactly its organisation's view.
 */
export async function quiesce(m: HistoryModel, r: HistoryReal): Promise<void> {
  for (const device of r.world.devices) device.offline = false;
  for (let round = 0; round < 2; round++) {
    for (const [i] of r.world.devices.entries()) await new Sync(i, (i + round) % instanceCount).run(m, r);
  }
}
