import { type BackgroundEvent, backgroundEventSchema } from "./protocol.ts";

/**
 * Whom the background listens to. A web page cannot message the extension unless the manifest
 * says so (it does not), but a compromised or foreign content script might: so the id is checked,
 * and content messages must come from a tab, panel messages from an extension page.
 */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** Which frame of the tab sent it (0: the page itself); a portal's dossier may be a frame. */
  frameId?: number;
}

export function isOwnExtensionPage(sender: MessageSender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && (sender.url ?? "").startsWith(extensionOrigin);
}

export function isOwnContentScript(sender: MessageSender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.tab?.id === "number" && !(sender.url ?? "").startsWith(extensionOrigin);
}

/**
 * What the panel listens to: a background event, only from the extension's own background or
 * pages. A content script's runtime.sendMessage reaches every extension page too, so without
 * this a portal page (or a script in it) could make the panel show another client.
 */
export function backgroundEventFrom(message: unknown, sender: MessageSender, extensionId: string, extensionOrigin: string): BackgroundEvent | null {
  if (!isOwnExtensionPage(sender, extensionId, extensionOrigin)) return null;
  const parsed = backgroundEventSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}
