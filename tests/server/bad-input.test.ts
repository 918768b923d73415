import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { limits, type Mutation, protocolVersion } from "@naast/shared";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type ApiClient, signIn, type Trpc, trpcClient } from "../support/api.ts";
import { type ClientError, failure } from "../support/refusal-code.ts";
import { startTestServer, type TestServer, testPassword } from "../support/test-server.ts";
import { diffSnapshots, type Snapshot, type SnapshotRow, snapshotDatabase } from "./support-snapshot.ts";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const errorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    code: z.number(),
    data: z.object({
      code: z.string(),
      httpStatus: z.number(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  }),
});
type ErrorBody = z.infer<typeof errorBodySchema>["error"];

interface RawResponse {
  status: number;
  text: string;
  /** The tRPC error in the body, if it is one. */
  error: ErrorBody | undefined;
}

/**
 * A request as a broken (or hostile) client would send it, over node:http so nothing on the way
 * fixes it up. `chunks` without a content-length go out with chunked transfer encoding.
 */
function rawRequest(
  url: string,
  options: {
    method: "GET" | "POST";
    path: string;
    token?: string | null;
    authorization?: string;
    contentType?: string | null;
    body?: string | Buffer;
    chunks?: Buffer[];
  },
): Promise<RawResponse> {
  const target = new URL(options.path, url);
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  if (options.contentType !== null && options.method === "POST") headers["content-type"] = options.contentType ?? "application/json";
  if (options.body !== undefined) headers["content-length"] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    // A fresh connection each time: the server closes one after refusing a body it did not read.
    const req = request(target, { method: options.method, headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () => {
        const text = Buffer.concat(parts).toString("utf8");
        let error: ErrorBody | undefined;
        try {
          const parsed = errorBodySchema.safeParse(JSON.parse(text));
          error = parsed.success ? parsed.data.error : undefined;
        } catch {
          error = undefined;
        }
        resolve({ status: res.statusCode ?? 0, text, error });
      });
    });
    // The server may answer (413) and close before a large body is all sent; the answer counts.
    req.on("error", reject);
    if (options.body !== undefined) req.end(options.body);
    else if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else req.end();
  });
}

const post = (url: string, path: string, token: string | null, body: string | Buffer, contentType?: string | null) =>
  rawRequest(url, { method: "POST", path: `/trpc/${path}`, token, body, contentType });
const get = (url: string, path: string, token: string | null, input: string) =>
  rawRequest(url, { method: "GET", path: `/trpc/${path}?input=${encodeURIComponent(input)}`, token });

const newClient = (id = `client-${randomUUID()}`): Mutation => ({
  id: randomUUID(),
  name: "createClient",
  args: { id, alias: "Sem", birthYear: 1980, epdClientId: null },
});
const newNote = (clientId: string, text: string): Mutation => ({
  id: randomUUID(),
  name: "addNote",
  args: { id: `note-${randomUUID()}`, clientId, text, correctsNoteId: null },
});

// ---------------------------------------------------------------------------------------------
// The server, its organisations and users
// ---------------------------------------------------------------------------------------------

let server: TestServer;
/** A case manager of Zorggroep A; her client is `aliceClient`. */
let alice: ApiClient;
/** A case manager of Stichting B: no consent, so no access to Alice's client. */
let bob: ApiClient;
let aliceClient: string;

beforeAll(async () => {
  server = await startTestServer();
  await server.addOrganisation("org-a", "Zorggroep A");
  await server.addOrganisation("org-b", "Stichting B");
  const aliceUser = await server.addUser("alice", "org-a");
  const bobUser = await server.addUser("bob", "org-b");
  alice = await aliceUser.signIn();
  bob = await bobUser.signIn();
  aliceClient = `client-${randomUUID()}`;
  const created = await alice.push("createClient", { id: aliceClient, alias: "Anouk", birthYear: 1991, epdClientId: null });
  expect(created.status).toBe("applied");
  // Both devices have used their client group once, as a device that has synced before has.
  await alice.pull();
  await bob.pull();
});

