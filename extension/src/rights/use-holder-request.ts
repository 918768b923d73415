import { useState } from "preact/hooks";
import { useT } from "../i18n/index.ts";
import { describeRefusal, refusalOf } from "../i18n/refusal.ts";
import type { Session } from "../storage/db.ts";
import { type Api, createApi } from "../sync/api.ts";

/**
 * A request to the server on the client's behalf (inzage, export): online only, one at a time,
 * its refusal kept as a sentence to show. Answers null when it was refused or failed.
 */
export function useHolderRequest(session: Session) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ask = async <T>(call: (api: Api) => Promise<T>): Promise<T | null> => {
    setBusy(true);
    try {
      const answer = await call(createApi(session.serverUrl, session.token));
      setError(null);
      return answer;
    } catch (e) {
      setError(describeRefusal(t, refusalOf(e)));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { ask, busy, error };
}
