import { type Agreement, calendarToday, isOverdue, mayChangeAgreements, promptsEscalation } from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import type { EscalationPrefill } from "../escalation/EscalationSection.tsx";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { useMayRun } from "../hooks/use-may-run.ts";
import { useMutate } from "../hooks/use-mutate.ts";
import { undoSeconds, useUndoable } from "../hooks/use-undoable.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import { db } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { PersonOptions } from "../ui/PersonOptions.tsx";
import { UndoBar } from "../ui/UndoBar.tsx";
import { ownerChoices } from "./draft.ts";

/** One open afspraak: done, or changed (text, due date, owner), or cancelled with a reason. */
export function AgreementRow({
  agreement: a,
  view,
  directory,
  onEscalate,
}: {
  agreement: Agreement;
  view: ClientView;
  directory: Directory;
  /** Offered on an afspraak overdue 14 days or more: opens Opschalen prefilled with it. */
  onEscalate?: ((prefill: EscalationPrefill) => void) | undefined;
}) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { run, error } = useMutate();
  const { pending, schedule, undo } = useUndoable();
  const session = useLiveQuery(() => db.getMeta("session"), []);
  const [mode, setMode] = useState<"view" | "edit" | "cancel">("view");
  const [text, setText] = useState(a.text);
  const [dueDate, setDueDate] = useState(a.dueDate);
  const [owner, setOwner] = useState(a.ownerUserId);
  const [reason, setReason] = useState("");
  const now = new Date().toISOString();
  const person = directory.people.get(a.ownerUserId);
  const overdue = isOverdue(a, calendarToday());
  const may = session ? mayChangeAgreements(session.user, view.client, view.consentEvents, now, a.domain) : false;
  const owners = ownerChoices(view, directory, now, a);
  const mayEscalate = useMayRun(
    session?.user ?? { id: "", organisationId: "", role: "policy" },
    view.client,
    view.consentEvents,
  )("escalate", {
    clientId: view.client.id,
  });
  const base = { clientId: view.client.id, agreementId: a.id };

  return (
    <li class={overdue ? "overdue" : ""} data-testid="agreement" data-agreement-id={a.id} id={`agreement-${a.id}`}>
      <span class="text">{a.text}</span>{" "}
      <span class="meta">
        {person?.name ?? "?"} ({directory.organisations.get(a.ownerOrganisationId)?.shortName ?? "?"}) ·{" "}
        {t("agreements.due", { date: formatDay(language, a.dueDate) })}
        {overdue && <strong class="badge">{t("agreements.overdue")}</strong>}
      </span>{" "}
      {onEscalate && mayEscalate && promptsEscalation(a, calendarToday()) && (
        <button
          type="button"
          class="secondary"
          data-testid="escalate-agreement"
          aria-label={`${t("escalation.fromAgreement")}: ${a.text}`}
          onClick={() => onEscalate({ agreementId: a.id, text: a.text, domain: a.domain })}
        >
          {t("escalation.fromAgreement")}
        </button>
      )}
      <UndoBar message={pending} onUndo={undo} />
      {may && mode === "view" && !pending && (
        <span class="actions">
          <button
            type="button"
            class="secondary"
            onClick={() =>
              schedule(t("agreements.doneUndo", { agreement: a.text, seconds: undoSeconds }), () => run("setAgreementStatus", { ...base, status: "done" }))
            }
          >
            {t("agreements.done")}
          </button>
          <button type="button" class="link" onClick={() => setMode("edit")} aria-label={`${t("agreements.edit")}: ${a.text}`}>
            {t("agreements.edit")}
          </button>
          <button type="button" class="link" onClick={() => setMode("cancel")} aria-label={`${t("agreements.cancel")}: ${a.text}`}>
            {t("agreements.cancel")}
          </button>
        </span>
      )}
      {mode === "edit" && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run("updateAgreement", { ...base, text, dueDate, ownerUserId: owner })) setMode("view");
          }}
        >
          <label>
            {t("agreements.text")}
            <input name="agreement-edit-text" required maxLength={500} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <label>
            {t("agreements.dueDate")}
            <input name="agreement-edit-due" type="date" required value={dueDate} onInput={(e) => setDueDate(e.currentTarget.value)} />
          </label>
          <label>
            {t("agreements.owner")}
            <select name="agreement-edit-owner" value={owner} onChange={(e) => setOwner(e.currentTarget.value)}>
              <PersonOptions people={owners} directory={directory} />
            </select>
          </label>
          <button type="submit">{t("plan.save")}</button>
          <button type="button" class="secondary" onClick={() => setMode("view")}>
            {t("plan.cancel")}
          </button>
        </form>
      )}
      {mode === "cancel" && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setMode("view");
            schedule(t("agreements.cancelUndo", { agreement: a.text, seconds: undoSeconds }), () =>
              run("setAgreementStatus", { ...base, status: "cancelled", reason }),
            );
          }}
        >
          <label>
            {t("agreements.cancelReason")}
            <input name="agreement-cancel-reason" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="submit">{t("agreements.cancelConfirm")}</button>
          <button type="button" class="secondary" onClick={() => setMode("view")}>
            {t("plan.cancel")}
          </button>
        </form>
      )}
      <ErrorLine message={error} />
    </li>
  );
}
