import type { Row } from "@libsql/client";
import {
  amountCell,
  countCell,
  expensePurposes,
  type Figures,
  type FiguresPeriod,
  figuresSchema,
  handoverKinds,
  outflowReasons,
  quartersOf,
  statisticCell,
  suppressAmounts,
  suppressCounts,
  zrmDomains,
} from "@naast/shared";
import type { Services } from "../services.ts";
import { type FiguresQuery, figuresQueries } from "./queries.ts";

type Rows = Record<FiguresQuery, Row[]>;
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
  return Object.fromEntries(names.map((name, i) => [name, results[i]?.rows ?? []])) as Rows;
}

/** A series per quarter, with the period's total beside it, suppressed as one group. */
function perQuarter(quarters: readonly string[], rows: readonly Row[]) {
  const values = quarters.map((q) => rows.filter((r) => text(r.quarter) === q).reduce((sum, r) => sum + num(r.n), 0));
  return suppressCounts(values);
}

function byKey<K extends string>(keys: readonly K[], rows: readonly Row[], column: string) {
  const values = keys.map((k) => rows.filter((r) => text(r[column]) === k).reduce((sum, r) => sum + num(r.n), 0));
  const group = suppressCounts(values);
  return { rows: keys.map((key, i) => ({ key, count: group.rows[i] ?? 0 })), total: group.total };
}

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
  const active = suppressCounts(holders.map((o) => num(rows.activeClients.find((r) => text(r.organisation) === o.id)?.n)));
  const monitoring = rows.activeClients.reduce((sum, r) => sum + num(r.monitoring), 0);

  const instroom = perQuarter(quarters, rows.instroom);
  const uitstroomQuarters = perQuarter(quarters, rows.uitstroom);
  const handoverQuarters = perQuarter(quarters, rows.handovers);

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

  const consentRow = rows.consent[0] ?? none;
  const withConsent = num(consentRow.with_consent);
  const consentTotal = num(consentRow.total);
  const consent = suppressCounts([withConsent, consentTotal - withConsent]);
  const asked = rows.consentAsked[0] ?? none;
  const answered = rows.escalationsAnswered[0] ?? none;

  const figures: Figures = {
    period: { from: period.from, to: period.to },
    computedAt: services.clock.nowIso(),
    activeClients: { rows: holders.map((o, i) => ({ key: o.name, count: active.rows[i] ?? 0 })), total: active.total },
    instroom: instroom.total,
    uitstroom: byKey(outflowReasons, rows.uitstroom, "reason"),
    handovers: byKey(handoverKinds, rows.handovers, "kind"),
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
    zrm: zrmDomains.map((domain) => {
      const row = rows.zrm.find((r) => text(r.domain) === domain);
      const clients = num(row?.clients);
      const change = suppressCounts([num(row?.improved), num(row?.same), num(row?.worsened)]);
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
