import { useContext } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { formatDay, formatEuros, LanguageContext, useT } from "../i18n/index.ts";
import type { MessageKey } from "../i18n/nl.ts";
import { colleagueName, loadDirectory } from "../records/queries.ts";
import { listRecords } from "../records/read.ts";
import { db } from "../storage/db.ts";
import { ledgerLines } from "./ledger-history.ts";

/**
 * The budget holder's ledger of the year (issue 15, point 1): every expense, storno and approval
 * this device holds, newest first. Only clients who share the flexbudget with her organisation are
 * on it (the sync delivers no others); the totals above count every expense, named to nobody.
 */
export function HolderLedger({ year }: { year: number }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const data = useLiveQuery(async () => {
    const [entries, clients, directory] = await Promise.all([listRecords(db, "flexbudgetEntries"), listRecords(db, "clients"), loadDirectory(db)]);
    return { lines: ledgerLines(entries, year), aliases: new Map(clients.map((c) => [c.id, c.alias])), directory };
  }, [year]);
  if (!data) return null;
  return (
    <details class="holder-ledger" data-testid="holder-ledger">
      <summary>{t("ledger.title", { year })}</summary>
      <p class="hint">{t("ledger.explain")}</p>
      {data.lines.length === 0 ? (
        <p class="hint">{t("ledger.none")}</p>
      ) : (
        <ul>
          {data.lines.map((line) => (
            <li key={line.id} data-testid="ledger-line" data-kind={line.kind}>
              <p class="meta">
                {formatDay(language, line.day)} · {data.aliases.get(line.clientId) ?? t("ledger.unknownClient")} ·{" "}
                <strong>
                  {t(`ledger.kind.${line.kind}` as MessageKey)} {line.kind === "storno" ? "−" : ""}
                  {formatEuros(language, line.amountCents)}
                </strong>{" "}
                · {t(`flexbudget.purpose.${line.purpose}` as MessageKey)}
                {line.status && line.status !== "counted" && <span class="badge">{t(`flexbudget.status.${line.status}` as MessageKey)}</span>}
              </p>
              {line.text && <p>{line.text}</p>}
              <p class="meta">
                {colleagueName(data.directory, line.by)}
                {line.kind === "expense" && line.receiptReference && ` · ${t("flexbudget.receipt")}: ${line.receiptReference}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
