import { z } from "zod";
import { defineMutator } from "../mutators/define.ts";
import type { Role, SessionUser } from "../organisation/schema.ts";
import { idSchema, instantSchema } from "../primitives.ts";

/**
 * An organisation's own overview settings: after how many days without contact a client shows in
 * Te doen (the issue: "14 dagen of meer, een instelling per organisatie"). No client data; only
 * that organisation's devices receive it.
 */
export const noContactDaysSchema = z.number().int().min(1).max(365);
export const overviewSettingsSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  noContactDays: noContactDaysSchema,
  setAt: instantSchema,
  setBy: idSchema,
});
export type OverviewSettingsRecord = z.infer<typeof overviewSettingsSchema>;

export const overviewSettingsId = (organisationId: string) => `overview:${organisationId}`;

/** Who sets them: the organisation's coordinator or its admin. */
const settingsRoles: readonly Role[] = ["coordinator", "admin"];
export const mayChangeOverviewSettings = (user: Pick<SessionUser, "role">): boolean => settingsRoles.includes(user.role);

export const setOverviewSettings = defineMutator({
  name: "setOverviewSettings",
  args: z.object({ organisationId: idSchema, noContactDays: noContactDaysSchema }),
  roles: settingsRoles,
  requires: (args) => ({ kind: "organisation", organisationId: args.organisationId }),
  async run(tx, args, ctx) {
    await tx.put("overviewSettings", { id: overviewSettingsId(args.organisationId), ...args, setAt: ctx.now, setBy: ctx.user.id });
  },
});
