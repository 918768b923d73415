import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Env } from "../env.ts";

/**
 * Keys that must not be in the database they protect (the audit checkpoint's, the second
 * factor's) come from the environment or, beside an embedded database, from a key file of their
 * own. These are the two helpers they share.
 */

/** The folder of an embedded (`file:`) database; null for a libSQL server. */
export function databaseFolder(env: Env): string | null {
  return env.DATABASE_URL.startsWith("file:") ? dirname(resolve(env.DATABASE_URL.slice("file:".length))) : null;
}

/** The key in `file`: 32 random bytes as hex, written (0600, never over an existing one) on first use. */
export function readOrMakeKeyFile(file: string): Buffer {
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another instance on the same folder made it first: use that one.
      if ((error as { code?: string }).code !== "EEXIST") throw error;
    }
  }
  return Buffer.from(readFileSync(file, "utf8").trim());
}
