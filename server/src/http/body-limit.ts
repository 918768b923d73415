import type { MiddlewareHandler } from "hono";

/** How much of a too-large body is read and thrown away so the client gets its 413 at all. */
const drainAtMost = 16 * 1024 * 1024;

/**
 * Refuses request bodies over `maxBytes` with a 413 in tRPC's error shape. The body is read and
 * discarded first: answering while the client is still sending makes Node close the connection,
 * and the client then sees a broken connection instead of the reason.
 */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = Number(c.req.header("content-length") ?? Number.NaN);
    if (declared <= maxBytes) return next();

    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        // Too large: drain the rest (up to a bound) and answer.
        let drained = size;
        while (drained < drainAtMost) {
          const more = await reader.read();
          if (more.done) break;
          drained += more.value.byteLength;
        }
        await reader.cancel().catch(() => undefined);
        return c.json(
          { error: { message: `request body larger than ${maxBytes} bytes`, code: -32600, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } } },
          413,
        );
      }
      chunks.push(value);
    }
    // Small enough after all (no or a wrong length header): hand the body on.
    c.req.raw = new Request(c.req.raw, { body: new Blob(chunks as BlobPart[]), duplex: "half" } as RequestInit);
    return next();
  };
}
