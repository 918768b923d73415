import { randomUUID } from "node:crypto";
import type { AppRouter } from "@naast/server/router";
import { type Mutation, protocolVersion } from "@naast/shared";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSnapshots, snapshotDatabase } from "../server/support-snapshot.ts";
import type { ApiClient } from "../support/api.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

let server: TestServer;
let alice: ApiClient;

beforeAll(async () => {
  ({ server, alice } = await teamServer({ alice: "org-a" }));
});
afterAll(() => server?.stop());

const newClient = (): Mutation => ({
  id: randomUUID(),
  name: "createClient",
  args: { id: `client-${randomUUID()}`, alias: "Sem", birthYear: 1980, epdClientId: null },
});

/** The call's tRPC error, after checking that it wrote nothing. */
async function refusal(call: () => Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  const before = await snapshotDatabase(server.databaseUrl);
  const error = await call().then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e,
  );
  expect(diffSnapshots(before, await snapshotDatabase(server.databaseUrl))).toEqual({});
  if (!(error instanceof TRPCClientError)) throw error;
  return error as TRPCClientError<AppRouter>;
}

/** Raw JSON over HTTP, as an extension from before protocol versions sends it. */
async function rawPush(body: unknown) {
  const response = await fetch(`${server.url}/trpc/sync.push`, {
    method: "POST",
    headers: { authorization: `Bearer ${alice.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { error?: { data?: { protocol?: string } } } };
}

describe("Push and pull carry a protocol version, so the server can say 'update me'", () => {
  it("a push from an extension that sends no version (from before versions) is told to update, with a code, and nothing is written", async () => {
    const before = await snapshotDatabase(server.databaseUrl);
    const { status, body } = await rawPush({ clientGroupId: alice.clientGroupId, mutations: [newClient()] });
    expect(status).toBe(412);
    expect(body.error?.data?.protocol).toBe("extension-outdated");
    expect(diffSnapshots(before, await snapshotDatabase(server.databaseUrl))).toEqual({});
  });

  it("a pull in version 1 is told to update too", async () => {
    const error = await refusal(() => alice.trpc.sync.pull.query({ protocolVersion: 1, clientGroupId: alice.clientGroupId, cursor: null }));
    expect(error.data?.code).toBe("PRECONDITION_FAILED");
    expect(error.data?.protocol).toBe("extension-outdated");
  });

  it("an extension newer than the server hears that the server must be updated", async () => {
    const error = await refusal(() =>
      alice.trpc.sync.push.mutate({ protocolVersion: protocolVersion + 1, clientGroupId: alice.clientGroupId, mutations: [newClient()] }),
    );
    expect(error.data?.protocol).toBe("server-outdated");
  });

  it("the current version is answered", async () => {
    const { results } = await alice.trpc.sync.push.mutate({ protocolVersion, clientGroupId: alice.clientGroupId, mutations: [newClient()] });
    expect(results.map((r) => r.status)).toEqual(["applied"]);
  });
});

describe("A mutation the server cannot read is named in the error's data, never only in its message", () => {
  it("malformed arguments: the error's data names the mutation's position and id", async () => {
    const malformed: Mutation = { id: randomUUID(), name: "addNote", args: { clientId: "x", text: 42 } };
    const error = await refusal(() => alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [newClient(), malformed, newClient()] }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.mutation).toEqual({ index: 1, id: malformed.id });
  });

  it("an unknown mutator: named the same way", async () => {
    const unknown: Mutation = { id: randomUUID(), name: "deleteEverything", args: {} };
    const error = await refusal(() => alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [unknown] }));
    expect(error.data?.mutation).toEqual({ index: 0, id: unknown.id });
  });

  it("a mutation whose own id the schema refuses: named by its position", async () => {
    const badId: Mutation = { ...newClient(), id: "has a space" };
    const error = await refusal(() => alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [newClient(), newClient(), badId] }));
    expect(error.data?.mutation).toEqual({ index: 2, id: null });
  });
});
