import { type ConsentState, type DataCategory, dataCategories } from "@naast/shared";
import { useState } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { undoSeconds, useUndoable } from "../hooks/use-undoable.ts";
import { categoryLabel, useT } from "../i18n/index.ts";
import type { Directory } from "../records/queries.ts";
import { ConfirmOrUndo } from "../ui/ConfirmOrUndo.tsx";
import { ErrorLine } from "../ui/ErrorLine.tsx";

/** Withdrawal, whole or for some organisations or some information, with the client's reason. */
export function WithdrawConsentForm({ state, directory, onDone }: { state: ConsentState; directory: Directory; onDone(): void }) {
  const t = useT();
  const { run, error } = useMutate();
  const { pending, schedule, undo } = useUndoable();
  const live = state.grants.filter((g) => !g.withdrawal);
  const liveOrganisations = [...new Set(live.map((g) => g.organisationId))];
  const liveCategories = dataCategories.filter((c) => live.some((g) => g.category === c));
  const [all, setAll] = useState(true);
  const [organisations, setOrganisations] = useState<Set<string>>(new Set(liveOrganisations));
  const [categories, setCategories] = useState<Set<DataCategory>>(new Set(liveCategories));
  const [reason, setReason] = useState("");
  const flip = <T,>(set: Set<T>, value: T, on: boolean) => {
    const next = new Set(set);
    on ? next.add(value) : next.delete(value);
    return next;
  };

  return (
    <form
      class="consent-flow"
      onSubmit={(e) => {
        e.preventDefault();
        const args = {
          id: `${state.consent.consentId}:withdrawn:${crypto.randomUUID()}`,
          clientId: state.consent.clientId,
          consentId: state.consent.consentId,
          organisations: all || organisations.size === liveOrganisations.length ? null : [...organisations],
          categories: all || categories.size === liveCategories.length ? null : [...categories],
          reason,
        };
        schedule(t("consent.withdrawUndo", { seconds: undoSeconds }), async () => {
          if (await run("withdrawConsent", args)) onDone();
        });
      }}
    >
      <h3>{t("consent.withdrawTitle")}</h3>
      <label class="check">
        <input type="radio" name="withdraw-scope" checked={all} onChange={() => setAll(true)} />
        {t("consent.withdrawAll")}
      </label>
      <label class="check">
        <input type="radio" name="withdraw-scope" checked={!all} onChange={() => setAll(false)} />
        {t("consent.withdrawOrganisations")} / {t("consent.withdrawCategories")}
      </label>
      {!all && (
        <div class="indent">
          <fieldset>
            <legend>{t("consent.withdrawOrganisations")}</legend>
            {liveOrganisations.map((id) => (
              <label class="check" key={id}>
                <input type="checkbox" checked={organisations.has(id)} onChange={(e) => setOrganisations(flip(organisations, id, e.currentTarget.checked))} />
                {directory.organisations.get(id)?.name ?? id}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("consent.withdrawCategories")}</legend>
            {liveCategories.map((c) => (
              <label class="check" key={c}>
                <input type="checkbox" checked={categories.has(c)} onChange={(e) => setCategories(flip(categories, c, e.currentTarget.checked))} />
                {categoryLabel(t, c)}
              </label>
            ))}
          </fieldset>
        </div>
      )}
      <label>
        {t("consent.withdrawReason")}
        <textarea name="withdraw-reason" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <ConfirmOrUndo pending={pending} onUndo={undo} confirm={t("consent.withdrawConfirm")} onCancel={onDone} />
      <ErrorLine message={error} />
    </form>
  );
}
