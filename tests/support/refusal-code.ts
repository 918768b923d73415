import { TRPCClientError } from "@trpc/client";

/** The refusal code a refused tRPC call carries in its data (never its prose); throws when the call was not refused. */
export async function refusalCode(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return (error.data as { refusal?: { code: string } } | undefined)?.refusal?.code;
    throw error;
  }
  throw new Error("the call was not refused");
}
