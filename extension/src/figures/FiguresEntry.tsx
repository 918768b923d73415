import { mayReadFigures } from "@naast/shared";
import { lazyComponent } from "../app/lazy.tsx";
import { useT } from "../i18n/index.ts";
import type { Session } from "../storage/db.ts";

/** Only the roles that read the figures load their view (with its chart and documents). */
const FiguresView = lazyComponent(() => import("./FiguresView.tsx").then((m) => m.FiguresView));

/**
 * Where the figures sit in the panel, by role (the rule is shared: `mayReadFigures`). The policy
 * officer sees no client, so the figures are her panel; a coordinator or admin finds them folded
 * below the client.
 */
export function FiguresEntry({ session }: { session: Session }) {
  const t = useT();
  if (!mayReadFigures(session.user.role)) return null;
  if (session.user.role === "policy") return <FiguresView session={session} />;
  return (
    <details class="figures-fold">
      <summary>{t("figures.title")}</summary>
      <FiguresView session={session} />
    </details>
  );
}
