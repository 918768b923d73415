/**
 * Fake Iriszorg portal ("EPD Verslavingszorg"). The open client is in the query string:
 * `/dossier?patient=<epdId>`, e.g. `/dossier?patient=IZ-1001`. Full page loads; index at `/`.
 */
import { createHandler, type DemoPortal, type DemoPortalOptions, escapeHtml, type PortalClient, pick, portalClients, renderPage } from "./shared.ts";

const organisation = "Iriszorg";

const css = `
body { margin: 0; font: 15px/1.5 Georgia, "Times New Roman", serif; background: #f4f0f8; color: #2b2233; }
.masthead { background: linear-gradient(90deg, #5b2a86, #8a4fbf); color: #fff; padding: 16px 32px 14px; }
.masthead .org { font-size: 26px; font-weight: 700; letter-spacing: .02em; }
.masthead .sub { font: 13px/1.3 Verdana, sans-serif; opacity: .9; }
nav.tabs { background: #3f1d5e; padding: 0 32px; font: 13px Verdana, sans-serif; }
nav.tabs a { display: inline-block; color: #e9dcf5; padding: 8px 14px; text-decoration: none; }
nav.tabs a.on { background: #f4f0f8; color: #3f1d5e; border-radius: 6px 6px 0 0; }
.page { max-width: 900px; margin: 24px auto; padding: 0 20px; }
.card { background: #fff; border-radius: 12px; box-shadow: 0 2px 8px rgba(60, 20, 90, .12); padding: 16px 22px; margin-bottom: 18px; }
.card h2 { margin: 0 0 8px; font-size: 18px; color: #5b2a86; }
h1 { color: #3f1d5e; font-size: 26px; margin: 0 0 14px; }
.patients { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 12px; }
.patients a { display: block; background: #fff; border-radius: 12px; padding: 12px 16px; text-decoration: none; color: #2b2233;
  border-left: 6px solid #8a4fbf; box-shadow: 0 1px 4px rgba(60, 20, 90, .12); }
.patients .nr { font: 12px Verdana, sans-serif; color: #7a6a88; }
.kv { font: 14px Verdana, sans-serif; width: 100%; }
.kv th { text-align: left; color: #7a6a88; font-weight: normal; width: 180px; padding: 2px 0; }
.timeline { list-style: none; margin: 0; padding: 0; }
.timeline li { border-left: 3px solid #c9b3de; padding: 4px 0 10px 14px; }
.timeline .meta { font: 12px Verdana, sans-serif; color: #7a6a88; }
.journal p { margin: 4px 0; font-style: italic; }
`;

const behandelaars = ["drs. L. Hoekstra (GZ-psycholoog)", "S. Bouzid (verpleegkundig specialist)", "P. Verbeek (casemanager)"];
const dates = ["26 mrt 2025", "19 mrt 2025", "5 mrt 2025"];
const contacts = [
  ["Behandelgesprek", "Terugvalpreventieplan doorgenomen; risicosituaties in het weekend benoemd."],
  ["Telefonisch consult", "Patiënte belde af wegens ziekte, nieuwe afspraak ingepland."],
  ["Groepstraining", "Deelgenomen aan module Omgaan met craving. Actieve inbreng."],
  ["MDO", "Multidisciplinair overleg: medicatie ongewijzigd, ambulante behandeling voortzetten."],
  ["Huisbezoek", "Samen met ambulant begeleider thuis bezocht; dagstructuur besproken."],
] as const;
const journal = [
  "Motivatie voor behandeling wisselend, maar komt afspraken grotendeels na.",
  "Urinecontrole afgesproken op vrijwillige basis; uitslag besproken in volgend gesprek.",
  "Zorgen over schulden; toestemming gegeven voor doorverwijzing naar schuldhulpverlening.",
  "Slaapproblemen nemen af sinds vaste dagstructuur.",
  "Behandelplan geëvalueerd; doelen bijgesteld in overleg met patiënte.",
];

