import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Replica } from "../support/replica.ts";
import { runCli } from "../support/server-process.ts";
import { startTestServer, type TestServer, testPassword } from "../support/test-server.ts";

let server: TestServer;
let adminEmail: string;
let otherAdminEmail: string;
let caseManager: Awaited<ReturnType<TestServer["addUser"]>>;

/** `pnpm cli adapter …` as an admin types it, against the running server (the command opens no database). */
async function adapter(args: string[], email = adminEmail): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(server.databaseUrl, ["adapter", ...args], {
    NAAST_SERVER: server.url,
    NAAST_EMAIL: email,
    NAAST_PASSWORD: testPassword,
  });
  return { code, out: stdout, err: stderr };
}

beforeAll(async () => {
  server = await startTestServer();
  await server.addOrganisation("org-iris", "Iriszorg");
  await server.addOrganisation("org-ggd", "GGD");
  adminEmail = (await server.addUser("iris-admin", "org-iris", "admin")).email;
  otherAdminEmail = (await server.addUser("ggd-admin", "org-ggd", "admin")).email;
  caseManager = await server.addUser("iris-cm", "org-iris", "casemanager");
});
afterAll(async () => {
  await server?.stop();
});

const ons = ["add", "--id", "adapter-ons", "--name", "Iriszorg Ons", "--match", "http://127.0.0.2:5174/*", "--text-pattern", "Cliëntnummer:\\s*(IZ-\\d+)"];

// Each CLI call starts a process: ~2.5 s of CPU (tsx compiles the modules it loads), 10 to 40 s of
// wall time at load ~20 on two cores; a test here makes up to four calls.
describe("an organisation's admin manages its EPD portals with the CLI while the server runs", { timeout: 240_000 }, () => {
  it("adds an adapter for her own organisation, lists it, and devices receive it on their next pull", async () => {
    const device = await caseManager.signIn();
    const replica = new Replica().apply(await device.pull());
    expect(replica.of("portalAdapters")).toEqual([]);

    const added = await adapter(ons);
    expect(added.err).toBe("");
    expect(added.out).toContain("adapter adapter-ons saved for org-iris");

    const listed = await adapter(["list"]);
    expect(listed.out).toContain("adapter-ons\tIriszorg Ons\thttp://127.0.0.2:5174/*");
    replica.apply(await device.pull());
    expect(replica.of("portalAdapters")).toEqual([
      expect.objectContaining({
        id: "adapter-ons",
        organisationId: "org-iris",
        clientId: { kind: "text", pattern: "Cliëntnummer:\\s*(IZ-\\d+)", selector: null },
      }),
    ]);
  });

  it("refuses a hostile pattern and a pattern for every host, saying why, and saves nothing", async () => {
    const hostile = await adapter(["add", "--id", "adapter-bad", "--name", "Bad", "--match", "https://epd.iris.nl/*", "--text-pattern", "(a+)+$"]);
    expect(hostile.code).toBe(1);
    expect(hostile.err).toContain("repeats a group");
    const wide = await adapter(["add", "--id", "adapter-bad", "--name", "Bad", "--match", "*://*/*", "--url-pattern", "id=(\\d+)"]);
    expect(wide.code).toBe(1);
    expect(wide.err).toContain("covers more than one portal");
    expect((await adapter(["list"])).out).not.toContain("adapter-bad");
  });

  it("has the server refuse a hostile pattern that did not come through the CLI's own check", async () => {
    const device = await (await server.addUser("iris-admin-2", "org-iris", "admin")).signIn();
    await expect(
      device.trpc.adapters.save.mutate({
        id: "adapter-bad",
        displayName: "Bad",
        matchPattern: "https://epd.iris.nl/*",
        clientId: { kind: "title", pattern: "(\\w|\\d)*x" },
      }),
    ).rejects.toThrow();
    expect((await device.trpc.adapters.list.query()).map((a) => a.id)).toEqual(["adapter-ons"]);
  });

  it("lets only an admin manage adapters, and only her own organisation's", async () => {
    const asCaseManager = await adapter(["list"], caseManager.email);
    expect(asCaseManager.code).toBe(1);
    expect(asCaseManager.err).toContain("only an organisation's admin may do this");
    const otherRemoves = await adapter(["remove", "--id", "adapter-ons"], otherAdminEmail);
    expect(otherRemoves.code).toBe(1);
    expect(otherRemoves.err).toContain("your organisation has no adapter adapter-ons");
    const otherTakesOver = await adapter([...ons.slice(0, 7), "--url-pattern", "id=(\\d+)"], otherAdminEmail);
    expect(otherTakesOver.code).toBe(1);
    expect(otherTakesOver.err).toContain("belongs to another organisation");
    expect((await adapter(["list"], otherAdminEmail)).out).toContain("your organisation has no adapters");
  });

  it("tests an adapter against a saved page and its address, and says why when it finds nothing", async () => {
    const page = join(server.dir, "dossier.html");
    writeFileSync(
      page,
      "<html><head><title>Dossier</title></head><body><h1>Anouk</h1><dl><dt>Naam</dt><dd>A. de Vries</dd></dl><p>Cliëntnummer: IZ-1001</p></body></html>",
    );
    const saved = await adapter(["test", "--id", "adapter-ons", "--html", page, "--url", "http://127.0.0.2:5174/dossier/frame?c=7"]);
    expect(saved.out.trim()).toBe("recognised: client number IZ-1001");
    const inline = await adapter([
      "test",
      "--match",
      "http://127.0.0.2:5174/*",
      "--title-pattern",
      "^Dossier (\\d+)",
      "--html",
      page,
      "--url",
      "http://127.0.0.2:5174/",
    ]);
    expect(inline.code).toBe(1);
    expect(inline.err).toContain("finds no client on this page");
    const elsewhere = await adapter(["test", "--id", "adapter-ons", "--html", page, "--url", "http://127.0.0.1:5174/"]);
    expect(elsewhere.err).toContain("does not match http://127.0.0.2:5174/*");
  });

  it("removes an adapter: it stays listed as removed, and devices learn of it on their next pull", async () => {
    const device = await caseManager.signIn();
    const replica = new Replica().apply(await device.pull());
    const removed = await adapter(["remove", "--id", "adapter-ons"]);
    expect(removed.out).toContain("adapter adapter-ons removed");
    expect((await adapter(["list"])).out).toMatch(/adapter-ons\t.*\tremoved 20\d\d-/);
    replica.apply(await device.pull());
    expect(replica.of("portalAdapters")[0]?.removedAt).toEqual(expect.any(String));
  });
});
