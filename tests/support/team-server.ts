import type { ApiClient } from "./api.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

/** A server of its own with Iriszorg (the holder) and Leger des Heils, and a signed-in case manager of each. */
export async function irisAndLdh(names: { iris: string; ldh: string }): Promise<{ server: TestServer; iris: ApiClient; ldh: ApiClient }> {
  const server = await startTestServer();
  await server.addOrganisation("org-iris", "Iriszorg");
  await server.addOrganisation("org-ldh", "Leger des Heils");
  const iris = await (await server.addUser(names.iris, "org-iris")).signIn();
  const ldh = await (await server.addUser(names.ldh, "org-ldh")).signIn();
  return { server, iris, ldh };
}
