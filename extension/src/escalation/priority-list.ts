import type { Client, Priority, SessionUser } from "@naast/shared";

export interface PriorityLine {
  priority: Priority;
  client: Client;
}

/**
 * Whose list this user sees: the procesregisseur her own municipality's marks; anyone else the marks
 * on clients her organisation holds. Oldest mark first (longest waiting); a mark on a client the
 * device does not hold is left out.
 */
export function priorityListFor(user: Pick<SessionUser, "role" | "organisationId">, listed: readonly Priority[], clients: readonly Client[]): PriorityLine[] {
  const byId = new Map(clients.map((c) => [c.id, c]));
  return listed
    .flatMap((priority) => {
      const client = byId.get(priority.clientId);
      if (!client) return [];
      const hers = user.role === "procesregisseur" ? priority.organisationId === user.organisationId : client.ownerOrganisationId === user.organisationId;
      return hers ? [{ priority, client }] : [];
    })
    .sort((a, b) => a.priority.listedAt.localeCompare(b.priority.listedAt) || a.priority.id.localeCompare(b.priority.id));
}