afterAll(async () => {
  await server?.stop();
});

/** Runs what a test does and answers what it changed in the database. */
async function changesBy(action: () => Promise<void>): Promise<ReturnType<typeof diffSnapshots>> {
  const before: Snapshot = await snapshotDatabase(server.databaseUrl);
  await action();
  return diffSnapshots(before, await snapshotDatabase(server.databaseUrl));
}

/** Asserts the action wrote nothing at all, and answers the error it was refused with. */
async function refusedWithoutWriting(call: () => Promise<unknown>): Promise<ClientError> {
  let error: ClientError | undefined;
  const changes = await changesBy(async () => {
    error = await failure(call());
  });
  expect(changes).toEqual({});
  if (!error) throw new Error("unreachable");
  return error;
}

async function rawRefusedWithoutWriting(call: () => Promise<RawResponse>): Promise<RawResponse> {
  let response: RawResponse | undefined;
  const changes = await changesBy(async () => {
    response = await call();
  });
  expect(changes).toEqual({});
  if (!response) throw new Error("unreachable");
  return response;
}

// ---------------------------------------------------------------------------------------------
// auth.login
// ---------------------------------------------------------------------------------------------

describe("Signing in with bad input gets a clear error and starts no session", () => {
  it("an e-mail address that is not one is refused with BAD_REQUEST naming the email field", async () => {
    const error = await refusedWithoutWriting(() => trpcClient(server.url).auth.login.mutate({ email: "alice-at-test", password: testPassword }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.issues?.map((i) => i.path)).toEqual(["email"]);
  });

  it("a password that is a number, or missing, is refused with BAD_REQUEST", async () => {
    const wrongType = await rawRefusedWithoutWriting(() =>
      post(server.url, "auth.login", null, JSON.stringify({ email: "alice@test.naast", password: 12345678901 })),
    );
    expect(wrongType.status).toBe(400);
    expect(wrongType.error?.data.code).toBe("BAD_REQUEST");
    expect(wrongType.error?.data.issues?.map((i) => i.path)).toEqual(["password"]);

    const missing = await rawRefusedWithoutWriting(() => post(server.url, "auth.login", null, JSON.stringify({ email: "alice@test.naast" })));
    expect(missing.status).toBe(400);
    expect(missing.error?.data.code).toBe("BAD_REQUEST");
  });

  it("a password longer than 1,000 characters is refused with BAD_REQUEST", async () => {
    const error = await refusedWithoutWriting(() => trpcClient(server.url).auth.login.mutate({ email: "alice@test.naast", password: "x".repeat(1_001) }));
    expect(error.data?.code).toBe("BAD_REQUEST");
  });

  it("a body that is not JSON is refused with BAD_REQUEST (HTTP 400) saying so", async () => {
    const response = await rawRefusedWithoutWriting(() => post(server.url, "auth.login", null, '{"email": "alice@test.naast", "password": '));
    expect(response.status).toBe(400);
    expect(response.error?.data.code).toBe("BAD_REQUEST");
    expect(response.error?.message).toContain("JSON");
  });

  it("a wrong password is refused with UNAUTHORIZED and writes nothing", async () => {
    const error = await refusedWithoutWriting(() => trpcClient(server.url).auth.login.mutate({ email: "alice@test.naast", password: "not-the-password" }));
    expect(error.data?.code).toBe("UNAUTHORIZED");
  });
});

// ---------------------------------------------------------------------------------------------
// No session, a garbage session, a revoked session: every signed-in procedure
// ---------------------------------------------------------------------------------------------

/** Every procedure that needs a session, called with a push that would otherwise write. */
function signedInCalls(clientGroupId: string): Record<string, (trpc: Trpc) => Promise<unknown>> {
  return {
    "auth.me": (trpc) => trpc.auth.me.query(),
    "auth.logout": (trpc) => trpc.auth.logout.mutate(),
    "sync.push": (trpc) => trpc.sync.push.mutate({ clientGroupId, mutations: [newClient()] }),
    "sync.pull": (trpc) => trpc.sync.pull.query({ clientGroupId, cursor: null }),
  };
}

describe("A request without a valid session is refused with UNAUTHORIZED and writes nothing", () => {
  for (const [procedure, call] of Object.entries(signedInCalls(`cg-${randomUUID()}`))) {
    it(`${procedure} without a token is told to sign in first`, async () => {
      const error = await refusedWithoutWriting(() => call(trpcClient(server.url)));
      expect(error.data?.code).toBe("UNAUTHORIZED");
      expect(error.message).toBe("sign in first");
    });

    it(`${procedure} with a token the server never gave out is refused`, async () => {
      const error = await refusedWithoutWriting(() => call(trpcClient(server.url, "this-is-not-a-session-token")));
      expect(error.data?.code).toBe("UNAUTHORIZED");
    });
  }

  for (const authorization of ["Bearer ", "Basic YWxpY2U6cGFzc3dvcmQ=", "bearer-token-without-scheme"]) {
    it(`an authorization header "${authorization}" counts as no token`, async () => {
      const response = await rawRefusedWithoutWriting(() => rawRequest(server.url, { method: "GET", path: "/trpc/auth.me", authorization }));
      expect(response.status).toBe(401);
      expect(response.error?.data.code).toBe("UNAUTHORIZED");
    });
  }

  describe("after she signs out", () => {
    let carol: ApiClient;
    beforeAll(async () => {
      const carolUser = await server.addUser("carol", "org-a");
      carol = await carolUser.signIn();
      await carol.pull();
      await carol.trpc.auth.logout.mutate();
    });

    for (const procedure of ["auth.me", "auth.logout", "sync.push", "sync.pull"] as const) {
      it(`${procedure} with her revoked token is refused and tells her she was signed out`, async () => {
        const call = signedInCalls(carol.clientGroupId)[procedure];
        if (!call) throw new Error(`no call for ${procedure}`);
        const error = await refusedWithoutWriting(() => call(carol.trpc));
        expect(error.data?.code).toBe("UNAUTHORIZED");
        expect(error.message).toBe("you were signed out; sign in again");
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// sync.push
// ---------------------------------------------------------------------------------------------

describe("A push with bad input gets a clear error and nothing of it is written", () => {
  it("a body that is not JSON is refused with BAD_REQUEST (HTTP 400) saying so", async () => {
    const response = await rawRefusedWithoutWriting(() =>
      post(server.url, "sync.push", alice.token, `{"clientGroupId": "${alice.clientGroupId}", "mutations": [`),
    );
    expect(response.status).toBe(400);
    expect(response.error?.data.code).toBe("BAD_REQUEST");
    expect(response.error?.message).toContain("JSON");
  });

  it("a body sent as text/plain is refused with UNSUPPORTED_MEDIA_TYPE (HTTP 415)", async () => {
    const body = JSON.stringify({ clientGroupId: alice.clientGroupId, mutations: [newClient()] });
    const response = await rawRefusedWithoutWriting(() => post(server.url, "sync.push", alice.token, body, "text/plain"));
    expect(response.status).toBe(415);
    expect(response.error?.data.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("mutations that are not an array are refused with BAD_REQUEST naming the field", async () => {
    const response = await rawRefusedWithoutWriting(() =>
      post(server.url, "sync.push", alice.token, JSON.stringify({ clientGroupId: alice.clientGroupId, mutations: newClient() })),
    );
    expect(response.status).toBe(400);
    expect(response.error?.data.code).toBe("BAD_REQUEST");
    expect(response.error?.data.issues?.map((i) => i.path)).toEqual(["mutations"]);
  });

  it("a client group id that is a number, or not an id, is refused with BAD_REQUEST", async () => {
    const numeric = await rawRefusedWithoutWriting(() =>
      post(server.url, "sync.push", alice.token, JSON.stringify({ clientGroupId: 42, mutations: [newClient()] })),
    );
    expect(numeric.error?.data.code).toBe("BAD_REQUEST");
    expect(numeric.error?.data.issues?.map((i) => i.path)).toEqual(["clientGroupId"]);

    const notAnId = await refusedWithoutWriting(() => alice.trpc.sync.push.mutate({ clientGroupId: "../../etc/passwd", mutations: [newClient()] }));
    expect(notAnId.data?.code).toBe("BAD_REQUEST");
  });

  it("a mutation without an id is refused with BAD_REQUEST", async () => {
    const body = JSON.stringify({ clientGroupId: alice.clientGroupId, mutations: [{ name: "createClient", args: newClient().args }] });
    const response = await rawRefusedWithoutWriting(() => post(server.url, "sync.push", alice.token, body));
    expect(response.error?.data.code).toBe("BAD_REQUEST");
    expect(response.error?.data.issues?.map((i) => i.path)).toEqual(["mutations.0.id"]);
  });

  it(`a push of ${limits.mutationsPerPush + 1} mutations is refused with BAD_REQUEST`, async () => {
    const mutations = Array.from({ length: limits.mutationsPerPush + 1 }, () => newClient());
    const error = await refusedWithoutWriting(() => alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.issues?.map((i) => i.path)).toEqual(["mutations"]);
  });

  it(`a push of exactly ${limits.mutationsPerPush} mutations is accepted`, async () => {
    const mutations = Array.from({ length: limits.mutationsPerPush }, () => newClient());
    const { results } = await alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations });
    expect(results).toHaveLength(limits.mutationsPerPush);
    expect(results.every((r) => r.status === "applied")).toBe(true);
  }, 120_000); // generous: 500 mutations on two cores shared with other work

  it(`a note of ${limits.noteLength + 1} characters is refused with BAD_REQUEST and not stored`, async () => {
    const error = await refusedWithoutWriting(() =>
      alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [newNote(aliceClient, "n".repeat(limits.noteLength + 1))] }),
    );
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("addNote");
    expect(error.data?.issues?.map((i) => i.path)).toEqual(["text"]);
  });

  it(`a note of exactly ${limits.noteLength} characters is accepted and stored whole`, async () => {
    const note = newNote(aliceClient, "n".repeat(limits.noteLength));
    const changes = await changesBy(async () => {
      const { results } = await alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [note] });
      expect(results).toEqual([{ id: note.id, status: "applied" }]);
    });
    const stored = changes.records?.added.find((r) => r.collection === "notes");
    expect(stored).toBeDefined();
    expect(JSON.parse(String(stored?.data)).text).toHaveLength(limits.noteLength);
  });

  describe(`a request body over ${limits.requestBodyBytes} bytes`, () => {
    /** A valid push of one new client, padded with JSON whitespace to exactly `bytes` bytes. */
    const paddedPush = (bytes: number) => {
      const json = JSON.stringify({ protocolVersion, clientGroupId: alice.clientGroupId, mutations: [newClient()] });
      return `${json}${" ".repeat(bytes - Buffer.byteLength(json))}`;
    };

    it("is refused with HTTP 413 at one byte over the limit, and accepted at the limit", async () => {
      const over = await rawRefusedWithoutWriting(() => post(server.url, "sync.push", alice.token, paddedPush(limits.requestBodyBytes + 1)));
      expect(over.status).toBe(413);
      expect(over.error?.data.code).toBe("PAYLOAD_TOO_LARGE");

      const atLimit = await post(server.url, "sync.push", alice.token, paddedPush(limits.requestBodyBytes));
      expect(atLimit.status).toBe(200);
    });

    it("is refused with HTTP 413 when it comes in chunks without a content-length", async () => {
      const body = Buffer.from(paddedPush(limits.requestBodyBytes + 100_000));
      const chunks = Array.from({ length: Math.ceil(body.length / 65_536) }, (_, i) => body.subarray(i * 65_536, (i + 1) * 65_536));
      const response = await rawRefusedWithoutWriting(() => rawRequest(server.url, { method: "POST", path: "/trpc/sync.push", token: alice.token, chunks }));
      expect(response.status).toBe(413);
      expect(response.error?.data.code).toBe("PAYLOAD_TOO_LARGE");
    });
  });

  it("an unknown mutator is refused with BAD_REQUEST naming it", async () => {
    const error = await refusedWithoutWriting(() =>
      alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [{ id: randomUUID(), name: "deleteEverything", args: {} }] }),
    );
    expect(error.message).toContain('unknown mutator "deleteEverything"');
    expect(error.data?.code).toBe("BAD_REQUEST");
  });

  it("a mutator name from Object.prototype is an unknown mutator too", async () => {
    const error = await refusedWithoutWriting(() =>
      alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [{ id: randomUUID(), name: "toString", args: {} }] }),
    );
    expect(error.data?.code).toBe("BAD_REQUEST");
  });

  it("arguments of the wrong type for a known mutator are refused with BAD_REQUEST naming the argument", async () => {
    const mutation: Mutation = {
      id: randomUUID(),
      name: "createClient",
      args: { id: `client-${randomUUID()}`, alias: "Sem", birthYear: "1980", epdClientId: null },
    };
    const error = await refusedWithoutWriting(() => alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [mutation] }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("createClient");
    expect(error.data?.issues?.map((i) => i.path)).toEqual(["birthYear"]);
  });

  it("when mutation 2 of 3 is malformed, none of the three is applied", async () => {
    const malformed: Mutation = { id: randomUUID(), name: "addNote", args: { clientId: aliceClient, text: 42 } };
    const error = await refusedWithoutWriting(() =>
      alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [newClient(), malformed, newNote(aliceClient, "Goed gesprek gehad.")] }),
    );
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("mutation 1");
    expect(error.message).toContain("addNote");
  });

  it("when mutation 2 of 3 names an unknown mutator, none of the three is applied", async () => {
    const error = await refusedWithoutWriting(() =>
      alice.trpc.sync.push.mutate({
        clientGroupId: alice.clientGroupId,
        mutations: [newClient(), { id: randomUUID(), name: "addNoot", args: {} }, newNote(aliceClient, "Goed gesprek gehad.")],
      }),
    );
    expect(error.data?.code).toBe("BAD_REQUEST");
  });

  it("a push that holds the same mutation id twice is refused with BAD_REQUEST", async () => {
    const twice = newClient();
    const error = await refusedWithoutWriting(() => alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [twice, { ...twice }] }));
    expect(error.data?.code).toBe("BAD_REQUEST");
  });

  it("a push through another user's client group is refused with FORBIDDEN", async () => {
    const error = await refusedWithoutWriting(() => bob.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [newClient()] }));
    expect(error.data?.code).toBe("FORBIDDEN");
  });
});

