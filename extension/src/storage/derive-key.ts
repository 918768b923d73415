/**
 * The data key, derived with WebCrypto from two halves that are never both on the disk: the
 * server's device secret (handed out only after a full sign-in or an unlock with the password)
 * and the password itself (PBKDF2), with a random salt that is kept beside the data. Neither
 * half alone, nor the disk, opens anything (docs/decisions/0017-device-key-and-sealed-records.md).
 */
export async function deriveDataKey(deviceSecret: string, password: string, salt: Uint8Array): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const passwordKey = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  const fromPassword = new Uint8Array(
    await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations: 210_000 }, passwordKey, 256),
  );
  const secret = encoder.encode(deviceSecret);
  const material = new Uint8Array(secret.length + fromPassword.length);
  material.set(secret);
  material.set(fromPassword, secret.length);
  const hkdfKey = await crypto.subtle.importKey("raw", material, "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: salt as BufferSource, info: encoder.encode("naast device data key v1") },
    hkdfKey,
    256,
  );
  return new Uint8Array(bits);
}
