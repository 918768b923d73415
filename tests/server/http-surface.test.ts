import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import { protocolVersion } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, trpcClient } from "../support/api.ts";
import { createClientWithPlan } from "../support/fixtures.ts";
import { teamServer } from "../support/team-server.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { diffSnapshots, snapshotDatabase } from "./support-snapshot.ts";

let server: TestServer;
let owner: ApiClient;
let clientId: string;

beforeAll(async () => {
  ({ server, owner } = await teamServer({ owner: "org-a" }));
  clientId = await createClientWithPlan(owner);
});
afterAll(() => server?.stop());

const pullInput = () => encodeURIComponent(JSON.stringify({ protocolVersion, clientGroupId: `cg-${randomUUID()}`, cursor: null }));

describe("CORS answers only the extension's own origins", () => {
  it("a web page's origin gets no CORS headers, on a preflight nor on a call", async () => {
    const preflight = await fetch(`${server.url}/trpc/sync.pull`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const call = await fetch(`${server.url}/trpc/sync.pull?input=${pullInput()}`, {
      headers: { origin: "https://evil.example", authorization: `Bearer ${owner.token}` },
    });
    expect(call.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("the extension's origin, in Chromium and in Firefox, is answered", async () => {
    for (const origin of ["chrome-extension://abcdefghijklmnopabcdefghijklmnop", "moz-extension://0b6f3c1e-2a44-4d7a-9f7e-1c2d3e4f5a6b"]) {
      const preflight = await fetch(`${server.url}/trpc/sync.pull`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
      });
      expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
    }
  });

  it("a configured list narrows it to one extension id", async () => {
    const narrow = await startTestServer({ ALLOWED_ORIGINS: "chrome-extension://onlythisone" });
    try {
      const ask = (origin: string) => fetch(`${narrow.url}/health`, { headers: { origin } }).then((r) => r.headers.get("access-control-allow-origin"));
      expect(await ask("chrome-extension://onlythisone")).toBe("chrome-extension://onlythisone");
      expect(await ask("chrome-extension://another")).toBeNull();
    } finally {
      await narrow.stop();
    }
  });
});

describe("One request is one call", () => {
  it("a batch of pulls in one GET is refused with 400, and nothing is delivered", async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: { clientGroupId: "cg-batch-1", cursor: null }, 1: { clientGroupId: "cg-batch-2", cursor: null } }));
    const before = await snapshotDatabase(server.databaseUrl);
    const response = await fetch(`${server.url}/trpc/sync.pull,sync.pull?batch=1&input=${input}`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(response.status).toBe(400);
    expect(diffSnapshots(before, await snapshotDatabase(server.databaseUrl))).toEqual({});
  });

  it("a batch of pushes in one POST is refused with 400, and nothing is written", async () => {
    const push = (n: number) => ({
      clientGroupId: `cg-batch-push-${n}`,
      mutations: [{ id: randomUUID(), name: "addNote", args: { id: randomUUID(), clientId, text: `batch ${n}`, correctsNoteId: null } }],
    });
    const before = await snapshotDatabase(server.databaseUrl);
    const response = await fetch(`${server.url}/trpc/sync.push,sync.push?batch=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/json" },
      body: JSON.stringify({ 0: push(0), 1: push(1) }),
    });
    expect(response.status).toBe(400);
    expect(diffSnapshots(before, await snapshotDatabase(server.databaseUrl))).toEqual({});
  });
});

describe("The audit log's access point is the server's knowledge, not the request's claim", () => {
  async function accessPointOfPull(headers: Record<string, string>): Promise<unknown> {
    const trpc = trpcClient(server.url, owner.token, headers);
    const clientGroupId = `cg-${randomUUID()}`;
    await trpc.sync.pull.query({ clientGroupId, cursor: null });
    const db = createClient({ url: server.databaseUrl });
    try {
      const { rows } = await db.execute({
        sql: "select access_point from audit_log where event = 'pull.deliver' and client_id = ? order by seq desc limit 1",
        args: [clientId],
      });
      return rows[0]?.access_point;
    } finally {
      db.close();
    }
  }

  it("a remote pull that claims to be the CLI is recorded as the API", async () => {
    expect(await accessPointOfPull({ "x-naast-access-point": "cli" })).toBe("api");
  });

  it("a pull from the extension's origin is recorded as the extension", async () => {
    expect(await accessPointOfPull({ origin: "chrome-extension://abcdefghijklmnopabcdefghijklmnop" })).toBe("extension");
  });
});
