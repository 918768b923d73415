import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { signIn } from "../support/api.ts";
import { Replica } from "../support/replica.ts";
import { startServerProcess } from "../support/server-process.ts";

describe("a server killed in the middle of pushes loses nothing it acknowledged", () => {
  const dir = mkdtempSync(join(tmpdir(), "naast-crash-"));
  const databaseUrl = `file:${join(dir, "naast.db")}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has every acknowledged note after SIGKILL and a restart on the same file", async () => {
    const env = { DATABASE_URL: databaseUrl };
    const setup = await import("../../server/src/cli/setup-for-tests.ts");
    await setup.createOrganisationAndUser(env.DATABASE_URL, { organisationId: "org-a", userId: "u-a", email: "a@test.naast", password: "test-password-123" });

    const first = await startServerProcess(databaseUrl);
    const device = await signIn(first.url, "a@test.naast", "test-password-123");
    const clientId = `client-${randomUUID()}`;
    await device.push("createClient", { id: clientId, alias: "Jolanda", birthYear: 1979, epdClientId: null });

    const acknowledged: string[] = [];
    let killed = false;
    const stream = (async () => {
      for (let i = 0; !killed; i++) {
        const text = `note ${i}`;
        try {
          const result = await device.push("addNote", { id: randomUUID(), clientId, text, correctsNoteId: null });
          if (result.status === "applied") acknowledged.push(text);
        } catch {
          return; // the server is gone
        }
      }
    })();
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 10));
    await first.kill();
    killed = true;
    await stream;

    const second = await startServerProcess(databaseUrl);
    try {
      const again = await signIn(second.url, "a@test.naast", "test-password-123");
      const replica = new Replica().apply(await again.pull());
      const stored = new Set(replica.of("notes", clientId).map((n) => n.text));
      expect(acknowledged.length).toBeGreaterThanOrEqual(30);
      for (const text of acknowledged) expect(stored.has(text), text).toBe(true);
    } finally {
      await second.stop();
    }
  }, 180_000); // generous: two server starts on two loaded cores
});
