import { z } from "zod";
import { yearSchema } from "../flexbudget/schema.ts";
import { totalCentsSchema } from "../money/cents.ts";
import { daySchema, idSchema, instantSchema, limits } from "../primitives.ts";

/** "Per jaar 6 trajecten van maximaal 2 weken": the Stapteam's agreed numbers, the defaults of a year. */
export const maxStayNights = 14;
export const defaultTrajectoriesPerYear = 6;
/** A sanity bound on the trajectories agreed for a year. */
export const maxTrajectoriesPerYear = 1000;

/**
 * The time-out voorziening of one year: which organisation runs it (the route goes via Iriszorg),
 * the day rate ("Beschermd Wonen licht", €139.27 in 2023) and how many trajectories were agreed.
 * No client data: every signed-in colleague sees it.
 */
export const timeoutSettingsSchema = z.object({
  id: idSchema,
  year: yearSchema,
  holderOrganisationId: idSchema,
  dayRateCents: totalCentsSchema,
  trajectoriesPerYear: z.number().int().min(0).max(maxTrajectoriesPerYear),
  setAt: instantSchema,
  setBy: idSchema,
});
export type TimeoutSettings = z.infer<typeof timeoutSettingsSchema>;

/** The holder's aggregate of a year: only its own organisation receives it. */
export const timeoutTotalsSchema = z.object({
  id: idSchema,
  year: yearSchema,
  holderOrganisationId: idSchema,
  /** Stays approved this year (the 7th of 6 is warned about, not refused). */
  trajectories: z.number().int().nonnegative(),
  /** Nights and cost of the stays that ended. */
  nights: z.number().int().nonnegative(),
  costCents: totalCentsSchema,
});
export type TimeoutTotals = z.infer<typeof timeoutTotalsSchema>;

export const timeoutSettingsId = (year: number) => `timeout:${year}`;
export const timeoutTotalsId = (year: number) => `timeout-totals:${year}`;

const eventBase = {
  id: idSchema,
  clientId: idSchema,
  stayId: idSchema,
  at: instantSchema,
  by: idSchema,
  byOrganisationId: idSchema,
};

/** A case manager asks for a stay: who (the client), why, from when until when. */
export const stayRequestedSchema = z.object({
  ...eventBase,
  type: z.literal("requested"),
  year: yearSchema,
  reason: z.string().trim().min(1).max(limits.shortText),
  proposedStart: daySchema,
  proposedEnd: daySchema,
});

/** The holder's coordinator approves or declines; a 7th trajectory in the year carries a warning. */
export const stayDecidedSchema = z.object({
  ...eventBase,
  type: z.literal("decided"),
  approved: z.boolean(),
  note: z.string().trim().max(limits.shortText),
  beyondTrajectories: z.boolean(),
});

export const stayStartedSchema = z.object({
  ...eventBase,
  type: z.literal("started"),
  day: daySchema,
  location: z.string().trim().min(1).max(200),
});

export const stayEndedSchema = z.object({
  ...eventBase,
  type: z.literal("ended"),
  day: daySchema,
  nights: z.number().int().positive().max(maxStayNights),
  costCents: totalCentsSchema,
});

/** A stay is an append-only log of what happened to it, like a consent. */
export const timeoutEventSchema = z.discriminatedUnion("type", [stayRequestedSchema, stayDecidedSchema, stayStartedSchema, stayEndedSchema]);
export type TimeoutEvent = z.infer<typeof timeoutEventSchema>;
export type StayRequested = z.infer<typeof stayRequestedSchema>;
export type StayDecided = z.infer<typeof stayDecidedSchema>;
export type StayStarted = z.infer<typeof stayStartedSchema>;
export type StayEnded = z.infer<typeof stayEndedSchema>;