describe("A user of another organisation pushing to a client she has no access to", () => {
  it("has that mutation rejected with a reason, audited as denied, while the rest of the push is applied", async () => {
    const bobClient = `client-${randomUUID()}`;
    const first = newClient(bobClient);
    const intrusion = newNote(aliceClient, "Ik lees mee.");
    const last: Mutation = { id: randomUUID(), name: "updatePlanDomain", args: { clientId: bobClient, domain: "housing", goal: "Een eigen kamer." } };
    const group = `cg-${randomUUID()}`;

    let results: Awaited<ReturnType<Trpc["sync"]["push"]["mutate"]>>["results"] = [];
    const changes = await changesBy(async () => {
      ({ results } = await bob.trpc.sync.push.mutate({ clientGroupId: group, mutations: [first, intrusion, last] }));
    });

    expect(results).toEqual([
      { id: first.id, status: "applied" },
      { id: intrusion.id, status: "rejected", kind: "forbidden", refusal: { code: "access.no-consent", params: {} } },
      { id: last.id, status: "applied" },
    ]);

    // Exactly these tables changed, and only by additions (the sequence counter moves on).
    expect(Object.keys(changes).sort()).toEqual(["audit_log", "client_groups", "client_organisations", "processed_mutations", "records", "sync_state"]);
    const added = (table: string): SnapshotRow[] => changes[table]?.added ?? [];
    for (const table of ["audit_log", "client_groups", "client_organisations", "processed_mutations", "records"]) {
      expect(changes[table]?.removed, table).toEqual([]);
    }

    // Nothing of Alice's client was touched; Bob's own client and plan were written.
    expect(added("records").map((r) => [r.collection, r.client_id])).toEqual(
      expect.arrayContaining([
        ["clients", bobClient],
        ["planDomains", bobClient],
      ]),
    );
    expect(added("records")).toHaveLength(2);
    expect(added("records").some((r) => r.client_id === aliceClient)).toBe(false);
    expect(added("client_organisations")).toEqual([{ client_id: bobClient, organisation_id: "org-b" }]);
    expect(added("client_groups")).toEqual([expect.objectContaining({ id: group, user_id: bob.userId })]);

    // Every mutation is remembered with its outcome, so a replay gets the same answer.
    expect(
      added("processed_mutations")
        .map((r) => [r.id, r.status, r.code])
        .sort(),
    ).toEqual(
      [
        [first.id, "applied", null],
        [intrusion.id, "rejected", "forbidden"],
        [last.id, "applied", null],
      ].sort(),
    );

    // The denied attempt is in the audit log, in order between the two that were applied.
    const audit = added("audit_log").sort((a, b) => Number(a.seq) - Number(b.seq));
    expect(audit.map((r) => ({ event: r.event, outcome: r.outcome, client: r.client_id, user: r.user_id, org: r.organisation_id }))).toEqual([
      { event: "createClient", outcome: "ok", client: bobClient, user: bob.userId, org: "org-b" },
      { event: "addNote", outcome: "denied", client: aliceClient, user: bob.userId, org: "org-b" },
      { event: "updatePlanDomain", outcome: "ok", client: bobClient, user: bob.userId, org: "org-b" },
    ]);
    const denied = audit[1];
    expect(denied?.categories).toBe("[]");
    expect(denied?.consent_id).toBeNull();
  });

  it("writes nothing but the audit row and the remembered outcome when that is all the push holds", async () => {
    const intrusion = newNote(aliceClient, "Ik lees mee.");
    let results: Awaited<ReturnType<Trpc["sync"]["push"]["mutate"]>>["results"] = [];
    const changes = await changesBy(async () => {
      ({ results } = await bob.trpc.sync.push.mutate({ clientGroupId: bob.clientGroupId, mutations: [intrusion] }));
    });
    expect(results).toEqual([{ id: intrusion.id, status: "rejected", kind: "forbidden", refusal: { code: "access.no-consent", params: {} } }]);
    expect(Object.keys(changes).sort()).toEqual(["audit_log", "processed_mutations"]);
    expect(changes.processed_mutations).toEqual({
      added: [expect.objectContaining({ client_group_id: bob.clientGroupId, id: intrusion.id, status: "rejected", code: "forbidden" })],
      removed: [],
    });
    expect(changes.audit_log).toEqual({
      added: [expect.objectContaining({ event: "addNote", outcome: "denied", client_id: aliceClient, user_id: bob.userId, categories: "[]" })],
      removed: [],
    });
  });

  it("gets the same rejection, and writes nothing more, when the device sends it again", async () => {
    const intrusion = newNote(aliceClient, "Nog een keer.");
    const firstTime = await bob.trpc.sync.push.mutate({ clientGroupId: bob.clientGroupId, mutations: [intrusion] });
    const changes = await changesBy(async () => {
      const again = await bob.trpc.sync.push.mutate({ clientGroupId: bob.clientGroupId, mutations: [intrusion] });
      expect(again).toEqual(firstTime);
    });
    expect(changes).toEqual({});
  });

  it("cannot read the client either: her pull brings nothing of it", async () => {
    const response = await bob.trpc.sync.pull.query({ clientGroupId: bob.clientGroupId, cursor: null });
    expect(response.puts.some((p) => p.id === aliceClient || JSON.stringify(p.data).includes(aliceClient))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// sync.pull
// ---------------------------------------------------------------------------------------------

describe("A pull with bad input gets a clear error and writes nothing", () => {
  const future = `999999.${"ab".repeat(16)}`;

  it("input that is not JSON is refused with BAD_REQUEST (HTTP 400) saying so", async () => {
    const response = await rawRefusedWithoutWriting(() => get(server.url, "sync.pull", alice.token, `{"clientGroupId": "${alice.clientGroupId}", "cursor": `));
    expect(response.status).toBe(400);
    expect(response.error?.data.code).toBe("BAD_REQUEST");
    expect(response.error?.message).toContain("JSON");
  });

  it("a cursor that is a number is refused with BAD_REQUEST naming the cursor", async () => {
    const response = await rawRefusedWithoutWriting(() =>
      get(server.url, "sync.pull", alice.token, JSON.stringify({ clientGroupId: alice.clientGroupId, cursor: 12 })),
    );
    expect(response.status).toBe(400);
    expect(response.error?.data.code).toBe("BAD_REQUEST");
    expect(response.error?.data.issues?.map((i) => i.path)).toEqual(["cursor"]);
  });

  it("a missing client group id is refused with BAD_REQUEST", async () => {
    const response = await rawRefusedWithoutWriting(() => get(server.url, "sync.pull", alice.token, JSON.stringify({ cursor: null })));
    expect(response.error?.data.code).toBe("BAD_REQUEST");
    expect(response.error?.data.issues?.map((i) => i.path)).toEqual(["clientGroupId"]);
  });

  for (const malformed of ["not-a-cursor", "12", "12.xyz", `-1.${"ab".repeat(16)}`, `1.${"AB".repeat(16)}`, `1.${"ab".repeat(16)}.1`]) {
    it(`a malformed cursor ("${malformed.slice(0, 24)}") is refused with BAD_REQUEST`, async () => {
      const error = await refusedWithoutWriting(() => alice.trpc.sync.pull.query({ clientGroupId: alice.clientGroupId, cursor: malformed }));
      expect(error.data?.code).toBe("BAD_REQUEST");
      expect(error.data?.issues?.map((i) => i.path)).toEqual(["cursor"]);
    });
  }

  it("a cursor from the future is refused with BAD_REQUEST", async () => {
    const error = await refusedWithoutWriting(() => alice.trpc.sync.pull.query({ clientGroupId: alice.clientGroupId, cursor: future }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("ahead of the server");
  });

  it("a cursor from the future sent through a client group the server has not seen yet writes nothing either", async () => {
    const error = await refusedWithoutWriting(() => alice.trpc.sync.pull.query({ clientGroupId: `cg-${randomUUID()}`, cursor: future }));
    expect(error.data?.code).toBe("BAD_REQUEST");
  });

  it("a well-formed cursor the server does not know answers with a full reset, not an error", async () => {
    const response = await alice.trpc.sync.pull.query({ clientGroupId: alice.clientGroupId, cursor: `1.${"0".repeat(32)}` });
    expect(response.reset).toBe(true);
  });

  it("a cursor handed out to another user tells her nothing about that user's clients", async () => {
    const alicesCursor = alice.cursor;
    if (!alicesCursor) throw new Error("alice has pulled before, so she has a cursor");
    const response = await bob.trpc.sync.pull.query({ clientGroupId: bob.clientGroupId, cursor: alicesCursor });
    expect(response.purges.map((p) => p.clientId)).not.toContain(aliceClient);
    expect(JSON.stringify(response)).not.toContain(aliceClient);
  });

  it("a pull through another user's client group is refused with FORBIDDEN", async () => {
    const error = await refusedWithoutWriting(() => bob.trpc.sync.pull.query({ clientGroupId: alice.clientGroupId, cursor: null }));
    expect(error.data?.code).toBe("FORBIDDEN");
  });
});

// ---------------------------------------------------------------------------------------------
// Expired sessions: a server whose sessions last about a second
// ---------------------------------------------------------------------------------------------

describe("A request with an expired session is refused with UNAUTHORIZED and writes nothing", () => {
  let shortLived: TestServer;
  let dana: ApiClient;

  beforeAll(async () => {
    // Sessions keep the wall clock (not the movable one): 0.001 h = 3.6 s leaves a loaded machine
    // time to sign in and use the session once before it runs out (0.0003 h = 1 s did not always).
    shortLived = await startTestServer({ SESSION_TTL_HOURS: "0.001" });
    await shortLived.addOrganisation("org-a");
    const danaUser = await shortLived.addUser("dana", "org-a");
    dana = await signIn(shortLived.url, danaUser.email, testPassword);
    // While it lasts, the session works and claims her client group.
    const { expiresAt } = await dana.trpc.auth.me.query();
    await dana.pull();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(expiresAt) - Date.now()) + 50));
  });

  afterAll(async () => {
    await shortLived?.stop();
  });

  for (const procedure of ["auth.me", "auth.logout", "sync.push", "sync.pull"] as const) {
    it(`${procedure} is refused and tells her the session expired`, async () => {
      const call = signedInCalls(dana.clientGroupId)[procedure];
      if (!call) throw new Error(`no call for ${procedure}`);
      const before = await snapshotDatabase(shortLived.databaseUrl);
      const error = await failure(call(dana.trpc));
      expect(diffSnapshots(before, await snapshotDatabase(shortLived.databaseUrl))).toEqual({});
      expect(error.data?.code).toBe("UNAUTHORIZED");
      expect(error.message).toBe("your session has expired; sign in again");
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Last, because a failure here can leave a broken kept-alive connection in fetch's pool.
// ---------------------------------------------------------------------------------------------

describe(`A push over ${limits.requestBodyBytes} bytes sent by the tRPC client, as the extension sends it`, () => {
  it("reaches her as PAYLOAD_TOO_LARGE (HTTP 413), also on a connection already in use", async () => {
    // 51 notes of the largest size allowed: each is valid, together they are too much. The
    // extension sends with fetch over a kept-alive connection; the clear error must reach it.
    const mutations = Array.from({ length: 51 }, () => newNote(aliceClient, "n".repeat(limits.noteLength)));
    const before = await snapshotDatabase(server.databaseUrl);
    const outcomes: string[] = [];
    for (let round = 0; round < 3; round++) {
      await alice.trpc.auth.me.query();
      try {
        await alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations });
        outcomes.push("accepted");
      } catch (error) {
        if (!(error instanceof TRPCClientError)) throw error;
        const { data } = error as ClientError;
        const cause = error.cause instanceof Error && error.cause.cause instanceof Error ? ` (${error.cause.cause.message})` : "";
        outcomes.push(data ? `${data.code} ${data.httpStatus}` : `no tRPC error: ${error.message}${cause}`);
      }
    }
    expect(diffSnapshots(before, await snapshotDatabase(server.databaseUrl))).toEqual({});
    expect(outcomes).toEqual(["PAYLOAD_TOO_LARGE 413", "PAYLOAD_TOO_LARGE 413", "PAYLOAD_TOO_LARGE 413"]);
  });
});
