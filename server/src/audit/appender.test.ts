import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commit } from "../db/commit.ts";
import { type Database, openDatabase } from "../db/connect.ts";
import type { AuditFacts } from "./entry.ts";
import { verifyAuditChain } from "./verify.ts";

const fact = (event: string, clientId: string | null = null): AuditFacts => ({
  at: "2026-12-02T01:00:00.000Z",
  event,
  userId: "u-1",
  organisationId: "org-a",
  responsibleUserId: null,
  clientId,
  accessPoint: "api",
  categories: ["plan", "client"],
  consentId: null,
  outcome: "ok",
});

describe("a pull's audit rows, appended on their own connection", () => {
  let dir: string;
  let url: string;
  let opened: Database[];
  const open = async () => {
    const database = await openDatabase(url);
    opened.push(database);
    return database;
  };
  const count = async (event?: string) => {
    const db = createClient({ url });
    try {
      const result = await db.execute(event ? { sql: "select count(*) n from audit_log where event = ?", args: [event] } : "select count(*) n from audit_log");
      return Number(result.rows[0]?.n);
    } finally {
      db.close();
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "naast-appender-"));
    url = `file:${join(dir, "naast.db")}`;
    opened = [];
  });
  afterEach(async () => {
    for (const database of opened) database.close();
    await new Promise((r) => setTimeout(r, 50));
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers each append only once its rows are committed, and keeps one chain with the writer's rows and another instance's", async () => {
    const a = await open();
    const b = await open(); // a second instance on the same file
    const appends: Promise<void>[] = [];
    for (let i = 0; i < 150; i++) {
      const database = i % 2 === 0 ? a : b;
      appends.push(
        database.appendAudit([fact("pull.deliver", `client-${i}`), fact("pull.deliver", `other-${i}`)]).then(async () => {
          // Whoever reads the database after the answer finds the rows.
          const db = createClient({ url });
          try {
            const found = await db.execute({ sql: "select count(*) n from audit_log where client_id = ?", args: [`client-${i}`] });
            expect(Number(found.rows[0]?.n)).toBe(1);
          } finally {
            db.close();
          }
        }),
      );
      // The writer's own audited writes (a push, an admin change) take the chain's head in between.
      if (i % 10 === 0) appends.push(a.write((tx) => commit(tx, null, [fact("admin.test")])));
    }
    await Promise.all(appends);
    expect(await count("pull.deliver")).toBe(300);
    expect(await count("admin.test")).toBe(15);
    const report = await verifyAuditChain(a.db);
    expect(report).toEqual({ ok: true, rows: 315 });
  }, 60_000);

  it("refuses the append whose rows could not be written, and goes on with the next", async () => {
    const database = await open();
    const db = createClient({ url });
    try {
      await db.execute("create trigger refuse_audit before insert on audit_log when new.event = 'refused' begin select raise(abort, 'refused'); end");
    } finally {
      db.close();
    }
    await expect(database.appendAudit([fact("refused")])).rejects.toThrow(/refused/);
    await database.appendAudit([fact("pull.deliver")]);
    expect(await count()).toBe(1);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 1 });
  }, 30_000);
});
