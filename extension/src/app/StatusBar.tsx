import { useLiveQuery } from "../hooks/use-live-query.ts";
import { useT } from "../i18n/index.ts";
import type { MessageKey } from "../i18n/nl.ts";
import { describeRefusal } from "../i18n/refusal.ts";
import { db } from "../storage/db.ts";

/** Online or not, what waits to be sent, and what the server refused. */
export function StatusBar() {
  const t = useT();
  const status = useLiveQuery(() => db.getMeta("syncStatus"), []);
  const pending = useLiveQuery(() => db.outbox.count(), []) ?? 0;
  const rejections = useLiveQuery(() => db.rejections.orderBy("at").toArray(), []) ?? [];
  const offline = status?.lastError?.code === "network.unreachable";
  const expired = status?.lastError?.code.startsWith("session.") ?? false;

  return (
    <section class="status" aria-live="polite">
      <p class={offline ? "offline" : "online"} data-testid="sync-status">
        {expired
          ? t("status.sessionExpired")
          : offline
            ? t("status.offline")
            : status?.lastError
              ? t("status.error", { reason: describeRefusal(t, status.lastError) })
              : t("status.online")}
      </p>
      {pending > 0 && <p data-testid="pending-count">{t("status.pending", { count: pending })}</p>}
      {rejections.length > 0 && (
        <div class="rejections" role="alert">
          <h2>{t("rejections.title")}</h2>
          <ul>
            {rejections.map((r) => (
              <li key={r.id}>{t("rejections.line", { mutation: t(`mutation.${r.name}` as MessageKey), reason: describeRefusal(t, r.refusal) })}</li>
            ))}
          </ul>
          <button type="button" onClick={() => void db.rejections.clear()}>
            {t("rejections.dismiss")}
          </button>
        </div>
      )}
    </section>
  );
}
