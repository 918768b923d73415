/**
 * Shared plumbing for the three fake EPD portals: types, HTML escaping, the page shell with the
 * "DEMO" banner, and a tiny request handler wrapper. Everything a page shows is invented.
 */
import type { RequestListener, ServerResponse } from "node:http";
import { type DemoClient, type DemoOrganisationKey, demoClients } from "../clients.ts";

/** The organisations that have a (fake) EPD portal. */
export type DemoPortalKey = Exclude<DemoOrganisationKey, "gemeente">;

export interface DemoPortal {
  key: DemoPortalKey;
  /** Organisation name as shown in the portal's header. */
  organisation: string;
  /** node:http request handler serving the whole portal. */
  handler: RequestListener;
}

export interface DemoPortalOptions {
  /** The clients to show; defaults to `demoClients`. Only those with an EPD id for the portal appear. */
  clients?: readonly DemoClient[];
}

/** A client as one portal sees it: with that portal's EPD id. */
export interface PortalClient {
  client: DemoClient;
  epdId: string;
  /** Position in the portal's list; used to vary the invented dossier content. */
  index: number;
}

export function portalClients(key: DemoPortalKey, options: DemoPortalOptions = {}): PortalClient[] {
  const result: PortalClient[] = [];
  for (const client of options.clients ?? demoClients) {
    const epdId = client.epdIds[key];
    if (epdId !== undefined && epdId !== "") result.push({ client, epdId, index: result.length });
  }
  return result;
}

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for use in HTML content and in quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => htmlEscapes[ch] ?? ch);
}

/** JSON that is safe inside `<script type="application/json">` (no `<`, `>` or `&` left raw). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

/** Picks an item by index, wrapping around; for deterministic invented content. */
export function pick<T>(items: readonly T[], index: number): T {
  const item = items[((index % items.length) + items.length) % items.length];
  if (item === undefined) throw new Error("pick() from an empty list");
  return item;
}

export interface PageOptions {
  /** Document title (text, escaped here). */
  title: string;
  /** Portal-specific CSS. */
  css: string;
  /** Body HTML; the caller escapes what it interpolates. */
  body: string;
  /** Optional inline script (trusted, written by us). */
  script?: string;
}

const bannerCss = `
.demo-banner { background: repeating-linear-gradient(135deg, #ffd400 0 18px, #ffe766 18px 36px); color: #111;
  font: 700 14px/1.2 system-ui, sans-serif; text-align: center; padding: 6px 8px; letter-spacing: .04em;
  border-bottom: 2px solid #111; }
`;

/** A complete HTML document with the demo banner on top. No external resources. */
export function renderPage({ title, css, body, script }: PageOptions): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${bannerCss}${css}</style>
</head>
<body>
<div class="demo-banner" role="note">DEMO — geen echte gegevens</div>
${body}
${script === undefined ? "" : `<script>${script}</script>`}
</body>
</html>
`;
}

export interface PortalResponse {
  status: number;
  html: string;
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(html),
  });
  res.end(html);
}

/**
 * Wraps a router into a request handler: GET/HEAD only, no favicon, errors become a 500 page.
 * The router gets the parsed request URL and returns the page to send.
 */
export function createHandler(route: (url: URL) => PortalResponse): RequestListener {
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      res.end("Method not allowed\n");
      return;
    }
    const url = new URL(req.url ?? "/", "http://portal.invalid");
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204);
      res.end();
      return;
    }
    let page: PortalResponse;
    try {
      page = route(url);
    } catch (error) {
      console.error(error);
      page = { status: 500, html: renderPage({ title: "Fout", css: "", body: "<p>Interne fout in het demo-EPD.</p>" }) };
    }
    send(res, page.status, page.html);
  };
}
