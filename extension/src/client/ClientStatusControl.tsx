import { type Client, type CloseReason, type ConsentEvent, closeReasons, type SessionUser } from "@naast/shared";
import { useState } from "preact/hooks";
import { useMayRun } from "../hooks/use-may-run.ts";
import { useMutate } from "../hooks/use-mutate.ts";
import { useT } from "../i18n/index.ts";
import type { MessageKey } from "../i18n/nl.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";

/** Closing the client with a reason, and reopening her; only the holder's case workers are offered it. */
export function ClientStatusControl({ client, user, consents }: { client: Client; user: SessionUser; consents: readonly ConsentEvent[] }) {
  const t = useT();
  const { run, error } = useMutate();
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState<CloseReason | "">("");
  const may = useMayRun(user, client, consents);
  if (!may("setClientStatus", { clientId: client.id })) return null;
  if (client.status === "closed") {
    return (
      <p>
        {client.closure?.reason && <span data-testid="close-reason">{t(`client.closeReason.${client.closure.reason}` as MessageKey)} · </span>}
        <button type="button" class="secondary" onClick={() => void run("setClientStatus", { clientId: client.id, status: "active" })}>
          {t("client.reopen")}
        </button>
        <ErrorLine message={error} />
      </p>
    );
  }
  if (!closing)
    return (
      <button type="button" class="link" onClick={() => setClosing(true)}>
        {t("client.close")}
      </button>
    );
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (reason && (await run("setClientStatus", { clientId: client.id, status: "closed", reason }))) setClosing(false);
      }}
    >
      <label>
        {t("client.closeWhy")}
        <select name="close-reason" required value={reason} onChange={(e) => setReason(e.currentTarget.value as CloseReason | "")}>
          <option value="" />
          {closeReasons.map((r) => (
            <option key={r} value={r}>
              {t(`client.closeReason.${r}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t("client.closeConfirm")}</button>
      <button type="button" class="secondary" onClick={() => setClosing(false)}>
        {t("plan.cancel")}
      </button>
      <ErrorLine message={error} />
    </form>
  );
}
