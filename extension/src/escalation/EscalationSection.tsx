import {
  calendarToday,
  type Escalation,
  escalationAgreementOwnerRoles,
  isOpenEscalation,
  isOverdueEscalation,
  type LifeDomain,
  municipalityOrganisations,
  type Person,
} from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { useMayRun } from "../hooks/use-may-run.ts";
import { useMutate } from "../hooks/use-mutate.ts";
import { undoSeconds, useUndoable } from "../hooks/use-undoable.ts";
import { categoryLabel, formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { DomainOptions } from "../ui/DomainOptions.tsx";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { ItemList } from "../ui/ItemList.tsx";
import { PersonOptions } from "../ui/PersonOptions.tsx";
import { UndoBar } from "../ui/UndoBar.tsx";
import { PriorityMark } from "./PriorityMark.tsx";

/** An overdue afspraak the holder chose to escalate: the form opens prefilled with it. */
export interface EscalationPrefill {
  agreementId: string;
  text: string;
  domain: LifeDomain | null;
}

/**
 * Opschalingen of one client: the holder's case manager writes one and reads the answer; the
 * procesregisseur takes it up, records the casusoverleg and answers, with decisions that become
 * afspraken. What is offered is what `mayRun` allows; the server decides again.
 */
export function EscalationSection({
  view,
  directory,
  session,
  prefill,
}: {
  view: ClientView;
  directory: Directory;
  session: Session;
  prefill: EscalationPrefill | null;
}) {
  const t = useT();
  const may = useMayRun(session.user, view.client, view.consentEvents);
  const about = { clientId: view.client.id };
  const mayEscalate = may("escalate", about);
  // Newest first; the id breaks a tie, so a row never swaps places with its neighbour between renders.
  const escalations = [...view.escalations].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.id.localeCompare(b.id));
  if (!mayEscalate && escalations.length === 0) return <PriorityMark view={view} directory={directory} session={session} alone />;
  return (
    <section class="card escalations" aria-labelledby="escalations-title" data-testid="escalations">
      <h2 id="escalations-title">{t("escalation.title")}</h2>
      <PriorityMark view={view} directory={directory} session={session} />
      <ItemList
        items={escalations}
        empty={t("escalation.empty")}
        item={(e) => <EscalationCard escalation={e} view={view} directory={directory} session={session} />}
      />
      {mayEscalate && <EscalateForm key={prefill?.agreementId ?? "new"} view={view} directory={directory} prefill={prefill} />}
    </section>
  );
}

