import { type DataCategory, dataCategorySchema } from "../consent/categories.ts";
import type { LifeDomain } from "../plan/domains.ts";
import { lifeDomainSchema } from "../plan/schema.ts";

/**
 * Who may see a record:
 * - "directory": every signed-in user (organisations, colleagues, portal adapters; no client data);
 * - "client": anyone who may see at least one category of that client (her alias, the consents);
 * - "holder": only the organisation that holds the client (what the client said when asked for
 *   consent: without her consent it is nobody else's business);
 * - "epd-link": only the organisation whose EPD id it is, whatever the consent: the link is that
 *   organisation's own data, and lets its panel say "no longer shared" instead of "unknown";
 * - "organisation": only the users of one organisation: its own aggregate totals (what is left of
 *   the flexbudget it holds), which name no client;
 * - "priority": a mark on a municipality's priority list: the organisation that holds the client,
 *   and that municipality while it may see the client at all; nobody else;
 * - a data category, and for a record tied to a life domain (an afspraak about housing) that
 *   domain too: the reader's organisation needs every one of them (see `categoriesOf`).
 */
export type Visibility =
  | { kind: "directory" }
  | { kind: "client" }
  | { kind: "holder" }
  | { kind: "epd-link"; organisationId: string }
  | { kind: "organisation"; organisationId: string }
  | { kind: "priority"; organisationId: string }
  | { kind: "category"; category: DataCategory; domain: LifeDomain | null };

/** The categories a reader must be allowed, all of them, to receive a record of this visibility. */
export function categoriesOf(visibility: Visibility & { kind: "category" }): DataCategory[] {
  const { category, domain } = visibility;
  return domain === null || domain === category ? [category] : [category, domain];
}

/**
 * The visibility as one string, stored beside each record on both sides so purges and pulls can
 * select by it: "directory", "client", "holder", "epd-link:<organisation>", "organisation:<organisation>", "category:<category>"
 * or "category:<category>:<life domain>". Only `parseVisibility` reads it back.
 */
export function encodeVisibility(visibility: Visibility): string {
  switch (visibility.kind) {
    case "directory":
    case "client":
    case "holder":
      return visibility.kind;
    case "epd-link":
      return `epd-link:${visibility.organisationId}`;
    case "organisation":
      return `organisation:${visibility.organisationId}`;
    case "priority":
      return `priority:${visibility.organisationId}`;
    case "category":
      return visibility.domain === null ? `category:${visibility.category}` : `category:${visibility.category}:${visibility.domain}`;
  }
}

export function parseVisibility(key: string): Visibility {
  if (key === "directory" || key === "client" || key === "holder") return { kind: key };
  const [kind, first, second, ...rest] = key.split(":");
  if ((kind === "epd-link" || kind === "organisation" || kind === "priority") && first && second === undefined) return { kind, organisationId: first };
  if (kind === "category" && rest.length === 0) {
    const category = dataCategorySchema.safeParse(first);
    const domain = second === undefined ? null : lifeDomainSchema.safeParse(second);
    if (category.success && (domain === null || domain.success)) return { kind: "category", category: category.data, domain: domain?.data ?? null };
  }
  throw new Error(`not a visibility: ${key}`);
}
