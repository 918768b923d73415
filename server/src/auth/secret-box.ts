import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { join } from "node:path";
import { and, eq, notLike } from "drizzle-orm";
import type { Database } from "../db/connect.ts";
import { secondFactors } from "../db/schema.ts";
import type { Env } from "../env.ts";
import { databaseFolder, readOrMakeKeyFile } from "../keys/key-file.ts";

/**
 * TOTP secrets at rest (docs/decisions/0014): AES-256-GCM under a key the database does not hold,
 * so a copy of the database (a backup, a stolen disk of the database host alone) yields no second
 * factor. Each secret is bound to its account (the user id is the additional data), so a secret
 * moved to another row does not open. Stored as `v1:<iv>:<ciphertext and tag>` (base64url).
 */
export class SecretBox {
  readonly #key: Buffer;

  /** `material`: the configured key or a key file's content; the AES key is derived from it (HKDF-SHA256). */
  constructor(material: Buffer) {
    this.#key = Buffer.from(hkdfSync("sha256", material, Buffer.alloc(0), "naast second-factor secret v1", 32));
  }

  seal(userId: string, secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    cipher.setAAD(Buffer.from(userId));
    const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
    return `${version}${iv.toString("base64url")}:${sealed.toString("base64url")}`;
  }

  /** The secret; throws when the value is not one this key sealed for this account. */
  open(userId: string, stored: string): string {
    const [iv, sealed] = stored.startsWith(version) ? stored.slice(version.length).split(":") : [];
    if (!iv || !sealed) throw new SecretBoxMismatch(`the second factor of ${userId} is not sealed`);
    const bytes = Buffer.from(sealed, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", this.#key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
    } catch {
      throw new SecretBoxMismatch(`the second factor of ${userId} does not open with this key`);
    }
  }
}

const version = "v1:";

export class SecretBoxMismatch extends Error {}

/**
 * The key: `SECOND_FACTOR_KEY` (at least 32 characters), or beside an embedded database a key
 * file of its own (`second-factor.key`, 0600, made on first use). A libSQL server has no folder
 * beside it, so it needs the setting: the key must not travel with the database.
 */
export function secretBoxFor(env: Env): SecretBox {
  if (env.SECOND_FACTOR_KEY) return new SecretBox(Buffer.from(env.SECOND_FACTOR_KEY));
  const folder = databaseFolder(env);
  if (!folder) throw new Error("SECOND_FACTOR_KEY must be set for a database on a libSQL server (the key may not be in the database)");
  return new SecretBox(readOrMakeKeyFile(join(folder, "second-factor.key")));
}

/**
 * At start: seals every secret an older server stored in the clear (in one write transaction, so
 * instances starting together do it once), then checks that the key opens what is stored, so
 * a wrong key stops the start with a clear message rather than refusing every code.
 */
export async function sealStoredSecrets(database: Database, box: SecretBox): Promise<void> {
  await database.write(async (tx) => {
    const plain = await tx
      .select({ userId: secondFactors.userId, secret: secondFactors.secret })
      .from(secondFactors)
      .where(notLike(secondFactors.secret, `${version}%`));
    for (const row of plain) {
      await tx
        .update(secondFactors)
        .set({ secret: box.seal(row.userId, row.secret) })
        .where(and(eq(secondFactors.userId, row.userId), eq(secondFactors.secret, row.secret)));
    }
  });
  const [sample] = await database.db.select({ userId: secondFactors.userId, secret: secondFactors.secret }).from(secondFactors).limit(1);
  if (!sample) return;
  try {
    box.open(sample.userId, sample.secret);
  } catch {
    throw new Error(
      "the second-factor key does not open the stored TOTP secrets: is SECOND_FACTOR_KEY (or second-factor.key beside the database) the one they were sealed with?",
    );
  }
}
