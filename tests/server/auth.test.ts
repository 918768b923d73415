import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import type { AppRouter } from "@naast/server/router";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInAnswer, type Trpc } from "../support/api.ts";
import { failure } from "../support/refusal-code.ts";
import { startTestServer, type TestServer, testPassword } from "../support/test-server.ts";
import { diffSnapshots, snapshotContains, snapshotDatabase } from "./support-snapshot.ts";

// The server counts sign-in attempts per account and per network address. Every test signs in
// from a loopback address of its own (127.0.0.x), so the counts of one test never reach another.
const perAccount = 3;
const perAddress = 4;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ LOGIN_LIMIT_PER_ACCOUNT: String(perAccount), LOGIN_LIMIT_PER_ADDRESS: String(perAddress) });
  await server.addOrganisation("org-a", "Zorggroep A");
});

afterAll(async () => {
  await server?.stop();
});

let lastAddress = 10;
/** A network address no other test has used. */
const freshAddress = () => `127.0.0.${++lastAddress}`;

/** fetch, but from a given local address, so the server sees the request come from there. */
function fetchFrom(localAddress: string) {
  return (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
      const headers = new Headers(init?.headers);
      const body = typeof init?.body === "string" ? init.body : undefined;
      if (body !== undefined) headers.set("content-length", String(Buffer.byteLength(body)));
      const req = request(url, { method: init?.method ?? "GET", headers: Object.fromEntries(headers), localAddress, agent: false }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("end", () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === "string") responseHeaders.set(name, value);
          resolve(new Response(Buffer.concat(parts).toString("utf8"), { status: res.statusCode ?? 0, headers: responseHeaders }));
        });
      });
      req.on("error", reject);
      req.end(body);
    });
}

