import { type Client, type ConsentEvent, type Mutator, type MutatorName, mayRun, mutators, type SessionUser } from "@naast/shared";
import { useMemo } from "preact/hooks";

/** What "may she?" reads of a mutation's arguments: all of them unless the mutator says less (most: the client). */
export type MayArgs<N extends MutatorName> = Parameters<(typeof mutators)[N]["requires"]>[0];

/**
 * "May she do this?" as the panel asks it before it offers a control: the shared `mayRun` on this
 * device's copy of the client, the same check the server applies before it runs the change.
 */
export function useMayRun(user: SessionUser, client: Client, consents: readonly ConsentEvent[]) {
  return useMemo(() => {
    const facts = { user, client, consents, now: new Date().toISOString() };
    return <N extends MutatorName>(name: N, args: MayArgs<N>): boolean => {
      const mutator: Mutator<(typeof mutators)[N]["args"], MayArgs<N>> = mutators[name];
      return mayRun(mutator, args, facts).ok;
    };
  }, [user, client, consents]);
}
