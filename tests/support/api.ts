import { randomUUID } from "node:crypto";
import type { AppRouter } from "@naast/server/router";
import { type MutationArgs, type MutationResult, type MutatorName, type PullResponse, protocolVersion } from "@naast/shared";
import { createTRPCClient, httpLink, type TRPCLink } from "@trpc/client";

export type Trpc = ReturnType<typeof createTRPCClient<AppRouter>>;

/**
 * A tRPC client that speaks the current sync protocol, as the extension does: every push and pull
 * carries `protocolVersion` unless the test sets one itself.
 */
export function trpcClient(url: string, token: string | null = null, headers: Record<string, string> = {}): Trpc {
  return createTRPCClient<AppRouter>({
    links: [speaksCurrentProtocol, httpLink({ url: `${url}/trpc`, headers: () => ({ ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }) })],
  });
}

const speaksCurrentProtocol: TRPCLink<AppRouter> =
  () =>
  ({ op, next }) => {
    const input = op.input;
    const versioned = op.path.startsWith("sync.") && typeof input === "object" && input !== null && !("protocolVersion" in input);
    return next(versioned ? { ...op, input: { protocolVersion, ...input } } : op);
  };

/** A signed-in device: its own client group, its own cursor, as the extension keeps them. */
export interface ApiClient {
  trpc: Trpc;
  token: string;
  userId: string;
  clientGroupId: string;
  cursor: string | null;
  push<N extends MutatorName>(name: N, args: MutationArgs<N>, id?: string): Promise<MutationResult>;
  pull(): Promise<PullResponse>;
}

type LoginAnswer = Awaited<ReturnType<Trpc["auth"]["login"]["mutate"]>>;

/** A sign-in that needed no second factor (the test server's SECOND_FACTOR=optional, not enrolled). */
export function signedInAnswer(answer: LoginAnswer): Extract<LoginAnswer, { step: "signed-in" }> {
  if (answer.step !== "signed-in") throw new Error(`sign-in asks for a second factor (${answer.step})`);
  return answer;
}

export async function signIn(url: string, email: string, password: string): Promise<ApiClient> {
  const { token, user } = signedInAnswer(await trpcClient(url).auth.login.mutate({ email, password }));
  return deviceAt(url, token, user.id);
}

/** A device with a session it already has, talking to the server at `url` (any instance: sessions live in the database). */
export function deviceAt(url: string, token: string, userId: string, clientGroupId = `cg-${randomUUID()}`): ApiClient {
  const trpc = trpcClient(url, token);
  const client: ApiClient = {
    trpc,
    token,
    userId,
    clientGroupId,
    cursor: null,
    async push(name, args, id = randomUUID()) {
      const { results } = await trpc.sync.push.mutate({ clientGroupId: client.clientGroupId, mutations: [{ id, name, args }] });
      const [result] = results;
      if (!result) throw new Error("push answered nothing");
      return result;
    },
    async pull() {
      const response = await trpc.sync.pull.query({ clientGroupId: client.clientGroupId, cursor: client.cursor });
      client.cursor = response.cursor;
      return response;
    },
  };
  return client;
}
