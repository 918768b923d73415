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

/** Background → side panel (broadcast): what a tab shows changed, or it shows nothing Naast may read any more. */
export const backgroundEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("context/changed"), context: tabContextSchema }),
  z.object({ type: z.literal("context/cleared"), tabId: z.number().int() }),
]);
export type BackgroundEvent = z.infer<typeof backgroundEventSchema>;

/**
 * Background → content scripts in a tab. A plain type: the content script checks these by hand
 * (content-side.ts), so that no zod is bundled into it.
 */
export type PortalCommand =
  /** Is this frame's script still reading? (a tab's frames come and go) */
  | { type: "portal/ping" }
  /** Stop reading these origins: the adapter was removed, or the browser's permission revoked. */
  | { type: "portal/stop"; origins: string[] };
