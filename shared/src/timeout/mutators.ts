import { z } from "zod";
import { addDays } from "../calendar/calendar-day.ts";
import { holderMaySee, yearOf } from "../flexbudget/holder.ts";
import { yearSchema } from "../flexbudget/schema.ts";
import { amountRefusal } from "../money/cents.ts";
import { caseWorkers, defineMutator, MutationRejected } from "../mutators/define.ts";
import { daySchema, idSchema, limits } from "../primitives.ts";
import type { WriteTransaction } from "../store/transaction.ts";
import { maxStayNights, maxTrajectoriesPerYear, type TimeoutSettings, timeoutSettingsId, timeoutTotalsId } from "./schema.ts";
import { beyondTrajectories, deriveStays, nightsBetween, overlappingStay, type Stay, stayCostCents } from "./stays.ts";

async function organisationName(tx: WriteTransaction, organisationId: string): Promise<string> {
  return (await tx.get("organisations", organisationId))?.name ?? organisationId;
}

async function settingsOf(tx: WriteTransaction, year: number): Promise<TimeoutSettings> {
  const settings = await tx.get("timeoutSettings", timeoutSettingsId(year));
  if (!settings) throw new MutationRejected("invalid", "timeout.no-settings", { year });
  return settings;
}

/** The 14-night limit and "ends before it starts", for a proposed or an actual stay. */
function checkLength(from: string, until: string): number {
  const nights = nightsBetween(from, until);
  if (nights <= 0) throw new MutationRejected("invalid", "timeout.ends-before-start");
  if (nights > maxStayNights) throw new MutationRejected("invalid", "timeout.too-long", { nights, max: maxStayNights });
  return nights;
}

function checkOverlap(stays: readonly Stay[], from: string, until: string, except: string | null): void {
  const other = overlappingStay(stays, from, until, except);
  if (other) throw new MutationRejected("conflict", "timeout.overlap", { from: other.from, until: other.until });
}

async function stayOf(tx: WriteTransaction, clientId: string, stayId: string): Promise<{ stay: Stay; stays: Stay[] }> {
  const stays = deriveStays(await tx.listByClient("timeoutEvents", clientId));
  const stay = stays.find((s) => s.id === stayId);
  if (!stay) throw new MutationRejected("not-found", "timeout.not-found");
  return { stay, stays };
}

const base = (args: { id: string; clientId: string; stayId: string }, ctx: { now: string; user: { id: string; organisationId: string } }) => ({
  id: args.id,
  clientId: args.clientId,
  stayId: args.stayId,
  at: ctx.now,
  by: ctx.user.id,
  byOrganisationId: ctx.user.organisationId,
});

/** The holding organisation's coordinator or admin sets the year's day rate and trajectories. */
export const setTimeoutSettings = defineMutator({
  name: "setTimeoutSettings",
  args: z.object({ year: yearSchema, holderOrganisationId: idSchema, dayRateCents: z.number(), trajectoriesPerYear: z.number() }),
  roles: ["coordinator", "admin"],
  requires: (args) => ({ kind: "organisation", organisationId: args.holderOrganisationId }),
  async run(tx, args, ctx) {
    const refused = amountRefusal(args.dayRateCents);
    if (refused) throw MutationRejected.of("invalid", refused);
    if (!Number.isInteger(args.trajectoriesPerYear) || args.trajectoriesPerYear < 0 || args.trajectoriesPerYear > maxTrajectoriesPerYear) {
      throw new MutationRejected("invalid", "timeout.trajectories-invalid", { max: maxTrajectoriesPerYear });
    }
    const existing = await tx.get("timeoutSettings", timeoutSettingsId(args.year));
    if (existing && existing.holderOrganisationId !== args.holderOrganisationId) {
      throw new MutationRejected("forbidden", "timeout.held-by-other", { year: args.year, holder: await organisationName(tx, existing.holderOrganisationId) });
    }
    await tx.put("timeoutSettings", { id: timeoutSettingsId(args.year), ...args, setAt: ctx.now, setBy: ctx.user.id });
    if (!(await tx.get("timeoutTotals", timeoutTotalsId(args.year)))) {
      await tx.put("timeoutTotals", {
        id: timeoutTotalsId(args.year),
        year: args.year,
        holderOrganisationId: args.holderOrganisationId,
        trajectories: 0,
        nights: 0,
        costCents: 0,
      });
    }
  },
});

