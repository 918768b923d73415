import { createHmac, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { desc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { Db, Sql } from "../db/connect.ts";
import { auditLog } from "../db/schema.ts";
import type { Env } from "../env.ts";
import { databaseFolder, readOrMakeKeyFile } from "../keys/key-file.ts";

/**
 * The audit chain's head, kept outside the table it protects: a file holding the last row's seq
 * and hash, signed (HMAC) with a key the database does not hold. Deleting the tail, or rewriting
 * it and re-chaining, no longer passes: the checkpointed row must be there with that hash, and
 * after a clean stop (`closed`) no row may follow it. See docs/decisions/0011-audit-checkpoint.md.
 */
export interface CheckpointConfig {
  file: string;
  key: Buffer;
}

const checkpointSchema = z.object({ seq: z.number().int().min(0), hash: z.string(), at: z.string(), closed: z.boolean(), mac: z.string() });
type Checkpoint = z.infer<typeof checkpointSchema>;

/**
 * Where the checkpoint and its key live: `AUDIT_CHECKPOINT_FILE` and `AUDIT_CHECKPOINT_KEY` (hex
 * or text, at least 32 characters), by default beside an embedded database (the key then in a
 * file of its own, 0600, made on first use). A remote database without them has no checkpoint.
 */
export function checkpointConfig(env: Env): CheckpointConfig | null {
  const folder = databaseFolder(env);
  const file = env.AUDIT_CHECKPOINT_FILE ?? (folder ? join(folder, "audit-checkpoint.json") : null);
  if (!file) return null;
  if (env.AUDIT_CHECKPOINT_KEY) return { file, key: Buffer.from(env.AUDIT_CHECKPOINT_KEY) };
  return { file, key: readOrMakeKeyFile(`${file}.key`) };
}

const macOf = (key: Buffer, c: Omit<Checkpoint, "mac">) =>
  createHmac("sha256", key)
    .update(JSON.stringify([c.seq, c.hash, c.at, c.closed]))
    .digest("hex");

/** Writes the chain's current head; `closed` when nothing will be appended until the next start. */
export async function writeCheckpoint(db: Sql, config: CheckpointConfig, closed: boolean, now = new Date()): Promise<void> {
  const [last] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const body = { seq: last?.seq ?? 0, hash: last?.hash ?? "", at: now.toISOString(), closed };
  const temporary = `${config.file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ ...body, mac: macOf(config.key, body) }), { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, config.file);
}

export type CheckpointReport =
  | { ok: true; seq: number; after: number }
  | { ok: false; problem: "no-checkpoint" | "forged-checkpoint" | "truncated" | "rewritten" | "appended"; detail: string };

/** Compares the table with the checkpoint; run after `verifyAuditChain` has found the chain whole. */
export async function verifyCheckpoint(db: Db, config: CheckpointConfig): Promise<CheckpointReport> {
  if (!existsSync(config.file)) return { ok: false, problem: "no-checkpoint", detail: `no checkpoint at ${config.file}` };
  const parsed = checkpointSchema.safeParse(JSON.parse(readFileSync(config.file, "utf8")));
  if (!parsed.success) return { ok: false, problem: "forged-checkpoint", detail: "the checkpoint file is not one the server wrote" };
  const { mac, ...body } = parsed.data;
  const expected = Buffer.from(macOf(config.key, body));
  if (Buffer.from(mac).length !== expected.length || !timingSafeEqual(Buffer.from(mac), expected)) {
    return { ok: false, problem: "forged-checkpoint", detail: "the checkpoint's signature does not match its key" };
  }
  if (body.seq > 0) {
    const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, body.seq));
    if (!row) return { ok: false, problem: "truncated", detail: `row ${body.seq}, the checkpointed head, is missing` };
    if (row.hash !== body.hash) return { ok: false, problem: "rewritten", detail: `row ${body.seq} is not the row that was checkpointed` };
  }
  const after = (await db.select({ seq: auditLog.seq }).from(auditLog).where(gt(auditLog.seq, body.seq))).length;
  if (body.closed && after > 0) return { ok: false, problem: "appended", detail: `${after} row(s) follow the head checkpointed when the server stopped` };
  return { ok: true, seq: body.seq, after };
}
