import type { z } from "zod";
import type { DataCategory } from "../consent/categories.ts";
import type { Role, SessionUser } from "../organisation/schema.ts";
import type { LifeDomain } from "../plan/domains.ts";
import { type Refusal, type RefusalArgs, type RefusalCode, refusal, refusalLine } from "../refusal/refusal.ts";
import type { WriteTransaction } from "../store/transaction.ts";

export interface MutationContext {
  user: SessionUser;
  /** The moment of the change: the server's clock when it applies, the device's when optimistic. */
  now: string;
  mutationId: string;
}

/**
 * What a mutation needs before it may run:
 * - "new-client": it creates a client, owned by the user's organisation;
 * - "owner": the user's organisation holds the client;
 * - "any": the user may see at least one category of the client (consent, EPD links);
 * - a category (and, for a record tied to a life domain, that domain too): canAccess must allow it, on a basis that allows writing (ownership or
 *   consent). An organisation that handed the client over reads her record for a while, but
 *   changes nothing; only a mutation that records a read (an export) says `readOnly: true` and
 *   goes through on that basis too.
 *
 * "owner" with `openClient`: and the client is not closed (a new handover of a closed client;
 *   reopen her first).
 *
 * "organisation": the user belongs to that organisation; the change is about no client.
 *
 * "any" needs the same: a former holder is no longer one of the client's case managers, so she
 * does not withdraw the consent others rely on. Linking her organisation's own EPD record (its
 * own data, not the client's) says `readOnly: true` and goes through on the read-only basis.
 */
export type Requirement =
  | { kind: "new-client"; clientId: string }
  | { kind: "owner"; clientId: string; openClient?: boolean }
  | { kind: "any"; clientId: string; readOnly?: boolean }
  | { kind: "category"; clientId: string; category: DataCategory; domain?: LifeDomain | null; readOnly?: boolean }
  /** A setting of the user's own organisation (its flexbudget, its time-out day rate): no client data. */
  | { kind: "organisation"; organisationId: string };

/** What most mutations' requirement reads of their arguments: which client (see `Mutator`). */
export interface AboutClient {
  clientId: string;
}

/** What sort of no: "forbidden" is audited as a denied access, the others as a rejected change. */
/** "failed": the server broke while applying it (never thrown by a mutator). */
export const rejectionKinds = ["not-found", "forbidden", "conflict", "invalid", "failed"] as const;
export type RejectionKind = (typeof rejectionKinds)[number];

/**
 * A business rule said no. The push answers "rejected" for this mutation, with the refusal, and
 * goes on; the panel translates the refusal (shared/README.md, "Refusals").
 */
type CodeAndParams = { [C in RefusalCode]: [code: C, ...params: RefusalArgs<C>] }[RefusalCode];

export class MutationRejected extends Error {
  readonly refusal: Refusal;
  constructor(
    readonly kind: RejectionKind,
    ...[code, ...params]: CodeAndParams
  ) {
    const r = refusal(code, ...(params as RefusalArgs<typeof code>));
    super(refusalLine(r));
    this.refusal = r;
    this.name = "MutationRejected";
  }

  /** A refusal a shared rule made (`amountRefusal`), thrown as it is: a Refusal is a code with its own parameters. */
  static of(kind: RejectionKind, r: Refusal): MutationRejected {
    return new MutationRejected(kind, ...([r.code, r.params] as CodeAndParams));
  }
}

/**
 * A change both sides run. `A` is what `requires` reads of the arguments: all of them unless the
 * mutator says less, so the panel can ask `mayRun` before the arguments are written (a form not
 * yet filled in) with just those.
 */
export interface Mutator<S extends z.ZodType = z.ZodType, A = z.infer<S>> {
  name: string;
  args: S;
  roles: readonly Role[];
  requires(args: A): Requirement;
  /**
   * What the audit log should name besides the requirement's category: the categories the
   * mutation writes or records a read of (a handover moves agreements; an export holds the plan).
   */
  audits?(args: z.infer<S>): readonly DataCategory[];
  /**
   * The basis the change records for others' access, for the audit log's consent column (an
   * escalation shared on a consent, or on the covenant: `covenant:<id>`); else the access decision's.
   */
  auditBasis?(args: z.infer<S>): string | null;
  run(tx: WriteTransaction, args: z.infer<S>, ctx: MutationContext): Promise<void>;
}

export function defineMutator<S extends z.ZodType, A = z.infer<S>>(mutator: Mutator<S, A> & { requires(args: z.infer<S>): Requirement }): Mutator<S, A> {
  return mutator;
}

export const caseWorkers: readonly Role[] = ["casemanager", "coordinator"];
export const contactWriters: readonly Role[] = ["casemanager", "coordinator", "ervaringsdeskundige", "procesregisseur"];
