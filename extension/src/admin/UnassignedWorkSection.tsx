import { useT } from "../i18n/index.ts";
import { createApi } from "../sync/api.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { OpenWorkList } from "./OpenWorkList.tsx";
import type { BeheerSectionProps } from "./sections.ts";
import { useServer } from "./use-server.ts";

/**
 * The reassignment list, reachable any time after a deactivation: per deactivated colleague, her
 * clients and open afspraken that nobody has taken over yet. An item leaves the list once a
 * colleague holds it (a handover, or the afspraak given a new owner).
 */
export function UnassignedWorkSection({ session, version }: BeheerSectionProps) {
  const t = useT();
  const { value: work, error } = useServer(() => createApi(session.serverUrl, session.token).directory.unassignedWork.query(), version);
  return (
    <div data-testid="unassigned-work">
      <ErrorLine message={error} />
      {work === undefined ? (
        !error && <p class="hint">{t("context.loading")}</p>
      ) : work.length === 0 ? (
        <p class="hint">{t("beheer.unassigned.none")}</p>
      ) : (
        work.map((w) => <OpenWorkList key={w.person.id} work={w} />)
      )}
    </div>
  );
}
