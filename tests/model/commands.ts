import { randomUUID } from "node:crypto";
import { type DataCategory, type LifeDomain, type MutationArgs, MutationRejected, type MutatorName, protocolVersion, type RecordOf } from "@naast/shared";
import fc from "fast-check";
import { expect } from "vitest";
import { createApi } from "../../extension/src/sync/api.ts";
import { mutate } from "../../extension/src/sync/mutate.ts";
import { type ModelChange, ReferenceModel } from "./reference-model.ts";
import { type Device, organisations, type World } from "./world.ts";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const domains: LifeDomain[] = ["housing", "finances"];
const categoryPool: DataCategory[] = ["housing", "finances", "agreements", "notes"];

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
  return {
    model: {
      model: new ReferenceModel(),
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
    .map((r) => (r.collection === "planDomains" ? `planDomains/${r.id}=${(r.data as RecordOf<"planDomains">).situation}` : `${r.collection}/${r.id}`))
    .sort();
}

/**
 * A change made on a device, as the panel makes it: applied on the device and queued, or refused
 * there by the same rules (then nothing is queued, and the step says so).
 */
abstract class DeviceChange implements Step {
  note = "";
  constructor(readonly device: number) {}
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
      return;
    }
    let id: string;
    try {
      id = await mutate(built.name as MutatorName, built.args as MutationArgs<MutatorName>, device.db);
    } catch (error) {
      if (!(error instanceof MutationRejected)) throw error;
      this.note = ` (refused on the device: ${error.refusal.code})`;
      return;
    }
    m.queued[this.device]?.push({ id, ...built });
  }

  toString(): string {
    return `${deviceName(this.device)}: ${this.describe()}${this.note}`;
  }
}

let deviceNames: string[] = [];
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
  protected async build(m: HistoryModel, r: HistoryReal) {
    this.target = "?";
    const clients = await clientsOn(r.world.devices[this.device] as Device, r);
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

class AddAgreement extends ClientChange {
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

/**
 * The device pushes what it queued and pulls. The model applies the same changes at the server's
 * moment; then the device must hold exactly what its organisation may see now, and have had
 * exactly the refusals the model predicts.
 */
export class Sync implements Step {
  note = "";
  constructor(readonly device: number) {}
  check = () => true;
  async run(m: HistoryModel, r: HistoryReal): Promise<void> {
    this.note = "";
    const device = r.world.devices[this.device] as Device;
    if (device.offline) {
      this.note = " (offline: nothing happens)";
      return;
    }
    const now = r.world.now();
    const queued = m.queued[this.device] ?? [];
    for (const sent of queued) {
      sent.status = m.model.apply(device.org, sent.change, now);
      if (sent.status === "rejected") m.rejected[this.device]?.add(sent.id);
      m.sent[this.device]?.push(sent);
    }
    queued.length = 0;
    await device.engine.syncNow();
    await expectConverged(device, m, r, this.device);
  }
  toString() {
    return `${deviceName(this.device)} syncs${this.note}`;
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
    this.note = ` (${again.name})`;
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
    r.world.server.services.clock.advance(this.hours * hourMs);
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
  const orgs = fc.uniqueArray(fc.nat({ max: organisations.length - 1 }), { minLength: 1, maxLength: organisations.length });
  const categories = fc.uniqueArray(fc.constantFrom(...categoryPool), { minLength: 1, maxLength: categoryPool.length });
  // Weighted by repetition: clients to work on, and syncs that carry the changes, come up most.
  return [
    device.map((d) => new CreateClient(d)),
    device.map((d) => new CreateClient(d)),
    fc.tuple(device, pick, domain).map(([d, p, x]) => new EditPlan(d, p, x)),
    fc.tuple(device, pick, fc.option(domain, { nil: null })).map(([d, p, x]) => new AddAgreement(d, p, x)),
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
    ...[1, 2, 3, 4, 5].map(() => device.map((d) => new Sync(d))),
    fc.tuple(device, fc.boolean()).map(([d, off]) => new SetOffline(d, off)),
    fc.tuple(device, pick).map(([d, p]) => new Replay(d, p)),
    fc.constantFrom(12, 36).map((h) => new AdvanceClock(h)),
    // Past the period after closing, so closed clients leave the other organisations' devices.
    fc.constant(31 * 24).map((h) => new AdvanceClock(h)),
  ];
}

/**
 * The end of every history: all devices online, each pushes and pulls, then each pulls once more
 * (so it hears what the later ones sent); then every device holds exactly its organisation's view.
 */
export async function quiesce(m: HistoryModel, r: HistoryReal): Promise<void> {
  for (const device of r.world.devices) device.offline = false;
  for (let round = 0; round < 2; round++) {
    for (const [i] of r.world.devices.entries()) await new Sync(i).run(m, r);
  }
}
