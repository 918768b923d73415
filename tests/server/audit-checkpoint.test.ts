import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { genesisHash, hashAuditRow } from "../../server/src/audit/entry.ts";
import { createClientWithPlan } from "../support/fixtures.ts";
import { runCli } from "../support/server-process.ts";
import { startTestServer } from "../support/test-server.ts";

const key = "k".repeat(40);
// Each check runs the CLI as its own process, which takes seconds on a loaded machine.
const cliTimeout = 240_000;

describe("The audit chain is anchored outside the database: truncation and a rewritten tail are found", () => {
  const original = mkdtempSync(join(tmpdir(), "naast-audit-"));
  const copies: string[] = [];

  beforeAll(async () => {
    const server = await startTestServer({ DATABASE_URL: `file:${join(original, "naast.db")}`, AUDIT_CHECKPOINT_KEY: key });
    await server.addOrganisation("org-a");
    const owner = await (await server.addUser("owner", "org-a")).signIn();
    await createClientWithPlan(owner);
    await createClientWithPlan(owner);
    // A clean stop writes the closed checkpoint.
    await server.close();
  });
  afterAll(() => {
    for (const dir of [original, ...copies]) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the stopped server's database and checkpoint, tampered with by `sql`, then verified by the CLI. */
  async function verifyAfter(...statements: string[]): Promise<{ ok: boolean; output: string }> {
    const dir = mkdtempSync(join(tmpdir(), "naast-audit-copy-"));
    copies.push(dir);
    for (const file of ["naast.db", "naast.db-wal", "naast.db-shm", "audit-checkpoint.json"]) {
      if (existsSync(join(original, file))) copyFileSync(join(original, file), join(dir, file));
    }
    const db = createClient({ url: `file:${join(dir, "naast.db")}` });
    for (const sql of statements) await db.execute(sql);
    db.close();
    const { code, stdout, stderr } = await runCli(`file:${join(dir, "naast.db")}`, ["verify-audit", "--checkpoint"], { AUDIT_CHECKPOINT_KEY: key });
    return code === 0 ? { ok: true, output: stdout } : { ok: false, output: stderr };
  }

  it(
    "the untouched log passes, checkpoint included",
    async () => {
      const result = await verifyAfter();
      expect(result).toMatchObject({ ok: true, output: expect.stringContaining("checkpoint matches") });
    },
    cliTimeout,
  );

  it(
    "a planted row with seq 0 or a negative seq is found",
    async () => {
      for (const seq of [0, -5]) {
        const result = await verifyAfter(
          `insert into audit_log (seq, at, event, access_point, categories, outcome, prev_hash, hash) values (${seq}, '2026-01-01T00:00:00Z', 'planted', 'api', '[]', 'ok', '${genesisHash}', 'x')`,
        );
        expect(result, `seq ${seq}`).toMatchObject({ ok: false, output: expect.stringContaining("before the chain's first row") });
      }
    },
    cliTimeout,
  );

  it(
    "deleting the last row, the last ten, or all rows is found",
    async () => {
      for (const sql of [
        "delete from audit_log where seq = (select max(seq) from audit_log)",
        "delete from audit_log where seq > (select max(seq) - 10 from audit_log)",
        "delete from audit_log",
      ]) {
        const result = await verifyAfter(sql);
        expect(result, sql).toMatchObject({ ok: false, output: expect.stringContaining("(truncated)") });
      }
    },
    cliTimeout,
  );

  it(
    "a forged row appended with a correct chain is found",
    async () => {
      const db = createClient({ url: `file:${join(original, "naast.db")}` });
      const { rows } = await db.execute("select seq, hash from audit_log order by seq desc limit 1");
      db.close();
      const last = rows[0];
      const forged = {
        seq: Number(last?.seq) + 1,
        at: "2026-12-01T03:00:00.000Z",
        event: "pull.deliver",
        userId: "owner",
        organisationId: "org-a",
        responsibleUserId: null,
        clientId: null,
        accessPoint: "api",
        categories: "[]",
        consentId: null,
        outcome: "ok",
        prevHash: String(last?.hash),
      };
      const hash = hashAuditRow(forged);
      const result = await verifyAfter(
        `insert into audit_log (seq, at, event, user_id, organisation_id, access_point, categories, outcome, prev_hash, hash) values (${forged.seq}, '${forged.at}', '${forged.event}', 'owner', 'org-a', 'api', '[]', 'ok', '${forged.prevHash}', '${hash}')`,
      );
      expect(result).toMatchObject({ ok: false, output: expect.stringContaining("appended") });
    },
    cliTimeout,
  );
});
