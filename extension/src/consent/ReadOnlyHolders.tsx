import type { FormerOwner } from "@naast/shared";
import { useContext } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";

/** The former holders still reading after a handover, until when; the holder may end that early. */
export function ReadOnlyHolders({
  clientId,
  holders,
  mayEnd,
  organisationName,
}: {
  clientId: string;
  holders: readonly FormerOwner[];
  mayEnd: boolean;
  organisationName(id: string): string;
}) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { run, error } = useMutate();
  if (holders.length === 0) return null;
  return (
    <>
      <ul data-testid="read-only-holders">
        {holders.map((f) => (
          <li key={f.organisationId}>
            {t("consent.readOnly", { organisation: organisationName(f.organisationId), until: formatDay(language, f.readOnlyUntil) })}{" "}
            {mayEnd && (
              <button type="button" class="secondary" onClick={() => void run("endReadOnlyAccess", { clientId, organisationId: f.organisationId })}>
                {t("consent.readOnlyEnd")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorLine message={error} />
    </>
  );
}
