import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "../../server/src/env.ts";
import { type RunningServer, startServer } from "../../server/src/server.ts";
import type { signIn } from "../support/api.ts";
import { openStream } from "../support/live-stream.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

/** Issue 10, finding 8: the live stream ends with its session (sign-out, expiry), on every instance. */

describe("the live stream ends with its session", () => {
  let server: TestServer;
  let other: RunningServer;
  let user: { signIn(): ReturnType<typeof signIn> };

  beforeAll(async () => {
    server = await startTestServer();
    await server.addOrganisation("org-a");
    user = await server.addUser("sanne", "org-a");
    // A second instance on the same database, checking its streams' sessions every second.
    other = await startServer(readEnv({ DATABASE_URL: server.databaseUrl, PORT: "0", SECOND_FACTOR: "optional", LIVE_HEARTBEAT_SECONDS: "1" }));
  });
  afterAll(async () => {
    await other?.close();
    await server?.stop();
  });

  it("ends at once when she signs out, and says why", async () => {
    const device = await user.signIn();
    const stream = openStream(server.url, device.token);
    await stream.ready;
    await device.trpc.auth.logout.mutate();
    expect(await stream.closed).toEqual(["ready:", "ended: revoked"]);
    // Far sooner than the 25 s heartbeat: the sign-out itself ends it.
    expect(await stream.closedAfter).toBeLessThan(10_000);
  }, 30_000);

  it("ends on another server instance too, when she signs out through this one", async () => {
    const device = await user.signIn();
    const stream = openStream(other.url, device.token);
    await stream.ready;
    await device.trpc.auth.logout.mutate();
    expect(await stream.closed).toEqual(["ready:", "ended: revoked"]);
    // Within its heartbeat (1 s there), not the default 25 s.
    expect(await stream.closedAfter).toBeLessThan(10_000);
  }, 30_000);

  it("leaves the streams of her other sessions open", async () => {
    const phone = await user.signIn();
    const laptop = await user.signIn();
    const stays = openStream(server.url, laptop.token);
    const ends = openStream(server.url, phone.token);
    await Promise.all([stays.ready, ends.ready]);
    await phone.trpc.auth.logout.mutate();
    expect(await ends.closed).toEqual(["ready:", "ended: revoked"]);
    await new Promise((r) => setTimeout(r, 300));
    expect(stays.isOpen()).toBe(true);
    await laptop.trpc.auth.logout.mutate();
    expect(await stays.closed).toEqual(["ready:", "ended: revoked"]);
  }, 30_000);
});

describe("the live stream ends when its session expires", () => {
  let server: TestServer;

  beforeAll(async () => {
    // Sessions of two seconds; the heartbeat stays at its 25 s, so only the session's own end can close the stream.
    server = await startTestServer({ SESSION_TTL_HOURS: String(2 / 3600) });
    await server.addOrganisation("org-a");
  });
  afterAll(() => server?.stop());

  it("ends at the session's expiry, without a heartbeat or a signal, and says it expired", async () => {
    const device = await (await server.addUser("sanne", "org-a")).signIn();
    const stream = openStream(server.url, device.token);
    await stream.ready;
    expect(await stream.closed).toEqual(["ready:", "ended: expired"]);
    const after = await stream.closedAfter;
    expect(after).toBeGreaterThanOrEqual(1_000);
    expect(after).toBeLessThan(15_000);
  }, 30_000);
});
