import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

/** Issue 13, point 3: notes became contacts; a note stored before reads as a contact of unknown type. */
describe("notes stored before contacts existed stay readable, as contacts of unknown type", () => {
  let server: TestServer;
  let iris: ApiClient;
  const clientId = `client-${randomUUID()}`;

  beforeAll(async () => {
    ({ server, ruben: iris } = await teamServer({ ruben: "org-iris" }));
    expect((await iris.push("createClient", { id: clientId, alias: "Anouk", birthYear: 1991, epdClientId: null })).status).toBe("applied");
  }, 60_000);
  afterAll(() => server?.stop());

  it("migration 0010 fills in type unknown, the moment it was written and no no-show, and keeps the text", async () => {
    const noteId = `note-${randomUUID()}`;
    expect((await iris.push("addNote", { id: noteId, clientId, text: "Op straat gesproken.", correctsNoteId: null })).status).toBe("applied");
    const db = createClient({ url: server.databaseUrl });
    try {
      // Make it look as a note stored before contacts existed.
      await db.execute({
        sql: "update records set data = json_remove(data, '$.contactAt', '$.contactType', '$.noShow') where collection = 'notes' and id = ?",
        args: [noteId],
      });
      const migration = readFileSync(new URL("../../server/drizzle/0010_notes_as_contacts.sql", import.meta.url), "utf8");
      for (const statement of migration.split("--> statement-breakpoint")) await db.execute(statement);
      const rows = await db.execute({ sql: "select data from records where collection = 'notes' and id = ?", args: [noteId] });
      const data = JSON.parse(String(rows.rows[0]?.data)) as Record<string, unknown>;
      expect(data).toMatchObject({ text: "Op straat gesproken.", contactType: "unknown", noShow: false, contactAt: data.createdAt });
    } finally {
      db.close();
    }
    const pulled = (await iris.pull()).puts.find((p) => p.collection === "notes" && p.id === noteId);
    expect(pulled?.data).toMatchObject({ contactType: "unknown", noShow: false, text: "Op straat gesproken." });
  }, 60_000);

  it("a contact written up the morning after keeps the moment of last night; one in the future is refused by code", async () => {
    const lastNight = new Date(Date.now() - 10 * 3_600_000).toISOString();
    const ok = await iris.push("addNote", {
      id: `note-${randomUUID()}`,
      clientId,
      text: "Waalkade",
      correctsNoteId: null,
      contactAt: lastNight,
      contactType: "street",
      noShow: false,
    });
    expect(ok.status).toBe("applied");
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const refused = await iris.push("addNote", {
      id: `note-${randomUUID()}`,
      clientId,
      text: "Morgen",
      correctsNoteId: null,
      contactAt: tomorrow,
      contactType: "phone",
      noShow: false,
    });
    expect(refused).toMatchObject({ status: "rejected", refusal: { code: "contact.in-future" } });
  }, 60_000);
});
