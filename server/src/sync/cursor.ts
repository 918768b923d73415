import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The pull cursor: `<change seq>.<visible-set hash>.<signature>`. The signature (HMAC over the
 * user, the client group, the seq and the hash, with a key only the server has) makes a cursor
 * the server did not issue, to this device, worthless: a crafted `0.<her own hash>` would ask
 * for every change since the beginning. See docs/decisions/0010-signed-pull-cursor.md.
 */
export interface Cursor {
  seq: number;
  hash: string;
}

interface Binding {
  userId: string;
  clientGroupId: string;
}

function signature(key: Buffer, binding: Binding, cursor: Cursor): string {
  return createHmac("sha256", key).update(`${binding.userId}\n${binding.clientGroupId}\n${cursor.seq}\n${cursor.hash}`).digest("hex").slice(0, 32);
}

export function issueCursor(key: Buffer, binding: Binding, cursor: Cursor): string {
  return `${cursor.seq}.${cursor.hash}.${signature(key, binding, cursor)}`;
}

/** The cursor's position; `signed` false when this server did not issue it to this device. */
export function readCursor(key: Buffer, binding: Binding, text: string): Cursor & { signed: boolean } {
  const [seq = "", hash = "", mac = ""] = text.split(".");
  const cursor = { seq: Number(seq), hash };
  const expected = Buffer.from(signature(key, binding, cursor));
  const given = Buffer.from(mac);
  return { ...cursor, signed: given.length === expected.length && timingSafeEqual(given, expected) };
}
