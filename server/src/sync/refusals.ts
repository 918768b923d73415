import { protocolVersion, refusal } from "@naast/shared";
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { RefusalCause } from "../refusal.ts";

/**
 * Why a push or pull was refused, as data a client reads (never as prose it would parse): the
 * tRPC error formatter (trpc.ts) puts these on the error's `data`.
 */

/** A push holds a mutation the server cannot read: which one, so the device can set it aside. */
export class InvalidMutation extends RefusalCause {
  constructor(
    readonly index: number,
    readonly id: string,
    name: string,
    message: string,
    readonly issues?: z.ZodError,
  ) {
    super(refusal("sync.unreadable-change", { index, mutation: name }), message);
  }
}

export type ProtocolRefusal = "extension-outdated" | "server-outdated";

/** The extension and the server speak protocol versions the other does not. */
export class ProtocolRefused extends RefusalCause {
  constructor(readonly protocol: ProtocolRefusal) {
    super(refusal(`sync.${protocol}`));
  }
}

/** The oldest protocol this server still answers; older devices are told to update. */
export const oldestProtocol = 2;

/** Refuses a request in a protocol this server does not speak. No version: a device from before versions (1). */
export function checkProtocol(version: number | undefined): void {
  const spoken = version ?? 1;
  if (spoken < oldestProtocol) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "this version of the Naast extension is too old for the server; update the extension",
      cause: new ProtocolRefused("extension-outdated"),
    });
  }
  if (spoken > protocolVersion) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "the Naast server is older than this extension; ask your administrator to update it",
      cause: new ProtocolRefused("server-outdated"),
    });
  }
}
