import { z } from "zod";
import { idSchema } from "../primitives.ts";

/**
 * How to recognise the open client in an organisation's EPD portal. Data, not code, so that
 * adding a real EPD is configuration on the server rather than a new extension release.
 */
export const clientIdSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("url"), pattern: z.string().min(1).max(500) }),
  z.object({ kind: z.literal("dom"), selector: z.string().min(1).max(300), attribute: z.string().min(1).max(100) }),
]);

export const portalAdapterSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  displayName: z.string().min(1).max(100),
  /** A WebExtension match pattern, e.g. "http://127.0.0.1:5171/*". */
  matchPattern: z.string().min(1).max(300),
  clientId: clientIdSourceSchema,
});
export type PortalAdapter = z.infer<typeof portalAdapterSchema>;
