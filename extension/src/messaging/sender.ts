/**
 * Whom the background listens to. A web page cannot message the extension unless the manifest
 * says so (it does not), but a compromised or foreign content script might: so the id is checked,
 * and content messages must come from a tab, panel messages from an extension page.
 */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export function isOwnExtensionPage(sender: MessageSender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && (sender.url ?? "").startsWith(extensionOrigin);
}

export function isOwnContentScript(sender: MessageSender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.tab?.id === "number" && !(sender.url ?? "").startsWith(extensionOrigin);
}