/** A case manager asks for a time-out stay for her client: why, and from when until when. */
export const requestTimeoutStay = defineMutator({
  name: "requestTimeoutStay",
  args: z.object({
    id: idSchema,
    clientId: idSchema,
    reason: z.string().trim().min(1).max(limits.shortText),
    proposedStart: daySchema,
    proposedEnd: daySchema,
  }),
  roles: caseWorkers,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "timeout" }),
  async run(tx, args, ctx) {
    if (await tx.get("timeoutEvents", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    checkLength(args.proposedStart, args.proposedEnd);
    const year = yearOf(args.proposedStart);
    const settings = await settingsOf(tx, year);
    const client = await tx.get("clients", args.clientId);
    const consents = await tx.listByClient("consentEvents", args.clientId);
    // The holder's coordinator approves it, so she must be able to see it.
    if (!client || !holderMaySee(settings.holderOrganisationId, client, "timeout", consents, ctx.now)) {
      throw new MutationRejected("invalid", "timeout.holder-cannot-see", {
        holder: await organisationName(tx, settings.holderOrganisationId),
        client: client?.alias ?? "",
      });
    }
    checkOverlap(deriveStays(await tx.listByClient("timeoutEvents", args.clientId)), args.proposedStart, args.proposedEnd, null);
    await tx.put("timeoutEvents", {
      ...base({ ...args, stayId: args.id }, ctx),
      type: "requested",
      year,
      reason: args.reason,
      proposedStart: args.proposedStart,
      proposedEnd: args.proposedEnd,
    });
  },
});

/** The holder's coordinator approves or declines; beyond the agreed trajectories it warns, never refuses. */
export const decideTimeoutStay = defineMutator({
  name: "decideTimeoutStay",
  args: z.object({ id: idSchema, clientId: idSchema, stayId: idSchema, approved: z.boolean(), note: z.string().trim().max(limits.shortText) }),
  roles: ["coordinator"],
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "timeout" }),
  async run(tx, args, ctx) {
    if (await tx.get("timeoutEvents", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    const { stay } = await stayOf(tx, args.clientId, args.stayId);
    if (stay.status !== "requested") throw new MutationRejected("conflict", "timeout.not-waiting");
    const settings = await settingsOf(tx, stay.request.year);
    if (settings.holderOrganisationId !== ctx.user.organisationId) {
      throw new MutationRejected("forbidden", "timeout.holder-only", { holder: await organisationName(tx, settings.holderOrganisationId) });
    }
    const totals = await tx.get("timeoutTotals", timeoutTotalsId(stay.request.year));
    const beyond = args.approved && totals !== undefined && beyondTrajectories(totals.trajectories, settings.trajectoriesPerYear);
    await tx.put("timeoutEvents", { ...base(args, ctx), type: "decided", approved: args.approved, note: args.note, beyondTrajectories: beyond });
    if (totals && args.approved) await tx.put("timeoutTotals", { ...totals, trajectories: totals.trajectories + 1 });
  },
});

/** She arrives: the stay starts on this day at this location. */
export const startTimeoutStay = defineMutator({
  name: "startTimeoutStay",
  args: z.object({ id: idSchema, clientId: idSchema, stayId: idSchema, day: daySchema, location: z.string().trim().min(1).max(200) }),
  roles: caseWorkers,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "timeout" }),
  async run(tx, args, ctx) {
    if (await tx.get("timeoutEvents", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    const { stay, stays } = await stayOf(tx, args.clientId, args.stayId);
    if (stay.status !== "approved") throw new MutationRejected("conflict", "timeout.not-approved");
    // Until the real end is known, the planned end counts (at least one night).
    const until = stay.request.proposedEnd > args.day ? stay.request.proposedEnd : addDays(args.day, 1);
    checkOverlap(stays, args.day, until, stay.id);
    await tx.put("timeoutEvents", { ...base(args, ctx), type: "started", day: args.day, location: args.location });
  },
});

/** She leaves: nights and cost are fixed (nights × the year's day rate); at most 14 nights. */
export const endTimeoutStay = defineMutator({
  name: "endTimeoutStay",
  args: z.object({ id: idSchema, clientId: idSchema, stayId: idSchema, day: daySchema }),
  roles: caseWorkers,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "timeout" }),
  async run(tx, args, ctx) {
    if (await tx.get("timeoutEvents", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    const { stay, stays } = await stayOf(tx, args.clientId, args.stayId);
    if (stay.status !== "ongoing" || !stay.started) throw new MutationRejected("conflict", "timeout.not-ongoing");
    const nights = checkLength(stay.started.day, args.day);
    checkOverlap(stays, stay.started.day, args.day, stay.id);
    const settings = await settingsOf(tx, stay.request.year);
    const costCents = stayCostCents(nights, settings.dayRateCents);
    await tx.put("timeoutEvents", { ...base(args, ctx), type: "ended", day: args.day, nights, costCents });
    const totals = await tx.get("timeoutTotals", timeoutTotalsId(stay.request.year));
    if (totals) await tx.put("timeoutTotals", { ...totals, nights: totals.nights + nights, costCents: totals.costCents + costCents });
  },
});