function EscalateForm({ view, directory, prefill }: { view: ClientView; directory: Directory; prefill: EscalationPrefill | null }) {
  const t = useT();
  const { run, error } = useMutate();
  const municipalities = municipalityOrganisations(directory.organisations.values(), view.client.ownerOrganisationId);
  const [municipality, setMunicipality] = useState(municipalities[0]?.id ?? "");
  const [domain, setDomain] = useState<LifeDomain>(prefill?.domain ?? "housing");
  const [problem, setProblem] = useState(prefill?.text ?? "");
  const [tried, setTried] = useState("");
  const [question, setQuestion] = useState("");
  const [urgency, setUrgency] = useState<"normal" | "high">("normal");
  const [basis, setBasis] = useState<"consent" | "covenant">("consent");
  const [reason, setReason] = useState("");
  const [open, setOpen] = useState(prefill !== null);
  if (municipalities.length === 0) return null;
  const submit = async (event: Event) => {
    event.preventDefault();
    const ok = await run("escalate", {
      id: crypto.randomUUID(),
      clientId: view.client.id,
      municipalityOrganisationId: municipality,
      domain,
      problem,
      tried,
      question,
      urgency,
      basis,
      covenantReason: basis === "covenant" ? reason : "",
      fromAgreementId: prefill?.agreementId ?? null,
    });
    if (ok) {
      setOpen(false);
      setProblem("");
      setTried("");
      setQuestion("");
      setReason("");
    }
  };
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="escalate-form">
      <summary>{t("escalation.new")}</summary>
      <form onSubmit={submit}>
        {municipalities.length > 1 && (
          <label>
            {t("escalation.municipality")}
            <select value={municipality} onChange={(e) => setMunicipality(e.currentTarget.value)}>
              {municipalities.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t("escalation.domain")}
          <select name="escalation-domain" value={domain} onChange={(e) => setDomain(e.currentTarget.value as LifeDomain)}>
            <DomainOptions />
          </select>
        </label>
        <label>
          {t("escalation.problem")}
          <input name="escalation-problem" required maxLength={500} value={problem} onInput={(e) => setProblem(e.currentTarget.value)} />
        </label>
        <label>
          {t("escalation.tried")}
          <textarea name="escalation-tried" maxLength={5000} value={tried} onInput={(e) => setTried(e.currentTarget.value)} />
        </label>
        <label>
          {t("escalation.question")}
          <input name="escalation-question" required maxLength={500} value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />
        </label>
        <fieldset>
          <legend>{t("escalation.urgency")}</legend>
          {(["normal", "high"] as const).map((u) => (
            <label key={u} class="inline">
              <input type="radio" name="escalation-urgency" value={u} checked={urgency === u} onChange={() => setUrgency(u)} /> {t(`escalation.urgency.${u}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("escalation.basis")}</legend>
          <label class="inline">
            <input type="radio" name="escalation-basis" value="consent" checked={basis === "consent"} onChange={() => setBasis("consent")} />{" "}
            {t("escalation.basis.consent")}
          </label>
          <label class="inline">
            <input type="radio" name="escalation-basis" value="covenant" checked={basis === "covenant"} onChange={() => setBasis("covenant")} />{" "}
            {t("escalation.basis.covenant")}
          </label>
          {basis === "covenant" && (
            <label>
              {t("escalation.covenantReason")}
              <input name="escalation-reason" maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
          )}
        </fieldset>
        <button type="submit">{t("escalation.submit")}</button>
      </form>
      <ErrorLine message={error} />
    </details>
  );
}

function EscalationCard({ escalation: e, view, directory, session }: { escalation: Escalation; view: ClientView; directory: Directory; session: Session }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { run, error } = useMutate();
  const may = useMayRun(session.user, view.client, view.consentEvents);
  const step = { clientId: e.clientId, escalationId: e.id };
  const hers = session.user.role === "procesregisseur" && e.municipalityOrganisationId === session.user.organisationId && may("takeUpEscalation", step);
  const overdue = isOverdueEscalation(e, calendarToday());
  const decided = e.decisions.length > 0;
  return (
    <li class={overdue ? "overdue" : ""} data-testid="escalation" data-escalation-id={e.id} data-status={e.status}>
      <p>
        <strong>{e.problem}</strong> ({categoryLabel(t, e.domain)}) · {t(`escalation.urgency.${e.urgency}`)}
      </p>
      <p class="meta">
        <span data-testid="escalation-status">{t(`escalation.status.${e.status}`)}</span>
        {e.discussedOn && <> · {t("escalation.discussedOn", { date: formatDay(language, e.discussedOn) })}</>}
        {isOpenEscalation(e) && <> · {t("escalation.respondBy", { date: formatDay(language, e.respondBy) })}</>}
        {overdue && <strong class="badge">{t("escalation.overdue")}</strong>}
      </p>
      <p>
        {t("escalation.questionLabel")} {e.question}
      </p>
      {e.tried && (
        <p class="hint">
          {t("escalation.triedLabel")} {e.tried}
        </p>
      )}
      <p class="hint">{e.basis.kind === "covenant" ? t("escalation.onCovenant", { reason: e.basis.reason }) : t("escalation.onConsent")}</p>
      {e.answer && (
        <div data-testid="escalation-answer">
          <p>
            <strong>{t("escalation.answerLabel")}</strong> {e.answer}
          </p>
          {decided && (
            <ul>
              {e.decisions.map((d) => (
                <DecisionLine key={d.agreementId ?? d.text} decision={d} escalation={e} view={view} directory={directory} session={session} />
              ))}
            </ul>
          )}
          {e.answeredAt && !e.answerReadAt && may("markEscalationAnswerRead", step) && (
            <button type="button" class="secondary" onClick={() => void run("markEscalationAnswerRead", step)}>
              {t("escalation.markRead")}
            </button>
          )}
        </div>
      )}
      {hers && isOpenEscalation(e) && <Answering escalation={e} directory={directory} view={view} onStep={run} />}
      <ErrorLine message={error} />
    </li>
  );
}

/** The procesregisseur's steps: take it up, the casusoverleg, the answer with decisions. */
function Answering({
  escalation: e,
  directory,
  view,
  onStep,
}: {
  escalation: Escalation;
  directory: Directory;
  view: ClientView;
  onStep: ReturnType<typeof useMutate>["run"];
}) {
  const t = useT();
  const step = { clientId: e.clientId, escalationId: e.id };
  const [discussedOn, setDiscussedOn] = useState(calendarToday());
  const [outcome, setOutcome] = useState<"resolved" | "returned">("resolved");
  const [answer, setAnswer] = useState("");
  const [decision, setDecision] = useState("");
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState("");
  // Who can own a decision's afspraak: the holder's colleagues and herself (the server checks who sees the escalation).
  const owners: Person[] = [...directory.people.values()].filter(
    (p) =>
      p.active &&
      escalationAgreementOwnerRoles.includes(p.role) &&
      (p.organisationId === view.client.ownerOrganisationId || p.organisationId === e.municipalityOrganisationId),
  );
  const answerIt = async (event: Event) => {
    event.preventDefault();
    const decisions = decision.trim() ? [{ text: decision.trim(), agreementId: crypto.randomUUID(), ownerUserId: owner || null, dueDate: due || null }] : [];
    await onStep("answerEscalation", { ...step, outcome, answer, decisions });
  };
  return (
    <div class="answering">
      {e.status === "submitted" && (
        <button type="button" onClick={() => void onStep("takeUpEscalation", step)}>
          {t("escalation.takeUp")}
        </button>
      )}
      {e.status !== "discussed" && (
        <form
          class="inline"
          onSubmit={(event) => {
            event.preventDefault();
            void onStep("recordEscalationDiscussed", { ...step, discussedOn });
          }}
        >
          <label>
            {t("escalation.discussedDay")}
            <input type="date" required value={discussedOn} onInput={(ev) => setDiscussedOn(ev.currentTarget.value)} />
          </label>
          <button type="submit" class="secondary">
            {t("escalation.recordDiscussed")}
          </button>
        </form>
      )}
      <details data-testid="answer-form">
        <summary>{t("escalation.answer")}</summary>
        <form onSubmit={answerIt}>
          <label>
            {t("escalation.answerLabel")}
            <textarea name="escalation-answer" maxLength={5000} value={answer} onInput={(ev) => setAnswer(ev.currentTarget.value)} />
          </label>
          <fieldset>
            <legend>{t("escalation.outcome")}</legend>
            {(["resolved", "returned"] as const).map((o) => (
              <label key={o} class="inline">
                <input type="radio" name={`outcome-${e.id}`} value={o} checked={outcome === o} onChange={() => setOutcome(o)} /> {t(`escalation.status.${o}`)}
              </label>
            ))}
          </fieldset>
          <label>
            {t("escalation.decision")}
            <input name="escalation-decision" maxLength={500} value={decision} onInput={(ev) => setDecision(ev.currentTarget.value)} />
          </label>
          <label>
            {t("agreements.owner")}
            <select name="escalation-decision-owner" value={owner} onChange={(ev) => setOwner(ev.currentTarget.value)}>
              <option value="">{t("escalation.noOwner")}</option>
              <PersonOptions people={owners} directory={directory} />
            </select>
          </label>
          <label>
            {t("agreements.dueDate")}
            <input name="escalation-decision-due" type="date" value={due} onInput={(ev) => setDue(ev.currentTarget.value)} />
          </label>
          <button type="submit">{t("escalation.sendAnswer")}</button>
        </form>
      </details>
    </div>
  );
}

/**
 * A decision of the answer and, when it became an afspraak, its owner, day and state. Its owner
 * marks it done here: the procesregisseur sees no afspraken of the plan, only the escalation's.
 * Done waits a few seconds with an undo, as it does for the afspraken of the plan.
 */
function DecisionLine({
  decision: d,
  escalation: e,
  view,
  directory,
  session,
}: {
  decision: Escalation["decisions"][number];
  escalation: Escalation;
  view: ClientView;
  directory: Directory;
  session: Session;
}) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { run, error } = useMutate();
  const { pending, schedule, undo } = useUndoable();
  const may = useMayRun(session.user, view.client, view.consentEvents);
  const agreement = d.agreementId ? view.agreements.find((a) => a.id === d.agreementId) : undefined;
  if (!d.agreementId) return <li>{d.text}</li>;
  if (!agreement) return <li>{`${d.text} — ${t("escalation.becameAgreement")}`}</li>;
  const done = { clientId: e.clientId, agreementId: agreement.id, status: "done" as const, escalationId: e.id };
  const mine = agreement.ownerUserId === session.user.id && agreement.status === "open" && may("setAgreementStatus", done);
  return (
    <li data-testid="escalation-agreement" data-agreement-id={agreement.id} data-status={agreement.status}>
      {d.text} —{" "}
      {t("escalation.decisionAgreement", {
        owner: directory.people.get(agreement.ownerUserId)?.name ?? "?",
        date: formatDay(language, agreement.dueDate),
        status: agreement.status,
      })}
      <UndoBar message={pending} onUndo={undo} />
      {mine && !pending && (
        <>
          {" "}
          <button
            type="button"
            class="secondary"
            aria-label={t("escalation.decisionDone", { agreement: d.text })}
            onClick={() => schedule(t("agreements.doneUndo", { agreement: d.text, seconds: undoSeconds }), () => run("setAgreementStatus", done))}
          >
            {t("agreements.done")}
          </button>
        </>
      )}
      <ErrorLine message={error} />
    </li>
  );
}
