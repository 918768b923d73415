/**
 * Fake "Ons"-style portal, Iriszorg's second EPD, behaving like a real one: it runs on its own
 * origin (127.0.0.2, which the extension's loopback permissions do not cover), shows the dossier
 * inside an iframe, and names the client only in visible text ("Cliëntnummer: IZ-1001"): the
 * frame's address carries an opaque token, and no attribute holds the number.
 */
import { createHash } from "node:crypto";
import { createHandler, type DemoPortalOptions, escapeHtml, type PortalClient, pick, portalClients, renderPage } from "./shared.ts";

export const onsPortalName = "Iriszorg Ons (demo)";

/** The frame's address token for a client: stable, and reveals nothing. */
export function onsDossierToken(epdId: string): string {
  return createHash("sha256").update(`naast-demo-ons:${epdId}`).digest("hex").slice(0, 12);
}

const css = `
body { margin: 0; font: 14px/1.45 "Segoe UI", Arial, sans-serif; background: #eef3f6; color: #1d2b36; }
.top { background: #00607a; color: #fff; padding: 10px 20px; font-size: 18px; font-weight: 600; }
.shell { display: grid; grid-template-columns: 240px 1fr; height: calc(100vh - 80px); }
.shell nav { background: #fff; border-right: 1px solid #cbd8e0; overflow: auto; }
.shell nav a { display: block; padding: 8px 16px; color: #00607a; text-decoration: none; border-bottom: 1px solid #eef3f6; }
.shell iframe { border: 0; width: 100%; height: 100%; background: #fff; }
.dossier { padding: 16px 24px; } .dossier h1 { margin: 0 0 6px; font-size: 22px; }
.dossier .nr { color: #4a6272; margin: 0 0 14px; }
`;

const notes = ["Afspraak bij de huisarts samen voorbereid.", "Terugvalpreventie besproken; gaat goed.", "Contact met budgetcoach gelegd."];

function shell(clients: PortalClient[]): string {
  const links = clients
    .map(({ client, epdId }) => `<a href="/dossier/frame?d=${onsDossierToken(epdId)}" target="dossier">${escapeHtml(client.epdName)}</a>`)
    .join("");
  return renderPage({
    title: `${onsPortalName} — Cliënten`,
    css,
    body: `<div class="top">Iriszorg · Ons</div><div class="shell"><nav aria-label="Cliënten">${links}</nav><iframe name="dossier" title="Dossier" src="/dossier/frame"></iframe></div>`,
  });
}

function frame(found: PortalClient | undefined): string {
  const body = found
    ? `<div class="dossier"><h1>${escapeHtml(found.client.epdName)}</h1><p class="nr">Cliëntnummer: ${escapeHtml(found.epdId)}</p><p>${escapeHtml(pick(notes, found.index))}</p></div>`
    : `<div class="dossier"><p>Kies links een cliënt.</p></div>`;
  return renderPage({ title: "Dossier", css, body });
}

export function createIriszorgOnsPortal(options: DemoPortalOptions = {}) {
  const clients = portalClients("iriszorg", options);
  return {
    organisation: "Iriszorg",
    handler: createHandler((url) => {
      if (url.pathname === "/") return { status: 200, html: shell(clients) };
      if (url.pathname === "/dossier/frame") {
        const token = url.searchParams.get("d");
        return { status: 200, html: frame(clients.find((c) => onsDossierToken(c.epdId) === token)) };
      }
      return { status: 404, html: renderPage({ title: "Niet gevonden", css, body: "<p>Pagina niet gevonden.</p>" }) };
    }),
  };
}
