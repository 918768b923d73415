/**
 * Every refusal the server or a shared mutator can give, with its parameters and their kinds.
 * The panel translates a refusal by its code (`refusal.<code>` in each catalogue) and its
 * parameters by their kind: a `date` is formatted in the reader's language, a `role`, `status`
 * (of a handover), `section` (of a handover), `category` or `mutation` is a code with its own catalogue entry, a `categories` or `texts` list
 * is joined as a sentence ("Huisvesting en Verslaving"). A `text` is a name as people know it
 * (the client's roepnaam, the afspraak's text, a colleague's name), never an id. A refusal names
 * only what the user may see: a refusal for lack of access never names the client.
 */
export const refusalCodes = {
  // Access, checked before any mutator runs (mutators/run.ts).
  "access.role": { role: "role", mutation: "mutation" },
  "access.no-data-role": {},
  "access.no-consent": {},
  "access.withdrawn": { since: "date" },
  "access.expired": { since: "date" },
  "access.not-yet-valid": { from: "date" },
  "access.closed": { since: "date" },
  "access.read-only": { client: "text", until: "date" },
  "access.holder-only": { client: "text", holder: "text" },
  "access.not-shared": {},
  "access.admin-only": {},
  "client.not-found": {},
  "client.exists": {},
  // A change with an id the device used already: a replay from another device or a bug.
  "change.duplicate": {},
  // The same change id with other content: a device bug; the first change stands.
  "change.id-reused": {},
  // The server failed while applying it (a bug, not a rule): nothing of it was saved.
  "change.failed": {},
  "epd.linked-elsewhere": { epdId: "text" },
  "organisation.unknown": { organisation: "text" },
  "consent.ends-before-start": {},
  "consent.too-long": { months: "number" },
  "consent.not-found": {},
  "consent-conversation.asked-in-future": { askedOn: "date" },
  "consent-conversation.ask-again-too-early": { askedOn: "date" },
  "agreement.not-found": {},
  "agreement.owner-inactive": { person: "text" },
  "agreement.owner-no-access": { person: "text", organisation: "text" },
  "note.correct-not-found": {},
  "handover.not-found": {},
  "handover.not-open": { status: "status" },
  "handover.receiver-only": {},
  "handover.receiver-or-sender-only": {},
  "handover.client-moved": { client: "text", organisation: "text" },
  "handover.consent-missing": { client: "text", organisation: "text" },
  "handover.domains-not-shared": { domains: "categories", organisation: "text" },
  "handover.receiver-inactive": { person: "text" },
  "handover.receiver-role": { person: "text", role: "role" },
  "handover.receiver-role-monitoring": { person: "text", role: "role" },
  "handover.receiver-other-organisation": { person: "text", organisation: "text" },
  "handover.external-inside": {},
  "handover.colleague-missing": {},
  "handover.organisation-missing": {},
  "handover.receiver-missing": {},
  "handover.to-self": {},
  "handover.leaving-to-inside": {},
  "handover.external-missing": {},
  "handover.correct-not-found": {},
  "handover.correct-other-organisation": { organisation: "text" },
  "handover.correct-left-naast": {},
  "handover.correct-closed": { status: "status" },
  "handover.open-exists": { client: "text" },
  "handover.domain-twice": {},
  "handover.section-general": { section: "section" },
  "handover.section-domain-not-shared": { section: "section", domain: "category" },
  "handover.agreement-twice": { agreement: "text" },
  "handover.agreement-not-open": { agreement: "text" },
  "handover.agreement-owner-inactive": { agreement: "text", person: "text" },
  "handover.agreement-owner-no-access": { agreement: "text", person: "text", organisation: "text" },
  "handover.agreements-undecided": { agreements: "texts", count: "number" },
  "handover.agreement-cannot-go": { agreement: "text", person: "text" },
  "handover.agreement-added-since": { agreement: "text", person: "text" },
  "handover.no-read-only-access": { organisation: "text" },
  "export.category-hidden": { category: "category" },
  // The server's own answers (auth, sessions, the sync protocol).
  "signIn.wrong": {},
  "signIn.too-many": {},
  "signIn.code-wrong": {},
  "signIn.challenge-expired": {},
  "signIn.device-of-another-user": {},
  "session.unknown": {},
  "session.revoked": {},
  "session.expired": {},
  "session.inactive": {},
  "directory.person-not-found": {},
  "directory.deactivate-self": {},
  "sync.unreadable-change": { index: "number", mutation: "mutation" },
  "sync.cursor-ahead": {},
  "sync.extension-outdated": {},
  "sync.server-outdated": {},
  "sync.other-user": {},
  // The device's own: the server was not reached, or something nobody foresaw.
  "network.unreachable": { server: "text" },
  unexpected: { message: "text" },
} as const satisfies Record<string, Record<string, ParamKind>>;

export type ParamKind = "text" | "texts" | "number" | "date" | "role" | "status" | "section" | "category" | "categories" | "mutation";
