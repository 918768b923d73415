import {
  amountCell,
  type CountCell,
  countCell,
  expensePurposes,
  type Figures,
  type FiguresPeriod,
  figuresSchema,
  type Group,
  handoverKinds,
  type LinkedGroup,
  outflowReasons,
  quartersOf,
  statisticCell,
  suppressAmounts,
  suppressLinked,
  zrmDomains,
} from "@naast/shared";
import type { Services } from "../services.ts";
import { type FiguresQuery, figuresQueries } from "./queries.ts";

/** A row as read, by column name. */
type Fields = Record<string, unknown>;
type Rows = Record<Exclude<FiguresQuery, "clients"> | "activeClients" | "instroom" | "uitstroom" | "consent", Fields[]>;
/** An empty answer reads as zeros. */
const none: Partial<Record<string, unknown>> = {};

const num = (value: unknown): number => (typeof value === "number" ? value : typeof value === "bigint" ? Number(value) : Number(value ?? 0));
const text = (value: unknown): string => (typeof value === "string" ? value : String(value ?? ""));

/** Every query in one read transaction: the figures describe one moment of the database. */
async function runQueries(services: Services, period: FiguresPeriod): Promise<Rows> {
  const names = Object.keys(figuresQueries) as FiguresQuery[];
  const results = await services.database.client.batch(
    names.map((name) => ({ sql: figuresQueries[name], args: { from: period.from, to: period.to } })),
    "read",
  );
  const read = Object.fromEntries(names.map((name, i) => [name, (results[i]?.rows ?? []) as Fields[]])) as Record<FiguresQuery, Fields[]>;
  // The clients are read once, in parts (queries.ts); each part as the rows its figure reads.
  const { clients, ...rest } = read;
  const part = (name: string) => clients.filter((r) => r.part === name);
  return {
    ...rest,
    activeClients: part("active").map((r) => ({ organisation: r.a, n: r.n, monitoring: r.m })),
    instroom: part("instroom").map((r) => ({ quarter: r.a, n: r.n })),
    uitstroom: part("uitstroom").map((r) => ({ reason: r.a, quarter: r.b, n: r.n })),
    consent: part("consent").map((r) => ({ total: r.n, with_consent: r.m })),
  };
}

/** A series per quarter whose total is the flow `name`'s total (published in its own table too). */
function perQuarter(name: string, quarters: readonly string[], rows: readonly Fields[]): LinkedGroup {
  return {
    rows: quarters.map((q) => ({ id: `${name}@${q}`, value: rows.filter((r) => text(r.quarter) === q).reduce((sum, r) => sum + num(r.n), 0) })),
    totalId: name,
  };
}

/** A flow by `column` (reason, kind), with the same total as its series per quarter. */
function byKey(name: string, keys: readonly string[], rows: readonly Fields[], column: string): LinkedGroup {
  return {
    rows: keys.map((k) => ({ id: `${name}:${k}`, value: rows.filter((r) => text(r[column]) === k).reduce((sum, r) => sum + num(r.n), 0) })),
    totalId: name,
  };
}

const keyed = <K extends string>(keys: readonly K[], group: Group<CountCell>) => ({
  rows: keys.map((key, i) => ({ key, count: group.rows[i] ?? 0 })),
  total: group.total,
});

/**
 * The municipality's figures for a period, computed in the database and suppressed here: what
 * this returns is all that leaves the server (parsed with `figuresSchema`, which refuses a count
 * of 1 to 4). No client id, roepnaam or free text is read into it.
 */