/** A tRPC client on a device at `address`, signed in with `token` or not at all. */
function deviceAt(address: string, token: string | null = null): Trpc {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${server.url}/trpc`, fetch: fetchFrom(address), headers: () => (token ? { authorization: `Bearer ${token}` } : {}) })],
  });
}

const login = async (address: string, email: string, password: string) => signedInAnswer(await deviceAt(address).auth.login.mutate({ email, password }));

/** The same sign-in as the tRPC client sends it, answering the bare HTTP status. */
async function loginStatus(address: string, email: string, password: string): Promise<number> {
  const response = await fetchFrom(address)(`${server.url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  return response.status;
}

describe("Signing in", () => {
  let email: string;
  beforeAll(async () => {
    ({ email } = await server.addUser("anna", "org-a"));
  });

  it("with the right password she gets a session token and who she is, and the token works", async () => {
    const address = freshAddress();
    const session = await login(address, email, testPassword);
    expect(session.user).toMatchObject({ id: "anna", organisationId: "org-a", role: "casemanager", active: true });
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
    const me = await deviceAt(address, session.token).auth.me.query();
    expect(me.user.id).toBe("anna");
  });

  it("her e-mail address is matched whatever its capitals", async () => {
    const session = await login(freshAddress(), email.toUpperCase(), testPassword);
    expect(session.user.id).toBe("anna");
  });

  it("with a wrong password she is refused with UNAUTHORIZED, and no session is started", async () => {
    const before = await snapshotDatabase(server.databaseUrl);
    const error = await failure(login(freshAddress(), email, "wrong-password-123"));
    expect(error.data?.code).toBe("UNAUTHORIZED");
    expect(error.data?.httpStatus).toBe(401);
    expect(diffSnapshots(before, await snapshotDatabase(server.databaseUrl))).toEqual({});
  });

  it("an unknown e-mail address gets exactly the same answer as a wrong password", async () => {
    const address = freshAddress();
    const wrongPassword = await failure(login(address, email, "wrong-password-123"));
    const unknownEmail = await failure(login(address, "nobody@test.naast", "wrong-password-123"));
    expect(unknownEmail.data?.code).toBe("UNAUTHORIZED");
    expect({ message: unknownEmail.message, code: unknownEmail.data?.code, status: unknownEmail.data?.httpStatus }).toEqual({
      message: wrongPassword.message,
      code: wrongPassword.data?.code,
      status: wrongPassword.data?.httpStatus,
    });
  });
});

describe("What the database keeps of a session and a password", () => {
  let email: string;
  beforeAll(async () => {
    ({ email } = await server.addUser("bram", "org-a"));
  });

  it("the session token is nowhere in the database, only its SHA-256", async () => {
    const { token } = await login(freshAddress(), email, testPassword);
    const snapshot = await snapshotDatabase(server.databaseUrl);
    expect(snapshotContains(snapshot, token)).toBe(false);

    // Not in any table, and not in the files either (the write-ahead log included).
    const file = server.databaseUrl.slice("file:".length);
    for (const path of [file, `${file}-wal`, `${file}-shm`, join(server.dir, "naast.db-journal")]) {
      if (existsSync(path)) expect(readFileSync(path).includes(token), path).toBe(false);
    }

    const sha256 = createHash("sha256").update(token).digest("hex");
    const sessions = snapshot.sessions ?? [];
    expect(sessions.filter((s) => s.token_hash === sha256)).toEqual([expect.objectContaining({ user_id: "bram", revoked_at: null })]);
    for (const session of sessions) expect(String(session.token_hash)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("passwords are stored as argon2id hashes, never as themselves", async () => {
    const snapshot = await snapshotDatabase(server.databaseUrl);
    const accounts = snapshot.accounts ?? [];
    expect(accounts.length).toBeGreaterThan(0);
    for (const account of accounts) expect(String(account.password_hash)).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(snapshotContains(snapshot, testPassword)).toBe(false);
  });
});

describe("Signing out", () => {
  let email: string;
  beforeAll(async () => {
    ({ email } = await server.addUser("carla", "org-a"));
  });

  it("revokes the session: afterwards it is refused with UNAUTHORIZED, saying she was signed out", async () => {
    const address = freshAddress();
    const { token } = await login(address, email, testPassword);
    const device = deviceAt(address, token);
    await expect(device.auth.me.query()).resolves.toMatchObject({ user: { id: "carla" } });

    expect(await device.auth.logout.mutate()).toEqual({ signedOut: true });

    const error = await failure(device.auth.me.query());
    expect(error.data?.code).toBe("UNAUTHORIZED");
    expect(error.message).toBe("you were signed out; sign in again");

    const sha256 = createHash("sha256").update(token).digest("hex");
    const row = (await snapshotDatabase(server.databaseUrl)).sessions?.find((s) => s.token_hash === sha256);
    expect(row?.revoked_at).toEqual(expect.any(String));
  });

  it("signs out only that device: her session on another device goes on working", async () => {
    const laptop = freshAddress();
    const phone = freshAddress();
    const onLaptop = await login(laptop, email, testPassword);
    const onPhone = await login(phone, email, testPassword);
    await deviceAt(laptop, onLaptop.token).auth.logout.mutate();
    await expect(deviceAt(phone, onPhone.token).auth.me.query()).resolves.toMatchObject({ user: { id: "carla" } });
    expect((await failure(deviceAt(laptop, onLaptop.token).auth.me.query())).data?.code).toBe("UNAUTHORIZED");
  });
});

describe(`Sign-in attempts are limited per account (${perAccount} here)`, () => {
  it(`after ${perAccount} wrong passwords, even the right one is refused with TOO_MANY_REQUESTS (HTTP 429), from any address`, async () => {
    const { email } = await server.addUser("daan", "org-a");
    const guesser = freshAddress();
    for (let attempt = 0; attempt < perAccount; attempt++) {
      expect((await failure(login(guesser, email, `guess-${attempt}-abcdef`))).data?.code).toBe("UNAUTHORIZED");
    }

    const before = await snapshotDatabase(server.databaseUrl);
    const error = await failure(login(freshAddress(), email, testPassword));
    expect(error.data?.code).toBe("TOO_MANY_REQUESTS");
    expect(error.data?.httpStatus).toBe(429);
    expect(await loginStatus(freshAddress(), email, testPassword)).toBe(429);
    expect(diffSnapshots(before, await snapshotDatabase(server.databaseUrl))).toEqual({});
  });

  it("the limit of one account does not touch another account at the same address", async () => {
    const { email: target } = await server.addUser("eva", "org-a");
    const { email: colleague } = await server.addUser("eva-collega", "org-a");
    const address = freshAddress();
    for (let attempt = 0; attempt < perAccount; attempt++) await failure(login(address, target, `guess-${attempt}-abcdef`));
    expect((await login(address, colleague, testPassword)).user.id).toBe("eva-collega");
  });

  it("an unknown e-mail address is limited the same way, so the limit does not tell which accounts exist", async () => {
    const address = freshAddress();
    for (let attempt = 0; attempt < perAccount; attempt++) {
      expect((await failure(login(address, "nobody-else@test.naast", `guess-${attempt}-abcdef`))).data?.code).toBe("UNAUTHORIZED");
    }
    expect((await failure(login(freshAddress(), "nobody-else@test.naast", "guess-again-abcdef"))).data?.code).toBe("TOO_MANY_REQUESTS");
  });

  it("a colleague who mistypes and then gets it right starts counting afresh", async () => {
    const { email } = await server.addUser("femke", "org-a");
    for (let round = 0; round < 2; round++) {
      const address = freshAddress();
      await failure(login(address, email, "typo-password-1"));
      await failure(login(address, email, "typo-password-2"));
      expect((await login(address, email, testPassword)).user.id).toBe("femke");
    }
  });
});

describe(`Sign-in attempts are limited per address (${perAddress} here)`, () => {
  it(`after ${perAddress} failed attempts from one address, a different account is refused there with HTTP 429, but not elsewhere`, async () => {
    const users = await Promise.all(["gijs-1", "gijs-2", "gijs-3", "gijs-4", "gijs-5"].map((id) => server.addUser(id, "org-a")));
    const address = freshAddress();
    for (const user of users.slice(0, perAddress)) {
      expect((await failure(login(address, user.email, "wrong-password-123"))).data?.code).toBe("UNAUTHORIZED");
    }
    const last = users[perAddress];
    if (!last) throw new Error("not enough users");

    const before = await snapshotDatabase(server.databaseUrl);
    const error = await failure(login(address, last.email, testPassword));
    expect(error.data?.code).toBe("TOO_MANY_REQUESTS");
    expect(await loginStatus(address, last.email, testPassword)).toBe(429);
    expect(diffSnapshots(before, await snapshotDatabase(server.databaseUrl))).toEqual({});

    // The same account, from another address, is let in: the address was limited, not her.
    expect((await login(freshAddress(), last.email, testPassword)).user.id).toBe("gijs-5");
  });
});

describe("The sign-in limiter stays small and fair", () => {
  it("a flood of invented e-mail addresses from one address adds no more per-account counters than that address may try", async () => {
    const address = freshAddress();
    const before = server.services.loginLimits.perAccount.size;
    for (let attempt = 0; attempt < 60; attempt++) {
      const status = await loginStatus(address, `invented-${attempt}@nowhere.test`, "guess-abcdef");
      expect(status === 401 || status === 429).toBe(true);
    }
    expect(server.services.loginLimits.perAccount.size - before).toBeLessThanOrEqual(perAddress);
  });

  it("a team behind one gateway signs in more often than the address limit; failed guesses from there are still limited", async () => {
    const team = await Promise.all(["hanna-1", "hanna-2", "hanna-3", "hanna-4", "hanna-5", "hanna-6"].map((id) => server.addUser(id, "org-a")));
    const gateway = freshAddress();
    for (const colleague of team) expect((await login(gateway, colleague.email, testPassword)).token).toEqual(expect.any(String));
    for (let attempt = 0; attempt < perAddress; attempt++) {
      expect((await failure(login(gateway, `guess-${attempt}@nowhere.test`, "wrong-password-123"))).data?.code).toBe("UNAUTHORIZED");
    }
    expect(await loginStatus(gateway, team[0]?.email ?? "", testPassword)).toBe(429);
  });
});
