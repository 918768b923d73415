import { useEffect, useRef, useState } from "preact/hooks";
import { useT } from "../i18n/index.ts";
import { describeRefusal, refusalOf } from "../i18n/refusal.ts";
import { createApi } from "../sync/api.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { type OpenWork, OpenWorkList } from "./OpenWorkList.tsx";
import type { BeheerSectionProps } from "./sections.ts";
import { useServer } from "./use-server.ts";
import { type UserRow, userRows } from "./users.ts";

/**
 * Her organisation's accounts; an active colleague's account can be ended, after a confirmation
 * that names her. The answer lists what she leaves for reassignment.
 */
export function UsersSection({ session, version, changed }: BeheerSectionProps) {
  const t = useT();
  const api = createApi(session.serverUrl, session.token);
  const { value: users, error: listError } = useServer(() => api.directory.listUsers.query(), version);
  const [confirming, setConfirming] = useState<UserRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<OpenWork | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const returnTo = useRef<string | null>(null);

  useEffect(() => confirmHeading.current?.focus(), [confirming]);
  useEffect(() => resultRef.current?.focus(), [result]);

  const ask = (row: UserRow) => {
    returnTo.current = row.id;
    setResult(null);
    setError(null);
    setConfirming(row);
  };
  const cancel = () => {
    setConfirming(null);
    // Back where she was: the button that opened the question.
    if (returnTo.current) document.querySelector<HTMLButtonElement>(`[data-user="${returnTo.current}"]`)?.focus();
  };
  const deactivate = async (row: UserRow) => {
    setBusy(true);
    try {
      const work = await api.directory.deactivateUser.mutate({ userId: row.id });
      setConfirming(null);
      setError(null);
      setResult(work);
      changed();
    } catch (failure) {
      setError(describeRefusal(t, refusalOf(failure)));
    } finally {
      setBusy(false);
    }
  };

  const rows = users ? userRows(users, session.user.id) : undefined;
  return (
    <div data-testid="beheer-users-body">
      <ErrorLine message={listError} />
      {rows === undefined ? (
        !listError && <p class="hint">{t("context.loading")}</p>
      ) : (
        <table class="beheer-users">
          <caption class="visually-hidden">{t("beheer.users.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("beheer.users.name")}</th>
              <th scope="col">{t("beheer.users.role")}</th>
              <th scope="col">{t("beheer.users.state")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="beheer-user">
                <th scope="row">
                  {row.name}
                  {row.email && <span class="hint beheer-email">{row.email}</span>}
                </th>
                <td>{t(`role.${row.role}`)}</td>
                <td>
                  {row.active ? t("beheer.users.active") : t("beheer.users.inactive")}
                  {row.canDeactivate && (
                    <>
                      {" "}
                      <button
                        type="button"
                        class="secondary"
                        data-user={row.id}
                        aria-label={t("beheer.deactivate.for", { name: row.name })}
                        onClick={() => ask(row)}
                      >
                        {t("beheer.deactivate.button")}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <section class="beheer-confirm" aria-labelledby="beheer-confirm-title" data-testid="beheer-confirm">
          <h4 id="beheer-confirm-title" tabIndex={-1} ref={confirmHeading}>
            {t("beheer.deactivate.question", { name: confirming.name })}
          </h4>
          <p>{t("beheer.deactivate.explain", { name: confirming.name })}</p>
          <ErrorLine message={error} />
          <p>
            <button type="button" class="danger" disabled={busy} onClick={() => void deactivate(confirming)}>
              {t("beheer.deactivate.confirm", { name: confirming.name })}
            </button>{" "}
            <button type="button" class="secondary" onClick={cancel}>
              {t("beheer.deactivate.cancel")}
            </button>
          </p>
        </section>
      )}
      {result && (
        <div class="beheer-result" tabIndex={-1} ref={resultRef} role="status" data-testid="beheer-result">
          <p>
            <strong>{t("beheer.deactivate.done", { name: result.person.name })}</strong>
          </p>
          <OpenWorkList work={result} />
        </div>
      )}
    </div>
  );
}
