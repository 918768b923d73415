/**
 * Fake Leger des Heils portal: a single-page app. `/` and every `/app/...` path serve the same HTML;
 * opening a client renders the dossier client-side and pushes `/app/dossier/<token>`, where the token
 * does not contain the EPD id. The EPD id is only in the DOM: `<main id="dossier" data-client-id="LDH-0042">`.
 */
import { createHash } from "node:crypto";
import {
  createHandler,
  type DemoPortal,
  type DemoPortalOptions,
  escapeHtml,
  jsonForScript,
  type PortalClient,
  pick,
  portalClients,
  renderPage,
} from "./shared.ts";

const organisation = "Leger des Heils";

/** The opaque URL token for a client in the LDH app; stable across restarts, reveals nothing. */
export function ldhDossierToken(epdId: string): string {
  return createHash("sha256").update(`naast-demo-ldh:${epdId}`).digest("hex").slice(0, 16);
}

const css = `
body { margin: 0; font: 14px/1.45 Helvetica, Arial, sans-serif; background: #f3f3f3; color: #222; }
.appbar { background: #d0021b; color: #fff; display: flex; align-items: center; gap: 14px; padding: 0 20px; height: 54px; }
.shield { width: 30px; height: 30px; border-radius: 50% 50% 45% 45%; background: #ffd21f; color: #d0021b;
  display: grid; place-items: center; font-weight: 900; }
.appbar .title { font-size: 19px; font-weight: 700; } .appbar .title span { font-weight: 300; }
.layout { display: grid; grid-template-columns: 260px 1fr; min-height: calc(100vh - 90px); }
aside { background: #2e2e2e; color: #ddd; padding: 14px 0; }
aside h2 { font-size: 11px; text-transform: uppercase; letter-spacing: .12em; color: #aaa; margin: 0 18px 8px; }
aside ul { list-style: none; margin: 0; padding: 0; }
aside a { display: block; padding: 8px 18px; color: #eee; text-decoration: none; border-left: 4px solid transparent; }
aside a:hover { background: #3a3a3a; } aside a.active { background: #444; border-left-color: #d0021b; }
aside small { display: block; color: #9a9a9a; }
#view { padding: 22px 30px; }
.panel { background: #fff; border: 1px solid #ddd; border-top: 3px solid #d0021b; padding: 12px 18px; margin-bottom: 16px; }
.panel h3 { margin: 0 0 8px; font-size: 15px; text-transform: uppercase; color: #d0021b; letter-spacing: .05em; }
.dossier-head { display: flex; align-items: baseline; gap: 16px; } .dossier-head h1 { margin: 0 0 12px; font-size: 24px; }
.close { margin-left: auto; color: #d0021b; }
.facts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px 18px; }
.facts div span { display: block; font-size: 11px; color: #777; text-transform: uppercase; }
.contact { border-bottom: 1px dashed #ddd; padding: 6px 0; } .contact b { color: #555; }
.muted { color: #777; }
`;

const begeleiders = ["K. Willems (woonbegeleider)", "D. Hamid (trajectbegeleider)", "E. Postma (ambulant begeleider)"];
const locations = ["Opvanglocatie De Haven (fictief)", "Beschermd wonen Het Baken (fictief)", "Ambulant — eigen woning"];
const dates = ["27-03-2025", "20-03-2025", "13-03-2025"];
const contacts = [
  ["Mentorgesprek", "Weekplanning doorgenomen; afspraak bij de bank samen voorbereid."],
  ["Dagbesteding", "Aanwezig bij dagbesteding in de werkplaats, goede inzet."],
  ["Huisbezoek", "Kamer netjes. Gesproken over contact met familie."],
  ["Telefonisch", "Belde zelf over vervoer naar afspraak; geregeld via de locatie."],
  ["Overleg netwerk", "Afstemming met wijkteam over aanvraag uitkering en woonruimte."],
] as const;
const reports = [
  "Cliënte houdt zich aan de huisregels; geen incidenten deze week.",
  "Budgetbeheer loopt; vaste lasten worden via de organisatie betaald.",
  "Doel uit begeleidingsplan: zelfstandig wonen binnen een jaar.",
  "Nachtdienst: rustige nacht, cliënte sliep om 23.30 uur.",
  "Evaluatie begeleidingsplan gepland met cliënte en trajectbegeleider.",
];

function appData(clients: PortalClient[]) {
  return clients.map(({ client, epdId, index }) => ({
    token: ldhDossierToken(epdId),
    epdId,
    name: client.epdName,
    birthYear: client.birthYear,
    location: pick(locations, index),
    begeleider: pick(begeleiders, index),
    contacts: [0, 1, 2].map((k) => {
      const [kind, text] = pick(contacts, index + k);
      return { date: pick(dates, k), kind, who: pick(begeleiders, index + k), text };
    }),
    reports: [0, 1, 2].map((k) => pick(reports, index + k)),
  }));
}

