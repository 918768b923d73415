import type { MutationArgs, MutatorName, Refusal } from "@naast/shared";
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { useT } from "../i18n/index.ts";
import { describeRefusal } from "../i18n/refusal.ts";
import { ErrorLine } from "./ErrorLine.tsx";

/** What a form's draft makes: the arguments to send, or the refusal the server would give them. */
export type DraftArgs<N extends MutatorName> = { ok: true; args: MutationArgs<N> } | { ok: false; refusal: Refusal };

/**
 * An organisation's setting (the year's flexbudget, the time-out's day rate), folded away: the
 * draft is checked by the server's rules before it is sent, so a wrong amount is said at once,
 * and "opgeslagen" is said only once the change is on the device and queued.
 */
export function SettingsForm<D, N extends MutatorName>({
  name,
  title,
  save,
  saved: savedText,
  initial,
  mutator,
  argsOf,
  fields,
}: {
  /** The form's class and test id. */
  name: string;
  title: string;
  save: string;
  saved: string;
  initial: () => D;
  mutator: N;
  argsOf(draft: D): DraftArgs<N>;
  fields(draft: D, change: (patch: Partial<D>) => void): ComponentChildren;
}) {
  const t = useT();
  const { run, error } = useMutate();
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const made = argsOf(draft);
    setSaved(false);
    if (!made.ok) return setProblem(describeRefusal(t, made.refusal));
    setProblem(null);
    setSaved(await run(mutator, made.args));
  };
  return (
    <details class={name}>
      <summary>{title}</summary>
      <form onSubmit={(e) => void submit(e)} data-testid={name}>
        {fields(draft, (patch) => setDraft({ ...draft, ...patch }))}
        <button type="submit">{save}</button>
        {saved && <p role="status">{savedText}</p>}
        <ErrorLine message={problem ?? error} />
      </form>
    </details>
  );
}
