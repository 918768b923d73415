import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../server/src/demo/seed.ts";
import { listPortalAdapters } from "../../server/src/directory/adapters.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(server.services, {
    ggd: "http://127.0.0.1:5171",
    iriszorg: "http://127.0.0.1:5172",
    ldh: "http://127.0.0.1:5173",
    ons: "http://127.0.0.2:5174",
  });
});
afterAll(() => server?.stop());

describe("the demo seed with the fourth portal running (pnpm start)", { timeout: 120_000 }, () => {
  it("adds Iriszorg's Ons adapter on its own origin, reading the number from visible text", async () => {
    const adapters = await listPortalAdapters(server.services, "org-iriszorg");
    expect(adapters.map((a) => [a.id, a.matchPattern])).toEqual([
      ["adapter-iriszorg", "http://127.0.0.1:5172/*"],
      ["adapter-iriszorg-ons", "http://127.0.0.2:5174/*"],
    ]);
    expect(adapters[1]?.clientId).toEqual({ kind: "text", pattern: "Cliëntnummer:\\s*(\\S+)", selector: null });
  });
});
