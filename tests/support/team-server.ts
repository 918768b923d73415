import type { Role } from "@naast/shared";
import type { ApiClient } from "./api.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

/** The Stapteam's organisations by the ids the tests use, under their own names (refusals name them). */
const organisationNames: Readonly<Record<string, string>> = { "org-iris": "Iriszorg", "org-ldh": "Leger des Heils", "org-ggd": "GGD" };

/** Where a person works: her organisation's id, and her role when she is no case manager. */
type Post = string | readonly [organisationId: string, role: Role];

/**
 * A server of its own with the organisations the people named work for (Iriszorg, Leger des
 * Heils and the GGD by their names, another by its id), each person signed in on a device of her
 * own, by her user id: `teamServer({ fatima: "org-iris", nadia: ["org-iris", "policy"] })`.
 */
export async function teamServer<P extends Record<string, Post>>(
  people: P & { server?: never },
  overrides: Record<string, string> = {},
): Promise<{ server: TestServer } & { [K in keyof P]: ApiClient }> {
  const server = await startTestServer(overrides);
  const posts = Object.entries(people).map(([id, post]) =>
    typeof post === "string" ? { id, organisationId: post, role: undefined } : { id, organisationId: post[0], role: post[1] },
  );
  for (const organisationId of new Set(posts.map((p) => p.organisationId))) {
    await server.addOrganisation(organisationId, organisationNames[organisationId] ?? organisationId);
  }
  const devices: Record<string, ApiClient> = {};
  for (const { id, organisationId, role } of posts) devices[id] = await (await server.addUser(id, organisationId, role)).signIn();
  return { server, ...devices } as { server: TestServer } & { [K in keyof P]: ApiClient };
}
