import type { Handover } from "./schema.ts";

/**
 * A handover as one reader may have it: only the life domains she may see. The record syncs
 * under "handovers", but its situation per domain is that domain's information, and a client may
 * share her housing with an organisation and not her addiction care.
 */
export function handoverFor(handover: Handover, mayRead: (category: string) => boolean): Handover {
  return handover.domains.every((d) => mayRead(d.domain)) ? handover : { ...handover, domains: handover.domains.filter((d) => mayRead(d.domain)) };
}
