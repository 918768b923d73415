import { existsSync, statSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import type { AppRouter } from "@naast/server/router";
import { createTRPCClient, httpLink } from "@trpc/client";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "../../server/src/env.ts";
import { startServer } from "../../server/src/server.ts";
import { type Trpc, trpcClient } from "../support/api.ts";
import { errorCode, refusalCode } from "../support/refusal-code.ts";
import { startTestServer, type TestServer, testPassword } from "../support/test-server.ts";
import { snapshotContains, snapshotDatabase } from "./support-snapshot.ts";

const perAccount = 3;

/** The code an authenticator app shows for this secret, at `at`. */
const codeFor = (secret: string, at = Date.now()) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });

/** A code that is not right now (nor one period either side). */
const wrongCodeFor = (secret: string) => {
  const near = [-1, 0, 1].map((k) => codeFor(secret, Date.now() + k * 30_000));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!near.includes(candidate)) return candidate;
  }
};

async function sql(statement: string, args: (string | number | null)[] = []) {
  const db = createClient({ url: server.databaseUrl });
  try {
    return (await db.execute({ sql: statement, args })).rows;
  } finally {
    db.close();
  }
}

let lastAddress = 10;
/** A tRPC client whose requests come from a loopback address of their own, so limits of one test never reach another. */
function freshDevice(): Trpc {
  const localAddress = `127.0.1.${++lastAddress}`;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${server.url}/trpc`,
        fetch: (input, init) =>
          new Promise((resolve, reject) => {
            const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
            const body = typeof init?.body === "string" ? init.body : undefined;
            const headers = { ...Object.fromEntries(new Headers(init?.headers)), ...(body ? { "content-length": String(Buffer.byteLength(body)) } : {}) };
            const req = request(url, { method: init?.method ?? "GET", headers, localAddress, agent: false }, (res) => {
              const parts: Buffer[] = [];
              res.on("data", (p: Buffer) => parts.push(p));
              res.on("end", () =>
                resolve(new Response(Buffer.concat(parts).toString("utf8"), { status: res.statusCode ?? 0, headers: { "content-type": "application/json" } })),
              );
            });
            req.on("error", reject);
            req.end(body);
          }),
      }),
    ],
  });
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ SECOND_FACTOR: "required", LOGIN_LIMIT_PER_ACCOUNT: String(perAccount) });
  await server.addOrganisation("org-a");
});
afterAll(() => server?.stop());

/** Enrols `email` as at a first sign-in; answers the secret and the recovery codes. */
async function enrol(email: string) {
  const device = freshDevice();
  const first = await device.auth.login.mutate({ email, password: testPassword });
  if (first.step !== "enrol") throw new Error(`expected enrolment, got ${first.step}`);
  const done = await device.auth.secondFactor.mutate({ challenge: first.challenge, code: codeFor(first.secret) });
  return { secret: first.secret, recoveryCodes: done.recoveryCodes ?? [] };
}

describe("two-factor sign-in", () => {
  it("enrols at the first sign-in: a QR code's address and no session until the first right code, then ten recovery codes", async () => {
    const { email } = await server.addUser("anna", "org-a");
    const device = freshDevice();
    const first = await device.auth.login.mutate({ email, password: testPassword });

    expect(first).toEqual({ step: "enrol", challenge: expect.any(String), secret: expect.stringMatching(/^[A-Z2-7]{32}$/), otpauthUri: expect.any(String) });
    if (first.step !== "enrol") return;
    expect(first.otpauthUri).toMatch(/^otpauth:\/\/totp\/Naast:anna%40test\.naast\?.*secret=/);
    // The challenge is not a session.
    expect(await errorCode(trpcClient(server.url, first.challenge).auth.me.query())).toBe("UNAUTHORIZED");
    expect(await errorCode(device.auth.secondFactor.mutate({ challenge: first.challenge, code: wrongCodeFor(first.secret) }))).toBe("UNAUTHORIZED");

    const done = await device.auth.secondFactor.mutate({ challenge: first.challenge, code: codeFor(first.secret) });

    expect(done.recoveryCodes).toHaveLength(10);
    expect(new Set(done.recoveryCodes).size).toBe(10);
    expect((await trpcClient(server.url, done.token).auth.me.query()).user.id).toBe("anna");
    // Used once: the same challenge signs nobody in again.
    expect(await errorCode(device.auth.secondFactor.mutate({ challenge: first.challenge, code: codeFor(first.secret) }))).toBe("UNAUTHORIZED");
    // The recovery codes are stored only as hashes.
    const snapshot = await snapshotDatabase(server.databaseUrl);
    for (const code of done.recoveryCodes ?? []) expect(snapshotContains(snapshot, code)).toBe(false);
  });

  it("asks an enrolled account for the code at every sign-in, and accepts a recovery code once", async () => {
    const { email } = await server.addUser("bram", "org-a");
    const { secret, recoveryCodes } = await enrol(email);
    const device = freshDevice();

    const again = await device.auth.login.mutate({ email, password: testPassword });
    expect(again).toEqual({ step: "second-factor", challenge: expect.any(String) });
    if (again.step !== "second-factor") return;
    // The next period's code: the one enrolment used is spent (RFC 6238, 5.2).
    const signedIn = await device.auth.secondFactor.mutate({ challenge: again.challenge, code: codeFor(secret, Date.now() + 30_000) });
    expect(signedIn).toMatchObject({ step: "signed-in", user: { id: "bram" }, recoveryCodes: null });

    const [recovery] = recoveryCodes;
    const third = await device.auth.login.mutate({ email, password: testPassword });
    const fourth = await device.auth.login.mutate({ email, password: testPassword });
    if (third.step !== "second-factor" || fourth.step !== "second-factor" || !recovery) throw new Error("expected a second factor");
    expect((await device.auth.secondFactor.mutate({ challenge: third.challenge, code: recovery.toUpperCase() })).user.id).toBe("bram");
    expect(await errorCode(device.auth.secondFactor.mutate({ challenge: fourth.challenge, code: recovery }))).toBe("UNAUTHORIZED");
  });

  it("limits wrong codes per account like wrong passwords: after the limit even the right code is refused", async () => {
    const { email } = await server.addUser("carla", "org-a");
    const { secret } = await enrol(email);

    const answers: (string | undefined)[] = [];
    for (let attempt = 0; attempt <= perAccount; attempt++) {
      // Each guess from another address, so only the account's limit can stop them.
      const device = freshDevice();
      const login = await device.auth.login.mutate({ email, password: testPassword });
      if (login.step !== "second-factor") throw new Error("expected a second factor");
      answers.push(await errorCode(device.auth.secondFactor.mutate({ challenge: login.challenge, code: wrongCodeFor(secret) })));
    }
    const device = freshDevice();
    const login = await device.auth.login.mutate({ email, password: testPassword });
    if (login.step !== "second-factor") throw new Error("expected a second factor");
    answers.push(await errorCode(device.auth.secondFactor.mutate({ challenge: login.challenge, code: codeFor(secret) })));

    expect(answers).toEqual([...Array(perAccount).fill("UNAUTHORIZED"), "TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
  });

  it("with SECOND_FACTOR=optional an account that never enrolled signs in with the password alone", async () => {
    const relaxed = await startTestServer({ SECOND_FACTOR: "optional" });
    try {
      await relaxed.addOrganisation("org-a");
      const { email } = await relaxed.addUser("demo", "org-a");
      expect(await trpcClient(relaxed.url).auth.login.mutate({ email, password: testPassword })).toMatchObject({ step: "signed-in", user: { id: "demo" } });
    } finally {
      await relaxed.stop();
    }
  });

  /** Issue 18: a code works once; a second use within its window is a replay (RFC 6238, 5.2). */
  it("refuses a code already used, within its window, and one older than the last used", async () => {
    const { email } = await server.addUser("dilara", "org-a");
    const { secret } = await enrol(email);
    const attempt = async (code: string) => {
      const device = freshDevice();
      const login = await device.auth.login.mutate({ email, password: testPassword });
      if (login.step !== "second-factor") throw new Error("expected a second factor");
      return device.auth.secondFactor.mutate({ challenge: login.challenge, code });
    };
    // The code enrolment just used.
    expect(await refusalCode(attempt(codeFor(secret)))).toBe("signIn.code-used");
    const next = codeFor(secret, Date.now() + 30_000);
    expect(await attempt(next)).toMatchObject({ step: "signed-in", user: { id: "dilara" } });
    expect(await refusalCode(attempt(next))).toBe("signIn.code-used");
    // Nor the previous period's, still inside the window but older than the one used.
    expect(await refusalCode(attempt(codeFor(secret, Date.now() - 30_000)))).toBe("signIn.code-used");
  });

  it("uses a code once when two devices send it at the same moment", async () => {
    const { email } = await server.addUser("eva", "org-a");
    const { secret } = await enrol(email);
    const challenges = await Promise.all(
      [freshDevice(), freshDevice()].map(async (device) => {
        const login = await device.auth.login.mutate({ email, password: testPassword });
        if (login.step !== "second-factor") throw new Error("expected a second factor");
        return { device, challenge: login.challenge };
      }),
    );
    const code = codeFor(secret, Date.now() + 30_000);
    const outcomes = await Promise.allSettled(challenges.map(({ device, challenge }) => device.auth.secondFactor.mutate({ challenge, code })));
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("keeps the TOTP secret in the database only encrypted, under a key the database does not hold", async () => {
    const { email } = await server.addUser("fenna", "org-a");
    const { secret } = await enrol(email);
    const snapshot = await snapshotDatabase(server.databaseUrl);
    expect(snapshotContains(snapshot, secret)).toBe(false);
    const [row] = await sql("select secret from second_factors where user_id = 'fenna'");
    expect(String(row?.secret)).toMatch(/^v1:/);
    // The key lies beside the embedded database, readable by the server's user only.
    const keyFile = join(server.dir, "second-factor.key");
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(snapshotContains(snapshot, (await import("node:fs")).readFileSync(keyFile, "utf8").trim())).toBe(false);
  });

  it("encrypts a secret stored in the clear by an older server at the next start, and the account signs in as before", async () => {
    const { email } = await server.addUser("gerda", "org-a");
    const plain = new Secret({ size: 20 }).base32;
    const now = new Date().toISOString();
    await sql("insert into second_factors (user_id, secret, created_at, confirmed_at) values ('gerda', ?, ?, ?)", [plain, now, now]);
    // Another instance starting on the same database (and its key file) encrypts it.
    const next = await startServer(readEnv({ DATABASE_URL: server.databaseUrl, PORT: "0", SECOND_FACTOR: "required" }));
    try {
      const [row] = await sql("select secret from second_factors where user_id = 'gerda'");
      expect(String(row?.secret)).toMatch(/^v1:/);
      expect(snapshotContains(await snapshotDatabase(server.databaseUrl), plain)).toBe(false);
      const device = trpcClient(next.url);
      const login = await device.auth.login.mutate({ email, password: testPassword });
      if (login.step !== "second-factor") throw new Error("expected a second factor");
      expect(await device.auth.secondFactor.mutate({ challenge: login.challenge, code: codeFor(plain) })).toMatchObject({ step: "signed-in" });
    } finally {
      await next.close();
    }
  });

  it("will not start with a key that does not open the stored secrets, and says so", async () => {
    await expect(
      startServer(readEnv({ DATABASE_URL: server.databaseUrl, PORT: "0", SECOND_FACTOR_KEY: "another-key-of-at-least-thirty-two-characters" })),
    ).rejects.toThrow(/SECOND_FACTOR_KEY/);
  });
});
