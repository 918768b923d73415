/**
 * Fake GGD portal ("Cliëntvolgsysteem OGGZ"). The open client is in the path:
 * `/clienten/<epdId>`, e.g. `/clienten/5501`. Full page loads; index at `/`.
 */
import { createHandler, type DemoPortal, type DemoPortalOptions, escapeHtml, type PortalClient, pick, portalClients, renderPage } from "./shared.ts";

const organisation = "GGD Regio Demo";

const css = `
body { margin: 0; font: 15px/1.45 "Segoe UI", Arial, sans-serif; background: #eef2f6; color: #1d2733; }
.topbar { display: flex; align-items: center; gap: 16px; background: #0b3d6e; color: #fff; padding: 10px 24px; }
.logo { background: #fff; color: #0b3d6e; font-weight: 800; padding: 4px 10px; border-radius: 3px; letter-spacing: .08em; }
.topbar .app { font-size: 18px; font-weight: 600; }
.topbar .app small { display: block; font-weight: 400; font-size: 12px; opacity: .8; }
.topbar .user { margin-left: auto; font-size: 13px; opacity: .85; }
.wrap { max-width: 980px; margin: 20px auto; background: #fff; border: 1px solid #c9d4e0; padding: 18px 26px 26px; }
h1 { font-size: 22px; color: #0b3d6e; margin: 4px 0 14px; }
h2 { font-size: 16px; color: #0b3d6e; border-bottom: 2px solid #0b3d6e; padding-bottom: 3px; margin-top: 26px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th { text-align: left; background: #dce6f0; color: #0b3d6e; }
th, td { padding: 6px 9px; border: 1px solid #c9d4e0; vertical-align: top; }
tr:nth-child(even) td { background: #f6f9fc; }
a { color: #0b5cad; }
dl { display: grid; grid-template-columns: 190px 1fr; gap: 4px 12px; margin: 0; }
dt { color: #55657a; }
dd { margin: 0; font-weight: 600; }
.crumb { font-size: 13px; }
.report p { margin: 6px 0; padding-left: 10px; border-left: 3px solid #9bb7d4; }
`;

const staff = ["M. de Graaf (sociaal-verpleegkundige)", "R. Yilmaz (bemoeizorger)", "T. van Dam (arts M&G)"];
const dates = ["24-03-2025", "11-03-2025", "28-02-2025"];
const contacts = [
  ["Huisbezoek", "Cliënte thuis getroffen. Woning rommelig maar toegankelijk. Afspraak gemaakt voor vervolg."],
  ["Telefonisch", "Cliënte teruggebeld over afspraak huisarts; zegt te zullen gaan."],
  ["Outreachend", "Niet thuis getroffen. Kaartje achtergelaten met telefoonnummer meldpunt."],
  ["Spreekuur", "Cliënte kwam langs op inloopspreekuur. Vragen over zorgverzekering besproken."],
  ["Overleg", "Casusoverleg met wijkteam: signalen van overlast buren besproken, vervolgacties verdeeld."],
] as const;
const reports = [
  "Melding binnengekomen via Meldpunt Zorg en Overlast (buren, geluidsoverlast en zorgen om zelfzorg).",
  "Bemoeizorgtraject gestart; doel is contact opbouwen en toeleiden naar passende zorg.",
  "Geen acuut gevaar ingeschat. Zorgmijdend gedrag, wel bereid tot contact met vaste medewerker.",
  "Huisarts geïnformeerd met toestemming van cliënte.",
  "Volgende evaluatie over zes weken in het OGGZ-netwerkoverleg.",
];

function header(): string {
  return `<header class="topbar"><span class="logo">GGD</span>
<div class="app">Cliëntvolgsysteem OGGZ<small>${escapeHtml(organisation)} — Meldpunt Zorg en Overlast</small></div>
<div class="user">Ingelogd: J. Demo</div></header>`;
}

function indexPage(clients: PortalClient[]): string {
  const rows = clients
    .map(
      ({ client, epdId }) => `<tr><td>${escapeHtml(epdId)}</td>
<td><a href="/clienten/${escapeHtml(encodeURIComponent(epdId))}">${escapeHtml(client.epdName)}</a></td>
<td>${escapeHtml(client.birthYear)}</td><td>Actief</td></tr>`,
    )
    .join("\n");
  const body = `${header()}
<div class="wrap">
<h1>Cliëntenoverzicht</h1>
<table id="clienten"><thead><tr><th>Cliëntnummer</th><th>Naam</th><th>Geboortejaar</th><th>Status</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</div>`;
  return renderPage({ title: `Cliëntenoverzicht — ${organisation}`, css, body });
}

function clientPage({ client, epdId, index }: PortalClient): string {
  const contactRows = [0, 1, 2]
    .map((k) => {
      const [kind, text] = pick(contacts, index + k);
      return `<tr><td>${escapeHtml(pick(dates, k))}</td><td>${escapeHtml(kind)}</td>
<td>${escapeHtml(pick(staff, index + k))}</td><td>${escapeHtml(text)}</td></tr>`;
    })
    .join("\n");
  const reportLines = [0, 1, 2, 3].map((k) => `<p>${escapeHtml(pick(reports, index + k))}</p>`).join("\n");
  const body = `${header()}
<div class="wrap">
<div class="crumb"><a href="/">Cliëntenoverzicht</a> › Dossier ${escapeHtml(epdId)}</div>
<h1>Dossier ${escapeHtml(client.epdName)}</h1>
<dl>
<dt>Cliëntnummer</dt><dd>${escapeHtml(epdId)}</dd>
<dt>Naam</dt><dd>${escapeHtml(client.epdName)}</dd>
<dt>Geboortejaar</dt><dd>${escapeHtml(client.birthYear)}</dd>
<dt>Dossierstatus</dt><dd>Actief — bemoeizorg</dd>
<dt>Casusregisseur</dt><dd>${escapeHtml(pick(staff, index))}</dd>
<dt>Huisarts</dt><dd>Huisartsenpraktijk De Linde (fictief)</dd>
</dl>
<h2>Contactmomenten</h2>
<table><thead><tr><th>Datum</th><th>Soort</th><th>Medewerker</th><th>Samenvatting</th></tr></thead>
<tbody>
${contactRows}
</tbody></table>
<h2>Rapportage</h2>
<div class="report">
${reportLines}
</div>
</div>`;
  return renderPage({ title: `Dossier ${client.epdName} — ${organisation}`, css, body });
}

function notFound(): string {
  const body = `${header()}<div class="wrap"><h1>Niet gevonden</h1><p>Deze pagina of cliënt bestaat niet. <a href="/">Naar het cliëntenoverzicht</a></p></div>`;
  return renderPage({ title: `Niet gevonden — ${organisation}`, css, body });
}

/** The GGD portal: `/` lists the clients, `/clienten/<epdId>` shows one. */
export function createGgdPortal(options: DemoPortalOptions = {}): DemoPortal {
  const clients = portalClients("ggd", options);
  const handler = createHandler((url) => {
    if (url.pathname === "/" || url.pathname === "/clienten" || url.pathname === "/clienten/") {
      return { status: 200, html: indexPage(clients) };
    }
    const match = /^\/clienten\/([^/]+)\/?$/.exec(url.pathname);
    if (match?.[1] !== undefined) {
      let epdId: string;
      try {
        epdId = decodeURIComponent(match[1]);
      } catch {
        return { status: 404, html: notFound() };
      }
      const found = clients.find((c) => c.epdId === epdId);
      if (found) return { status: 200, html: clientPage(found) };
    }
    return { status: 404, html: notFound() };
  });
  return { key: "ggd", organisation, handler };
}
