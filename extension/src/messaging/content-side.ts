import type { ClientIdSource, PortalAdapter } from "@naast/shared/portal/schema";
import type { PortalCommand } from "./protocol.ts";

/**
 * What the content script reads of the messages it receives, checked by hand: it runs on every
 * portal page load, and zod (its schemas built when the script starts) was most of its size and
 * CPU (tests/bench/README.md, figure 7). The zod checks stay where the data comes in: the
 * background parses every adapter with the shared portalAdapterSchema before it answers, and the
 * content script's own messages with contentMessageSchema where it receives them. These checks
 * only keep a malformed reply (an error answer, say) from being read as an adapter.
 */

/** What the content script needs of an adapter: whose it is, and how to read the client id. */
export type ReadingAdapter = Pick<PortalAdapter, "id" | "clientId">;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === "string" && value.length > 0;

function clientIdSource(value: unknown): ClientIdSource | null {
  if (!isRecord(value)) return null;
  switch (value.kind) {
    case "url":
    case "title":
      return isText(value.pattern) ? { kind: value.kind, pattern: value.pattern } : null;
    case "dom":
      return isText(value.selector) && isText(value.attribute) ? { kind: "dom", selector: value.selector, attribute: value.attribute } : null;
    case "text":
      return isText(value.pattern) && (value.selector === null || isText(value.selector))
        ? { kind: "text", pattern: value.pattern, selector: value.selector }
        : null;
    default:
      return null;
  }
}

/** The background's answer to portal/which-adapter: the adapter for this page, or null (none, or not an adapter). */
export function adapterFromReply(reply: unknown): ReadingAdapter | null {
  if (!isRecord(reply) || !isText(reply.id)) return null;
  const clientId = clientIdSource(reply.clientId);
  return clientId ? { id: reply.id, clientId } : null;
}

/** A command from the background (background.ts, portal/platform.ts), or null for anything else. */
export function portalCommandFrom(message: unknown): PortalCommand | null {
  if (!isRecord(message)) return null;
  if (message.type === "portal/ping") return { type: "portal/ping" };
  if (message.type === "portal/stop" && Array.isArray(message.origins) && message.origins.every((o) => typeof o === "string")) {
    return { type: "portal/stop", origins: message.origins };
  }
  return null;
}
