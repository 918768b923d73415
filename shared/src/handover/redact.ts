import { lifeDomains } from "../plan/domains.ts";
import { type Handover, type HandoverSection, handoverSections } from "./schema.ts";

/**
 * The categories a handover's projection (handoverFor) depends on besides "handovers": when one
 * of them becomes visible to a reader, her copy of every handover of the client changes.
 */
export const handoverProjectionCategories: readonly string[] = lifeDomains;

/** Whether a reader sees a free-text section: its life domain, or for "algemeen" (null) every life domain. */
export function maySeeSection(domain: Handover["sectionDomains"][HandoverSection], mayRead: (category: string) => boolean): boolean {
  return domain === null ? lifeDomains.every(mayRead) : mayRead(domain);
}

/**
 * A handover as one reader may have it: only the life domains she may see, and only the
 * free-text sections (risks, what works, the note) about a domain she may see; a section about
 * nothing in particular ("algemeen") can hold anything, so only a reader of the whole plan gets
 * it. The record syncs under "handovers", but each of these is its life domain's information,
 * and a client may share her housing with an organisation and not her addiction care.
 */
export function handoverFor(handover: Handover, mayRead: (category: string) => boolean): Handover {
  const hidden = handoverSections.filter((section) => handover[section] !== "" && !maySeeSection(handover.sectionDomains[section], mayRead));
  if (hidden.length === 0 && handover.domains.every((d) => mayRead(d.domain))) return handover;
  const redacted: Handover = { ...handover, domains: handover.domains.filter((d) => mayRead(d.domain)) };
  for (const section of hidden) redacted[section] = "";
  return redacted;
}
