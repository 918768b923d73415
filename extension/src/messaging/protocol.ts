import { portalAdapterSchema } from "@naast/shared";
import { z } from "zod";

/**
 * Every message between the extension's parts. The background accepts only these shapes, and
 * only from its own pages and content scripts (see sender.ts).
 */
export const detectedClientSchema = z.object({
  adapterId: z.string().min(1).max(300),
  epdClientId: z.string().trim().min(1).max(100).nullable(),
});
export type DetectedClient = z.infer<typeof detectedClientSchema>;

/** Content script → background. */
export const contentMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("portal/which-adapter"), url: z.string().max(4_000) }),
  z.object({ type: z.literal("portal/client-detected"), detected: detectedClientSchema }),
]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;

/** Side panel → background. */
export const panelMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("context/get"), tabId: z.number().int().nullable() }),
  z.object({ type: z.literal("sync/now") }),
  z.object({ type: z.literal("session/changed") }),
]);
export type PanelMessage = z.infer<typeof panelMessageSchema>;

/** What a tab shows: which portal, which EPD client (null: none open). */
export const tabContextSchema = z.object({
  tabId: z.number().int(),
  adapterId: z.string(),
  organisationId: z.string(),
  portalName: z.string(),
  epdClientId: z.string().nullable(),
});
export type TabContext = z.infer<typeof tabContextSchema>;

/** Background → side panel (broadcast). */
export const backgroundEventSchema = z.object({ type: z.literal("context/changed"), context: tabContextSchema });
export type BackgroundEvent = z.infer<typeof backgroundEventSchema>;

export const adapterReplySchema = portalAdapterSchema.nullable();
