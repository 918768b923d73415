import type { AppRouter } from "@naast/server/router";
import { TRPCClientError } from "@trpc/client";

export type ClientError = TRPCClientError<AppRouter>;

/** The error a tRPC call failed with; fails the test if it succeeded or failed otherwise. */
export async function failure(call: Promise<unknown>): Promise<ClientError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as ClientError;
    throw error;
  }
  throw new Error("expected the call to be refused, but it succeeded");
}

/** The refusal code a refused tRPC call carries in its data (never its prose); throws when the call was not refused. */
export async function refusalCode(call: Promise<unknown>): Promise<string | undefined> {
  return ((await failure(call)).data as { refusal?: { code: string } } | undefined)?.refusal?.code;
}

/** The tRPC error code a refused call answers with (UNAUTHORIZED, FORBIDDEN, …); throws when the call was not refused. */
export async function errorCode(call: Promise<unknown>): Promise<string | undefined> {
  return (await failure(call)).data?.code;
}
