import { useContext } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { useNavigatorOnline } from "../hooks/use-navigator-online.ts";
import { LanguageContext, useT } from "../i18n/index.ts";
import type { MessageKey } from "../i18n/nl.ts";
import { describeRefusal } from "../i18n/refusal.ts";
import { db } from "../storage/db.ts";
import { formatMoment } from "../ui/moment.ts";

/** Online or not, what waits to be sent, and what the server refused. */
export function StatusBar() {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const status = useLiveQuery(() => db.getMeta("syncStatus"), []);
  const pending = useLiveQuery(() => db.outbox.count(), []) ?? 0;
  const rejections = useLiveQuery(() => db.rejections.orderBy("at").toArray(), []) ?? [];
  const online = useNavigatorOnline();
  const unreachable = status?.lastError?.code === "network.unreachable";
  const offline = !online || unreachable;
  const expired = status?.lastError?.code.startsWith("session.") ?? false;
  // "Verbonden" only after the server really answered, and not since a request failed: the
  // background records each failed sync (and a dropped change stream starts one).
  const connected = online && status?.online === true && status.lastSyncAt !== null && status.lastError === null;

  return (
    <section class="status" aria-live="polite" aria-label={t("status.title")}>
      <p class={connected ? "online" : "offline"} data-testid="sync-status" data-state={connected ? "connected" : offline ? "offline" : "not-connected"}>
        {expired
          ? t("status.sessionExpired")
          : offline
            ? t("status.offline")
            : status?.lastError
              ? t("status.error", { reason: describeRefusal(t, status.lastError) })
              : connected
                ? t("status.online")
                : t("status.connecting")}
        {status?.lastSyncAt && (
          <span class="meta" data-testid="last-sync">
            {" "}
            · {t("status.lastSync", { time: formatMoment(language, status.lastSyncAt) })}
          </span>
        )}
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