export async function computeFigures(services: Services, period: FiguresPeriod): Promise<Figures> {
  const rows = await runQueries(services, period);
  const quarters = quartersOf(period);

  // Every care organisation has a row (a 0 says something too); the municipality holds clients only in monitoring.
  const organisations = rows.organisations.map((o) => ({ id: text(o.id), name: text(o.name), kind: text(o.kind) }));
  const holders = organisations
    .filter((o) => o.kind === "care" || rows.activeClients.some((r) => text(r.organisation) === o.id))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  const monitoring = rows.activeClients.reduce((sum, r) => sum + num(r.monitoring), 0);
  const consentRow = rows.consent[0] ?? none;
  const withConsent = num(consentRow.with_consent);
  const consentTotal = num(consentRow.total);

  // The counts, suppressed together: the same quantity in two tables (the active clients are the
  // total of the consent table; each flow's total is that of its series per quarter) is hidden in
  // both, so no table gives away what another hid (shared/src/figures/suppress.ts, suppressLinked).
  const zrmRows = (domain: string) => rows.zrm.find((r) => text(r.domain) === domain);
  const [active, consent, instroom, uitstroomByReason, uitstroomQuarters, handoversByKind, handoverQuarters, ...zrmGroups] = suppressLinked([
    { rows: holders.map((o) => ({ id: `active:${o.id}`, value: num(rows.activeClients.find((r) => text(r.organisation) === o.id)?.n) })), totalId: "active" },
    {
      rows: [
        { id: "consent:with", value: withConsent },
        { id: "consent:without", value: consentTotal - withConsent },
      ],
      totalId: "active",
    },
    perQuarter("instroom", quarters, rows.instroom),
    byKey("uitstroom", outflowReasons, rows.uitstroom, "reason"),
    perQuarter("uitstroom", quarters, rows.uitstroom),
    byKey("handovers", handoverKinds, rows.handovers, "kind"),
    perQuarter("handovers", quarters, rows.handovers),
    ...zrmDomains.map((domain) => ({
      rows: (["improved", "same", "worsened"] as const).map((k) => ({ id: `zrm:${domain}:${k}`, value: num(zrmRows(domain)?.[k]) })),
      totalId: `zrm:${domain}`,
    })),
  ]);
  if (!active || !consent || !instroom || !uitstroomByReason || !uitstroomQuarters || !handoversByKind || !handoverQuarters)
    throw new Error("figures groups missing");

  const ended = rows.timeoutEnded[0] ?? none;
  const endedPeople = num(ended.people);

  const spentRows = rows.flexbudgetSpent.filter((r) => r.purpose !== null);
  const spentTotal = rows.flexbudgetSpent.find((r) => r.purpose === null) ?? none;
  const spent = suppressAmounts(
    expensePurposes.map((p) => {
      const row = spentRows.find((r) => text(r.purpose) === p);
      return { value: num(row?.cents), people: num(row?.people) };
    }),
    { value: num(spentTotal.cents), people: num(spentTotal.people) },
  );

  const asked = rows.consentAsked[0] ?? none;
  const answered = rows.escalationsAnswered[0] ?? none;

  const figures: Figures = {
    period: { from: period.from, to: period.to },
    computedAt: services.clock.nowIso(),
    activeClients: { rows: holders.map((o, i) => ({ key: o.name, count: active.rows[i] ?? 0 })), total: active.total },
    instroom: instroom.total,
    uitstroom: keyed(outflowReasons, uitstroomByReason),
    handovers: keyed(handoverKinds, handoversByKind),
    monitoring: countCell(monitoring),
    escalations: {
      opened: countCell(num(rows.escalationsOpened[0]?.n)),
      resolved: countCell(num(answered.resolved)),
      medianDaysToAnswer: statisticCell(answered.median === null || answered.median === undefined ? null : num(answered.median), num(answered.answered), 1),
    },
    timeout: {
      trajectories: countCell(num(rows.timeoutApproved[0]?.n)),
      nights: amountCell(num(ended.nights), endedPeople),
      costCents: amountCell(num(ended.cost), endedPeople),
    },
    flexbudget: {
      budgetCents: num(rows.flexbudgets[0]?.cents),
      spent: { rows: expensePurposes.map((key, i) => ({ key, cents: spent.rows[i] ?? 0 })), total: spent.total },
    },
    consent: {
      withConsent: consent.rows[0] ?? 0,
      withoutConsent: consent.rows[1] ?? 0,
      total: consent.total,
      // A share would give a hidden "with" or "without" away: shown only beside both counts.
      share:
        typeof consent.rows[0] === "number" && typeof consent.rows[1] === "number"
          ? statisticCell(consentTotal === 0 ? null : (100 * withConsent) / consentTotal, consentTotal, 0)
          : "<5",
      asked: countCell(num(asked.asked)),
      given: countCell(num(asked.given)),
    },
    zrm: zrmDomains.map((domain, d) => {
      const row = zrmRows(domain);
      const clients = num(row?.clients);
      const change = zrmGroups[d] ?? { rows: [], total: 0 };
      return {
        domain,
        clients: change.total,
        meanChange: statisticCell(row ? num(row.mean) : null, clients, 2),
        improved: change.rows[0] ?? 0,
        same: change.rows[1] ?? 0,
        worsened: change.rows[2] ?? 0,
      };
    }),
    flows: { quarters, instroom: instroom.rows, uitstroom: uitstroomQuarters.rows, handovers: handoverQuarters.rows },
  };
  // The schema refuses a count of 1 to 4: a slip in the suppression above fails here, on the server.
  return figuresSchema.parse(figures);
}
