import type { FiguresPeriod } from "@naast/shared";
import type { AccessPoint, AuditFacts } from "../audit/entry.ts";
import { audit } from "../rights/holder-request.ts";
import type { Services } from "../services.ts";

/**
 * A request for the figures in the audit log: who (null: the operator at the CLI), which period
 * (as the row's one category, `period:<from>/<to>`), answered or denied. Never a client id: the
 * figures name none.
 */
export function auditFiguresRequest(
  services: Services,
  who: { userId: string | null; organisationId: string | null; accessPoint: AccessPoint },
  period: FiguresPeriod,
  outcome: AuditFacts["outcome"],
): Promise<void> {
  return audit(services, {
    at: services.clock.nowIso(),
    event: "figures.read",
    ...who,
    responsibleUserId: null,
    clientId: null,
    categories: [`period:${period.from}/${period.to}`],
    consentId: null,
    outcome,
  });
}
