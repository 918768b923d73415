import { isOverdue } from "../agreement/schema.ts";
import type { Person, SessionUser } from "../organisation/schema.ts";
import type { ClientOverview } from "./summary.ts";

/** The Stapteam's norm: 3–4 active clients per casemanager. */
export const caseloadNorm = { min: 3, max: 4 } as const;

export interface CaseloadRow {
  userId: string;
  activeClients: number;
  openAgreements: number;
  overdueAgreements: number;
}

/**
 * The team's load per colleague, from what the device holds (so only clients and afspraken the
 * organisation may see): active clients she is responsible for, and afspraken she owns of clients
 * not closed.
 */
export function caseload(people: readonly Person[], clients: readonly ClientOverview[], today: string): CaseloadRow[] {
  return people
    .filter((p) => p.active && (p.role === "casemanager" || p.role === "coordinator" || p.role === "ervaringsdeskundige"))
    .map((p) => {
      // A closed client's afspraken are no one's load any more (closing does not cancel them one by one).
      const agreements = clients
        .filter((c) => c.client.status !== "closed")
        .flatMap((c) => c.agreements)
        .filter((a) => a.ownerUserId === p.id && a.status === "open");
      return {
        userId: p.id,
        activeClients: clients.filter((c) => c.client.responsibleUserId === p.id && c.client.status === "active").length,
        openAgreements: agreements.length,
        overdueAgreements: agreements.filter((a) => isOverdue(a, today)).length,
      };
    });
}

/**
 * Who sees the team's caseload: a coordinator (Iriszorg's expertrol; a partner's coordinator sees
 * the same view of what consent shares with her organisation).
 */
export const maySeeCaseload = (user: Pick<SessionUser, "role">): boolean => user.role === "coordinator";