function masthead(active: "overzicht" | "dossier"): string {
  return `<header class="masthead"><div class="org">${escapeHtml(organisation)}</div>
<div class="sub">Elektronisch Patiëntendossier — Verslavingszorg</div></header>
<nav class="tabs"><a href="/" class="${active === "overzicht" ? "on" : ""}">Mijn patiënten</a><a class="${active === "dossier" ? "on" : ""}">Dossier</a><a>Agenda</a><a>Berichten</a></nav>`;
}

function dossierHref(epdId: string): string {
  return `/dossier?patient=${encodeURIComponent(epdId)}`;
}

function indexPage(clients: PortalClient[]): string {
  const items = clients
    .map(
      ({ client, epdId }) => `<li><a href="${escapeHtml(dossierHref(epdId))}"><strong>${escapeHtml(client.epdName)}</strong>
<div class="nr">Patiëntnummer ${escapeHtml(epdId)} · geb. ${escapeHtml(client.birthYear)}</div></a></li>`,
    )
    .join("\n");
  const body = `${masthead("overzicht")}
<div class="page"><h1>Mijn patiënten</h1>
<ul class="patients" id="patienten">
${items}
</ul></div>`;
  return renderPage({ title: `Mijn patiënten — ${organisation} EPD`, css, body });
}

function dossierPage({ client, epdId, index }: PortalClient): string {
  const timeline = [0, 1, 2]
    .map((k) => {
      const [kind, text] = pick(contacts, index + k);
      return `<li><div class="meta">${escapeHtml(pick(dates, k))} · ${escapeHtml(kind)} · ${escapeHtml(pick(behandelaars, index + k))}</div>${escapeHtml(text)}</li>`;
    })
    .join("\n");
  const lines = [0, 1, 2].map((k) => `<p>${escapeHtml(pick(journal, index + k))}</p>`).join("\n");
  const body = `${masthead("dossier")}
<div class="page">
<h1>${escapeHtml(client.epdName)}</h1>
<section class="card"><h2>Dossier</h2>
<table class="kv">
<tr><th>Patiëntnummer</th><td>${escapeHtml(epdId)}</td></tr>
<tr><th>Geboortejaar</th><td>${escapeHtml(client.birthYear)}</td></tr>
<tr><th>Zorgtraject</th><td>Ambulante behandeling (fictief)</td></tr>
<tr><th>Regiebehandelaar</th><td>${escapeHtml(pick(behandelaars, index))}</td></tr>
<tr><th>Locatie</th><td>Polikliniek Centrum</td></tr>
</table></section>
<section class="card"><h2>Contactmomenten</h2><ul class="timeline">
${timeline}
</ul></section>
<section class="card journal"><h2>Journaal</h2>
${lines}
</section>
</div>`;
  return renderPage({ title: `Dossier ${client.epdName} — ${organisation} EPD`, css, body });
}

function notFound(message: string): string {
  const body = `${masthead("overzicht")}<div class="page"><section class="card"><h2>Niet gevonden</h2><p>${escapeHtml(message)}</p>
<p><a href="/">Terug naar mijn patiënten</a></p></section></div>`;
  return renderPage({ title: `Niet gevonden — ${organisation} EPD`, css, body });
}

/** The Iriszorg portal: `/` lists the clients, `/dossier?patient=<epdId>` shows one. */
export function createIriszorgPortal(options: DemoPortalOptions = {}): DemoPortal {
  const clients = portalClients("iriszorg", options);
  const handler = createHandler((url) => {
    if (url.pathname === "/") return { status: 200, html: indexPage(clients) };
    if (url.pathname === "/dossier") {
      const epdId = url.searchParams.get("patient");
      const found = clients.find((c) => c.epdId === epdId);
      if (found) return { status: 200, html: dossierPage(found) };
      return { status: 404, html: notFound("Geen patiënt gevonden met dit patiëntnummer.") };
    }
    return { status: 404, html: notFound("Deze pagina bestaat niet.") };
  });
  return { key: "iriszorg", organisation, handler };
}
