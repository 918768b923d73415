import type { BackgroundEvent, ContentMessage, PanelMessage } from "./protocol.ts";

/** Every message one part of the extension sends another (protocol.ts): a misspelt type does not compile. */
export type Message = ContentMessage | PanelMessage | BackgroundEvent;

/** Sends a message to the extension's other parts. The reply is unparsed: the caller parses it with its schema. */
export function send(message: Message): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

/** Sends, and settles either way: nobody listening (a sleeping background, no panel open) is no failure here. */
export function notify(message: Message): Promise<void> {
  return send(message).then(
    () => undefined,
    () => undefined,
  );
}
