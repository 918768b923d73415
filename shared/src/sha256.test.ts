import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "./sha256.ts";

/** Web Crypto's digest (the browser's and Node's), as the reference. */
async function reference(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("sha256Hex", () => {
  it("equals the published vectors for the empty text and 'abc'", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("equals Web Crypto's SHA-256 for any text, block boundaries and non-ASCII included", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 300 }), async (text) => sha256Hex(text) === (await reference(text))));
    for (const length of [55, 56, 63, 64, 65, 119, 120]) expect(sha256Hex("é".repeat(length))).toBe(await reference("é".repeat(length)));
  });
});
