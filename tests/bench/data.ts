import { type CollectionName, lifeDomains, type RecordOf } from "@naast/shared";

/** A deterministic generator (mulberry32): the same seed gives the same data in every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  "cliënt gesprek woning schulden budgetbeheer afspraak huisarts nachtopvang wijkteam uitkering " +
  "begeleiding dagbesteding verslaving terugval medicatie contact moeder zus netwerk vrijwilligerswerk " +
  "aanvraag beschermd wonen bewindvoering gemeente politie reclassering huisbezoek telefonisch gezien " +
  "rustig gespannen afgesproken volgende week samen naar het loket formulier ingevuld sleutel kamer " +
  "onderzoek psychiater wachtlijst inkomen boete regeling toeslag zorgverzekering eten slapen structuur"
).split(" ");

/** Plausible Dutch-looking case notes of roughly `chars` characters. */
export function text(rnd: () => number, chars: number): string {
  const out: string[] = [];
  let length = 0;
  let sentence = 0;
  while (length < chars) {
    const word = words[Math.floor(rnd() * words.length)] ?? "gesprek";
    const piece = sentence === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    sentence += 1;
    const end = sentence > 6 && rnd() < 0.2;
    out.push(end ? `${piece}.` : piece);
    if (end) sentence = 0;
    length += piece.length + 1;
  }
  return `${out.join(" ").slice(0, Math.max(1, chars)).trimEnd()}.`;
}

/** A size between `min` and `max`, log-uniform: many short records, some long ones. */
const logUniform = (rnd: () => number, min: number, max: number) => Math.round(Math.exp(Math.log(min) + rnd() * (Math.log(max) - Math.log(min))));

export interface GeneratedRecord {
  collection: CollectionName;
  record: RecordOf<CollectionName>;
}

export interface CaseloadOptions {
  organisationId: string;
  responsibleUserId: string;
  /** Prefix for every id, so two caseloads never collide. */
  prefix: string;
  clients: number;
  /** Records per client, the client record included (at least 1 + 13 plan domains). */
  recordsPerClient: number;
  seed: number;
  /** Serialised size of the plan domains, agreements and notes, in bytes (approximate). */
  minBytes: number;
  maxBytes: number;
}

const base = Date.parse("2025-03-01T09:00:00.000Z");
const instant = (rnd: () => number) => new Date(base + Math.floor(rnd() * 300 * 86_400_000)).toISOString();
const day = (rnd: () => number) => instant(rnd).slice(0, 10);

/**
 * An organisation's caseload as the app would hold it: per client her record, a plan domain per
 * life domain, agreements and notes, with serialised sizes between minBytes and maxBytes.
 */
export function caseload(options: CaseloadOptions): GeneratedRecord[] {
  const { organisationId, responsibleUserId, prefix, clients, recordsPerClient, seed, minBytes, maxBytes } = options;
  const rnd = random(seed);
  const out: GeneratedRecord[] = [];
  const agreementsPerClient = Math.min(8, Math.max(0, recordsPerClient - 1 - lifeDomains.length));
  const notesPerClient = Math.max(0, recordsPerClient - 1 - lifeDomains.length - agreementsPerClient);
  for (let c = 0; c < clients; c++) {
    const clientId = `${prefix}-client-${c}`;
    const createdAt = instant(rnd);
    const client: RecordOf<"clients"> = {
      id: clientId,
      alias: `Cliënt ${prefix} ${c}`,
      birthYear: 1950 + Math.floor(rnd() * 55),
      ownerOrganisationId: organisationId,
      responsibleUserId,
      status: "active",
      formerOwners: [],
      covenants: [],
      closure: null,
      createdAt,
      updatedAt: createdAt,
    };
    out.push({ collection: "clients", record: client });
    for (const domain of lifeDomains) {
      // ~180 bytes of JSON around the two texts; situation and goal share the rest.
      const size = Math.max(2, logUniform(rnd, minBytes, maxBytes) - 180);
      const situationChars = Math.min(4_900, Math.max(1, Math.round(size * 0.65)));
      const goalChars = Math.min(4_900, Math.max(1, size - situationChars));
      const plan: RecordOf<"planDomains"> = {
        id: `${clientId}:${domain}`,
        clientId,
        domain,
        situation: text(rnd, situationChars),
        goal: text(rnd, goalChars),
        updatedAt: instant(rnd),
        updatedBy: responsibleUserId,
      };
      out.push({ collection: "planDomains", record: plan });
    }
    for (let a = 0; a < agreementsPerClient; a++) {
      // Agreement texts are short by schema (≤ 500): these stay near the low end of the range.
      const agreement: RecordOf<"agreements"> = {
        id: `${clientId}-agreement-${a}`,
        clientId,
        domain: lifeDomains[Math.floor(rnd() * lifeDomains.length)] ?? "housing",
        text: text(rnd, Math.min(490, Math.max(40, logUniform(rnd, minBytes, maxBytes) - 330))),
        ownerUserId: responsibleUserId,
        ownerOrganisationId: organisationId,
        dueDate: day(rnd),
        status: "open",
        createdAt: instant(rnd),
        createdBy: responsibleUserId,
        closedAt: null,
        closedBy: null,
        cancelReason: null,
        escalationId: null,
      };
      out.push({ collection: "agreements", record: agreement });
    }
    for (let n = 0; n < notesPerClient; n++) {
      const note: RecordOf<"notes"> = {
        id: `${clientId}-note-${n}`,
        clientId,
        text: text(rnd, Math.max(10, logUniform(rnd, minBytes, maxBytes) - 190)),
        authorUserId: responsibleUserId,
        authorOrganisationId: organisationId,
        createdAt: instant(rnd),
        correctsNoteId: null,
        contactAt: null,
        contactType: "unknown",
        noShow: false,
      };
      note.contactAt = note.createdAt;
      out.push({ collection: "notes", record: note });
    }
  }
  return out;
}

export interface SizeSummary {
  records: number;
  totalBytes: number;
  minBytes: number;
  medianBytes: number;
  maxBytes: number;
  /** Share of records whose JSON is between 0.5 and 5 KB. */
  shareInRange: number;
}

export function sizes(records: readonly GeneratedRecord[]): SizeSummary {
  const lengths = records.map((r) => Buffer.byteLength(JSON.stringify(r.record))).sort((a, b) => a - b);
  const inRange = lengths.filter((l) => l >= 500 && l <= 5_000).length;
  return {
    records: lengths.length,
    totalBytes: lengths.reduce((a, b) => a + b, 0),
    minBytes: lengths[0] ?? 0,
    medianBytes: lengths[Math.floor(lengths.length / 2)] ?? 0,
    maxBytes: lengths.at(-1) ?? 0,
    shareInRange: lengths.length === 0 ? 0 : inRange / lengths.length,
  };
}
