import { z } from "zod";
import { idSchema, instantSchema } from "../primitives.ts";
import { checkMatchPattern } from "./match.ts";
import { checkPattern } from "./pattern.ts";

/**
 * How to recognise the open client in an organisation's EPD portal. Data, not code, so that
 * adding a real EPD is configuration on the server rather than a new extension release. The id
 * may stand in the address, in an attribute of an element, in visible text ("Cliëntnummer:
 * 123456"), or in the page title; each pattern reads it with its one capturing group.
 */
export const clientIdSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("url"), pattern: z.string().min(1).max(500) }),
  z.object({ kind: z.literal("dom"), selector: z.string().min(1).max(300), attribute: z.string().min(1).max(100) }),
  /** Visible text of the element `selector` finds (the whole page when null), line by line. */
  z.object({ kind: z.literal("text"), pattern: z.string().min(1).max(500), selector: z.string().min(1).max(300).nullable() }),
  z.object({ kind: z.literal("title"), pattern: z.string().min(1).max(500) }),
]);
export type ClientIdSource = z.infer<typeof clientIdSourceSchema>;

/** An adapter as it syncs. Lenient on purpose: a device must still read one saved before a rule tightened. */
export const portalAdapterSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  displayName: z.string().min(1).max(100),
  /** A WebExtension match pattern, e.g. "http://127.0.0.1:5171/*". */
  matchPattern: z.string().min(1).max(300),
  clientId: clientIdSourceSchema,
  /** Set when an admin removed it: the extension stops reading that portal and gives up its access. */
  removedAt: instantSchema.nullable().optional(),
});
export type PortalAdapter = z.infer<typeof portalAdapterSchema>;

/**
 * An adapter as an admin saves it: the match pattern follows the WebExtension rules and names one
 * portal, and every pattern is bounded (pattern.ts). The server checks this; the reader checks the
 * patterns again before it runs them.
 */
export const newPortalAdapterSchema = portalAdapterSchema.superRefine((adapter, ctx) => {
  const matchProblem = checkMatchPattern(adapter.matchPattern);
  if (matchProblem) ctx.addIssue({ code: "custom", path: ["matchPattern"], message: matchProblem });
  const source = adapter.clientId;
  const pattern = source.kind === "dom" ? null : source.pattern;
  const patternProblem = pattern === null ? null : checkPattern(pattern);
  if (patternProblem) ctx.addIssue({ code: "custom", path: ["clientId", "pattern"], message: patternProblem });
});
