import { useEffect, useState } from "preact/hooks";
import { useT } from "../i18n/index.ts";
import { describeRefusal, refusalOf } from "../i18n/refusal.ts";

/**
 * Something the Beheer view asks the server for, asked again whenever `version` moves: the answer,
 * or the refusal in words (offline, signed out, not hers to ask).
 */
export function useServer<T>(ask: () => Promise<T>, version: number): { value: T | undefined; error: string | null } {
  const t = useT();
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    ask().then(
      (answer) => {
        if (!current) return;
        setValue(answer);
        setError(null);
      },
      (failure: unknown) => current && setError(describeRefusal(t, refusalOf(failure))),
    );
    return () => {
      current = false;
    };
  }, [version]);
  return { value, error };
}
