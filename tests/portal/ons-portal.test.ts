import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createIriszorgOnsPortal, onsDossierToken } from "@naast/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testAdapter } from "../../server/src/cli/adapter.ts";

const server = createServer(createIriszorgOnsPortal().handler);
let base = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.2", resolve));
  base = `http://127.0.0.2:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const adapter = {
  id: "adapter-ons",
  organisationId: "org-iriszorg",
  displayName: "Iriszorg Ons (demo)",
  matchPattern: "http://127.0.0.2/*",
  clientId: { kind: "text" as const, pattern: "Cliëntnummer:\\s*(IZ-\\d+)", selector: null },
};

describe("the fourth demo portal behaves like a real EPD", () => {
  it("shows the dossier in a frame whose address names no client, and the number only as visible text", async () => {
    const shell = await (await fetch(`${base}/`)).text();
    expect(shell).toContain('<iframe name="dossier"');
    expect(shell).not.toContain("IZ-1001");
    const frameUrl = `${base}/dossier/frame?d=${onsDossierToken("IZ-1001")}`;
    const frame = await (await fetch(frameUrl)).text();
    expect(frame).toContain("Cliëntnummer: IZ-1001");
    expect(await testAdapter(adapter, frame, frameUrl)).toBe("recognised: client number IZ-1001");
    await expect(testAdapter(adapter, await (await fetch(`${base}/dossier/frame`)).text(), `${base}/dossier/frame`)).rejects.toThrow("finds no client");
  });
});
