import { z } from "zod";
import { closeReasons } from "../client/schema.ts";
import { expensePurposes } from "../flexbudget/schema.ts";
import { handoverKinds } from "../handover/schema.ts";
import { zrmDomains } from "../plan/domains.ts";
import { daySchema, instantSchema } from "../primitives.ts";

/** The longest period one request may cover: accountability is per quarter or year, a few years at most. */
export const maxPeriodDays = 5 * 366;

/** A chosen period, both days included. */
export const figuresPeriodSchema = z
  .object({ from: daySchema, to: daySchema })
  .refine((p) => p.from <= p.to, { message: "from after to", path: ["to"] })
  .refine((p) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 < maxPeriodDays, { message: "period too long", path: ["to"] });
export type FiguresPeriod = z.infer<typeof figuresPeriodSchema>;

/**
 * A published count: 0 or at least 5, "<5" or "x" (suppress.ts). The schema itself refuses 1 to 4,
 * and the server parses its answer with it, so a small number cannot leave the server by mistake.
 */
export const countCellSchema = z.union([
  z
    .number()
    .int()
    .refine((n) => n === 0 || n >= 5, "a count of 1 to 4 is never published"),
  z.literal("<5"),
  z.literal("x"),
]);
/** Cents or nights; "<5": fewer than 5 people behind it. */
export const amountCellSchema = z.union([z.number().int().nonnegative(), z.literal("<5"), z.literal("x")]);
/** A mean, median or percentage over at least 5 people, or "<5". */
export const statisticCellSchema = z.union([z.number(), z.literal("<5")]);

const countGroup = <K extends z.ZodType>(key: K) => z.object({ rows: z.array(z.object({ key, count: countCellSchema })), total: countCellSchema });

/** Why a client left, as the figures group it: a closing reason, or where a handover out of Naast took her. */
export const outflowReasons = [...closeReasons, "unknown"] as const;

/** The quarters of the period, for the bar chart of flows: each series with the period's total beside it. */
export const quarterSeriesSchema = z.object({
  quarters: z.array(z.string().regex(/^\d{4}-Q[1-4]$/)),
  instroom: z.array(countCellSchema),
  uitstroom: z.array(countCellSchema),
  handovers: z.array(countCellSchema),
});

export const escalationFiguresSchema = z.object({
  opened: countCellSchema,
  resolved: countCellSchema,
  medianDaysToAnswer: statisticCellSchema,
});

/**
 * The municipality's figures for one period (issue 16): counts of flows, stays and money, with no
 * person in them. No id, roepnaam or free text; organisations by name (they are no persons).
 */
export const figuresSchema = z.object({
  period: z.object({ from: daySchema, to: daySchema }),
  computedAt: instantSchema,
  /** Clients held at some moment of the period, per holding organisation (its name). */
  activeClients: countGroup(z.string()),
  instroom: countCellSchema,
  uitstroom: countGroup(z.enum(outflowReasons)),
  /** Handovers that took effect in the period: acknowledged inside Naast, or written when leaving it. */
  handovers: countGroup(z.enum(handoverKinds)),
  /** Clients of the period whose status is monitoring now. */
  monitoring: countCellSchema,
  /** Opened and resolved in the period; the median calendar days from submitted to answered, of those answered in it. Null from an older server. */
  escalations: escalationFiguresSchema.nullable(),
  timeout: z.object({
    /** Stays approved in the period. */
    trajectories: countCellSchema,
    /** Nights and cost of the stays that ended in the period. */
    nights: amountCellSchema,
    costCents: amountCellSchema,
  }),
  flexbudget: z.object({
    /** The budgets of the years the period touches (public money), summed. */
    budgetCents: z.number().int().nonnegative(),
    spent: z.object({ rows: z.array(z.object({ key: z.enum(expensePurposes), cents: amountCellSchema })), total: amountCellSchema }),
  }),
  consent: z.object({
    /** Of the clients active in the period: with a consent in force at its end, and without. */
    withConsent: countCellSchema,
    withoutConsent: countCellSchema,
    total: countCellSchema,
    /** Percentage with a consent. */
    share: statisticCellSchema,
    /** Clients asked for consent in the period (a consent recorded or a conversation written down), and of them who gave one. */
    asked: countCellSchema,
    given: countCellSchema,
  }),
  /** The ZRM change per domain, first to latest score in the period, of clients scored at least twice in it. */
  zrm: z.array(
    z.object({
      domain: z.enum(zrmDomains),
      clients: countCellSchema,
      meanChange: statisticCellSchema,
      improved: countCellSchema,
      same: countCellSchema,
      worsened: countCellSchema,
    }),
  ),
  flows: quarterSeriesSchema,
});
export type Figures = z.infer<typeof figuresSchema>;
