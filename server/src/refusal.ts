import type { Refusal } from "@naast/shared";
import { TRPCError } from "@trpc/server";

/** Carries a refusal inside a TRPCError's cause, for the error formatter to put into `data.refusal`. */
export class RefusalCause extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly detail?: unknown,
  ) {
    super(refusal.code);
    this.name = "RefusalCause";
  }
}

/**
 * A tRPC error the panel can translate: the HTTP-level `code`, the refusal (code and parameters)
 * in the error's `data.refusal`, and an English `message` for logs and API users.
 */
export function refuse(code: TRPCError["code"], refusal: Refusal, message: string, detail?: unknown): TRPCError {
  return new TRPCError({ code, message, cause: new RefusalCause(refusal, detail) });
}

/** The refusal a procedure's error carries, if any. */
export const refusalOf = (error: TRPCError): Refusal | undefined => (error.cause instanceof RefusalCause ? error.cause.refusal : undefined);
