/** A device's live stream (`/events`), read as the extension reads it: with fetch and the bearer token. */
export interface Stream {
  /** Resolves when the stream has said "ready". */
  ready: Promise<void>;
  /** The events it saw ("event: data"), once the server closed it. */
  closed: Promise<string[]>;
  /** How long after opening it closed (ms). */
  closedAfter: Promise<number>;
  isOpen(): boolean;
}

export function openStream(url: string, token: string): Stream {
  const opened = Date.now();
  let ready: () => void = () => {};
  const readyPromise = new Promise<void>((r) => {
    ready = r;
  });
  const closed = (async () => {
    const response = await fetch(`${url}/events`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.body) throw new Error("no stream");
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.includes("event: ready")) ready();
    }
    return [...text.matchAll(/^event: (\w+)\ndata: ?(.*)$/gm)].map((m) => `${m[1]}: ${m[2]}`.trim());
  })();
  let open = true;
  void closed.finally(() => {
    open = false;
  });
  return { ready: readyPromise, closed, closedAfter: closed.then(() => Date.now() - opened), isOpen: () => open };
}
