import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database, Db } from "../db/connect.ts";
import { deviceKeys } from "../db/schema.ts";

export class DeviceOfAnotherUser extends Error {}

/**
 * The server's half of a device's local key (docs/decisions/0017-device-key-and-sealed-records.md), made on the device's first
 * sign-in and the same ever after for that user; another user's device id is refused, so
 * nobody can fetch a colleague's half by naming her device.
 */
export async function deviceSecretFor(database: Database, userId: string, deviceId: string, now = new Date()): Promise<string> {
  const [existing] = await database.db.select().from(deviceKeys).where(eq(deviceKeys.deviceId, deviceId));
  if (existing) {
    if (existing.userId !== userId) throw new DeviceOfAnotherUser();
    return existing.secret;
  }
  const secret = randomBytes(32).toString("base64url");
  // Two sign-ins racing on one new device: both answer what was stored first.
  const [stored] = await database.write(async (tx) => {
    await tx.insert(deviceKeys).values({ deviceId, userId, secret, createdAt: now.toISOString() }).onConflictDoNothing();
    return tx.select().from(deviceKeys).where(eq(deviceKeys.deviceId, deviceId));
  });
  if (!stored || stored.userId !== userId) throw new DeviceOfAnotherUser();
  return stored.secret;
}

/** An unlock: only a device secret that exists already, and only to its own user. */
export async function existingDeviceSecret(db: Db, userId: string, deviceId: string): Promise<string | null> {
  const [row] = await db.select().from(deviceKeys).where(eq(deviceKeys.deviceId, deviceId));
  return row && row.userId === userId ? row.secret : null;
}
