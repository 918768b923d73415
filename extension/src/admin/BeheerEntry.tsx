import { mayManageUsers } from "@naast/shared";
import { useT } from "../i18n/index.ts";
import type { Session } from "../storage/db.ts";
import { BeheerView } from "./BeheerView.tsx";

/**
 * Where Beheer sits in the panel, by role (the rule is shared: `mayManageUsers`): a fold near the
 * top, opened with Enter or Space like any disclosure. Nobody else sees it.
 */
export function BeheerEntry({ session }: { session: Session }) {
  const t = useT();
  if (!mayManageUsers(session.user)) return null;
  return (
    <details class="beheer-fold">
      <summary>{t("beheer.title")}</summary>
      <BeheerView session={session} />
    </details>
  );
}
