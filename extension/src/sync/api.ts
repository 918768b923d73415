import type { AppRouter } from "@naast/server/router";
import { createTRPCClient, httpLink } from "@trpc/client";

export type Api = ReturnType<typeof createTRPCClient<AppRouter>>;

/** The server's tRPC API; its type is the server router's own type, imported as a type only. */
export function createApi(serverUrl: string, token: string | null): Api {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${serverUrl.replace(/\/+$/, "")}/trpc`,
        // The server tells the extension by its origin, which the browser sets; no header claims it.
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}
