import type { MutationArgs, MutatorName } from "@naast/shared";
import { useState } from "preact/hooks";
import { useT } from "../i18n/index.ts";
import { describeRefusal, refusalOf } from "../i18n/refusal.ts";
import { notify } from "../messaging/send.ts";
import { mutate } from "../sync/mutate.ts";

/** Applies a change on the device, asks the background to send it, and keeps the refusal to show. */
export function useMutate() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const run = async <N extends MutatorName>(name: N, args: MutationArgs<N>): Promise<boolean> => {
    try {
      await mutate(name, args);
      setError(null);
      void notify({ type: "sync/now" });
      return true;
    } catch (e) {
      setError(describeRefusal(t, refusalOf(e)));
      return false;
    }
  };
  return { run, error };
}
