import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClientWithPlan } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

const mode = (path: string) => statSync(path).mode & 0o777;

describe("The database is readable by the server's own user only", () => {
  let server: TestServer;
  const base = mkdtempSync(join(tmpdir(), "naast-modes-"));
  // A data folder that does not exist yet.
  const folder = join(base, "data");

  beforeAll(async () => {
    server = await startTestServer({ DATABASE_URL: `file:${join(folder, "naast.db")}` });
    await server.addOrganisation("org-a");
    await createClientWithPlan(await (await server.addUser("owner", "org-a")).signIn());
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it("creates the data folder 0700 and the database, its write-ahead log and shared memory 0600", () => {
    expect(mode(folder).toString(8)).toBe("700");
    for (const file of ["naast.db", "naast.db-wal", "naast.db-shm"]) expect(mode(join(folder, file)).toString(8), file).toBe("600");
  });
});
