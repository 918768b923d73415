import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OrganisationKind, Role } from "@naast/shared";
import { createOrganisation, createUser } from "../../server/src/directory/admin.ts";
import { readEnv } from "../../server/src/env.ts";
import { type RunningServer, startServer } from "../../server/src/server.ts";
import { type ApiClient, signIn } from "./api.ts";

export const testPassword = "test-password-123";

export interface TestServer extends RunningServer {
  dir: string;
  databaseUrl: string;
  addOrganisation(id: string, name?: string, kind?: OrganisationKind): Promise<void>;
  addUser(id: string, organisationId: string, role?: Role): Promise<{ email: string; signIn(): Promise<ApiClient> }>;
  stop(): Promise<void>;
}

/**
 * The real server, over real HTTP, on a real libSQL file in a fresh temp folder. Two-factor
 * sign-in is optional unless a test asks for `SECOND_FACTOR: "required"` (tests/server/second-factor.test.ts).
 */
export async function startTestServer(overrides: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "naast-test-"));
  const databaseUrl = `file:${join(dir, "naast.db")}`;
  const server = await startServer(readEnv({ DATABASE_URL: databaseUrl, PORT: "0", SECOND_FACTOR: "optional", ...overrides }));
  return {
    ...server,
    dir,
    databaseUrl,
    async addOrganisation(id, name = id, kind) {
      await createOrganisation(server.services, { id, name, shortName: name.slice(0, 40), ...(kind ? { kind } : {}) });
    },
    async addUser(id, organisationId, role = "casemanager") {
      const email = `${id}@test.naast`;
      await createUser(server.services, { id, name: `User ${id}`, email, password: testPassword, organisationId, role });
      return { email, signIn: () => signIn(server.url, email, testPassword) };
    },
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
