import { type MutationArgs, MutationRejected, type MutatorName } from "@naast/shared";
import { useState } from "preact/hooks";
import { useT } from "../i18n/index.ts";
import { mutate } from "../sync/mutate.ts";

/** Applies a change on the device, asks the background to send it, and keeps the refusal to show. */
export function useMutate() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const run = async <N extends MutatorName>(name: N, args: MutationArgs<N>): Promise<boolean> => {
    try {
      await mutate(name, args);
      setError(null);
      browser.runtime.sendMessage({ type: "sync/now" }).catch(() => undefined);
      return true;
    } catch (e) {
      setError(t("error.rejected", { reason: e instanceof MutationRejected || e instanceof Error ? e.message : String(e) }));
      return false;
    }
  };
  return { run, error };
}