/** Client-side app. Plain JS in a string (no `${`): it renders with DOM APIs, so text is never parsed as HTML. */
const script = `
(() => {
  const data = JSON.parse(document.getElementById("ldh-data").textContent);
  const byToken = new Map(data.map((c) => [c.token, c]));
  const view = document.getElementById("view");
  const h = (tag, props, ...children) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === "text") el.textContent = v; else el.setAttribute(k, v);
    }
    for (const child of children) el.append(child);
    return el;
  };
  const tokenFromPath = (path) => {
    const m = /^\\/app\\/dossier\\/([^/]+)\\/?$/.exec(path);
    return m ? decodeURIComponent(m[1]) : null;
  };
  const fact = (label, value) => h("div", {}, h("span", { text: label }), String(value));
  const renderDossier = (c) => h("main", { id: "dossier", "data-client-id": c.epdId },
    h("div", { class: "dossier-head" }, h("h1", { text: "Dossier " + c.name }),
      h("a", { href: "/", class: "close", "data-spa": "", text: "Sluiten" })),
    h("section", { class: "panel" }, h("h3", { text: "Cliëntgegevens" }),
      h("div", { class: "facts" }, fact("Cliëntnummer", c.epdId), fact("Geboortejaar", c.birthYear),
        fact("Begeleider", c.begeleider), fact("Woonsituatie", c.location))),
    h("section", { class: "panel" }, h("h3", { text: "Contactmomenten" }),
      ...c.contacts.map((m) => h("div", { class: "contact" }, h("b", { text: m.date + " · " + m.kind }),
        " — " + m.text + " ", h("span", { class: "muted", text: "(" + m.who + ")" })))),
    h("section", { class: "panel" }, h("h3", { text: "Rapportage" }), ...c.reports.map((r) => h("p", { text: r }))));
  const render = () => {
    const token = tokenFromPath(location.pathname);
    const c = token === null ? undefined : byToken.get(token);
    for (const a of document.querySelectorAll("#client-list a")) a.classList.toggle("active", a.dataset.token === token);
    if (c) {
      view.replaceChildren(renderDossier(c));
      document.title = "Dossier " + c.name + " — Leger des Heils Cliëntportaal";
    } else {
      const text = token === null ? "Kies links een cliënt om het dossier te openen." : "Dit dossier bestaat niet of is gesloten.";
      view.replaceChildren(h("section", { id: "start", class: "panel" }, h("h3", { text: "Cliëntportaal" }), h("p", { text })));
      document.title = "Cliëntportaal — Leger des Heils";
    }
  };
  document.addEventListener("click", (e) => {
    const a = e.target instanceof Element ? e.target.closest("a[data-spa]") : null;
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const path = new URL(a.href).pathname;
    if (path !== location.pathname) history.pushState(null, "", path);
    render();
  });
  window.addEventListener("popstate", render);
  render();
})();
`;

function appPage(clients: PortalClient[]): string {
  const data = appData(clients);
  const items = data
    .map(
      (c) => `<li><a href="/app/dossier/${escapeHtml(c.token)}" data-spa data-token="${escapeHtml(c.token)}">${escapeHtml(c.name)}
<small>${escapeHtml(c.epdId)}</small></a></li>`,
    )
    .join("\n");
  const body = `<header class="appbar"><div class="shield">+</div>
<div class="title">${escapeHtml(organisation)} <span>Cliëntportaal</span></div></header>
<div class="layout">
<aside><h2>Mijn cliënten</h2><ul id="client-list">
${items}
</ul></aside>
<div id="view"><noscript>Deze applicatie vereist JavaScript.</noscript></div>
</div>
<script type="application/json" id="ldh-data">${jsonForScript(data)}</script>`;
  return renderPage({ title: `Cliëntportaal — ${organisation}`, css, body, script });
}

function notFound(): string {
  const body = `<header class="appbar"><div class="title">${escapeHtml(organisation)}</div></header>
<div id="view"><section class="panel"><h3>404</h3><p>Niet gevonden. <a href="/">Naar het cliëntportaal</a></p></section></div>`;
  return renderPage({ title: `Niet gevonden — ${organisation}`, css, body });
}

/** The LDH single-page app: `/` and `/app/...` serve the app; the dossier lives at `/app/dossier/<token>`. */
export function createLdhPortal(options: DemoPortalOptions = {}): DemoPortal {
  const html = appPage(portalClients("ldh", options));
  const handler = createHandler((url) => {
    if (url.pathname === "/" || url.pathname === "/app" || url.pathname.startsWith("/app/")) return { status: 200, html };
    return { status: 404, html: notFound() };
  });
  return { key: "ldh", organisation, handler };
}
