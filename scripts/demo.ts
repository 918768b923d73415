/**
 * `pnpm demo [iriszorg|ldh|ggd]`: Chromium with the built Naast extension, on a client's dossier in
 * a demo EPD portal, in a fresh throw-away profile.
 *
 * It does not start the server and the portals itself: `pnpm start` in another terminal owns them
 * (and the database in server/data, the demo seed, the logins it prints). So closing the browser
 * leaves the team's server running, and `pnpm demo ldh` in a third terminal opens a second person,
 * of another organisation, in her own profile beside the first; the story Naast is about.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
// The root package depends on no workspace package, so the demo data comes by path.
import { type DemoPortalKey, defaultDemoPortalPorts, demoClients, ldhDossierToken } from "../demo/src/index.ts";
import { demoCaseManagerOf, demoOrganisations, demoPassword, demoPeople } from "../server/src/demo/people.ts";

const root = resolve(import.meta.dirname, "..");
const extensionPath = join(root, "extension/.output/chrome-mv3");
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
// Where `pnpm start` serves them; the demo seed's portal adapters are written for these addresses.
const serverUrl = "http://127.0.0.1:8787";
const portalUrl = (key: DemoPortalKey) => `http://127.0.0.1:${defaultDemoPortalPorts[key]}`;

/** How each demo EPD addresses a dossier (see demo/README.md). */
const dossierPath: Record<DemoPortalKey, (epdId: string) => string> = {
  ggd: (id) => `/clienten/${encodeURIComponent(id)}`,
  iriszorg: (id) => `/dossier?patient=${encodeURIComponent(id)}`,
  ldh: (id) => `/app/dossier/${ldhDossierToken(id)}`,
};

const portalKeys = Object.keys(defaultDemoPortalPorts) as DemoPortalKey[];
const portal = (process.argv[2] ?? "iriszorg") as DemoPortalKey;
if (!portalKeys.includes(portal)) {
  console.error(`usage: pnpm demo [${portalKeys.join("|")}]   (default: iriszorg)`);
  process.exit(2);
}

// Her organisation's own client and case manager, so the panel has a plan to show at once.
const client = demoClients.find((c) => c.owner === portal && c.epdIds[portal] !== undefined);
const person = demoPeople.find((p) => p.id === demoCaseManagerOf[portal]);
const epdId = client?.epdIds[portal];
if (!client || !person || epdId === undefined) throw new Error(`the demo data has no client of ${portal} to open`);
const portalName = demoOrganisations.find((o) => o.key === portal)?.shortName ?? portal;
const dossierUrl = `${portalUrl(portal)}${dossierPath[portal](epdId)}`;
const signInHint = `sign in with server ${serverUrl}, ${person.email}, password ${demoPassword}`;

function printLogins(write: (line: string) => void = console.log): void {
  write(`\nDemo logins (password for all: ${demoPassword}):`);
  for (const p of demoPeople) {
    const organisation = demoOrganisations.find((o) => o.id === p.organisationId)?.shortName ?? p.organisationId;
    write(`  ${p.email.padEnd(24)} ${p.role.padEnd(20)} ${organisation}`);
  }
}

function giveUp(reason: string): never {
  console.error(`\n${reason}\n`);
  console.error("Open the demo by hand instead:");
  console.error("  1. pnpm start            (builds the extension; starts the server and the demo portals)");
  console.error("  2. In Chromium or Chrome: chrome://extensions → Developer mode on → Load unpacked →");
  console.error(`     ${extensionPath}`);
  console.error("     (Firefox: about:debugging → This Firefox → Load Temporary Add-on → extension/.output/firefox-mv2/manifest.json)");
  console.error(`  3. Open ${dossierUrl}`);
  console.error(`     click the Naast icon (under the puzzle piece) and ${signInHint}.`);
  printLogins(console.error);
  process.exit(1);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function answers(url: string, healthy: (response: Response) => Promise<boolean>): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok && (await healthy(response));
  } catch {
    return false;
  }
}

if (!isExecutable(chromiumPath)) {
  giveUp(`No Chromium at ${chromiumPath}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
}
if (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  giveUp("No display to open a browser window on ($DISPLAY and $WAYLAND_DISPLAY are empty).");
}

const serverUp = await answers(`${serverUrl}/health`, async (r) => ((await r.json()) as { status?: unknown }).status === "ok");
const portalUp = await answers(`${portalUrl(portal)}/`, async () => true);
if (!serverUp || !portalUp) {
  const down = [!serverUp && `the Naast server (${serverUrl}/health)`, !portalUp && `the ${portalName} demo portal (${portalUrl(portal)}/)`].filter(Boolean);
  console.error(`\nNot running: ${down.join(" and ")}.`);
  console.error("Start them in another terminal with\n\n  pnpm start\n\nand run pnpm demo again once it prints the portals.");
  process.exit(1);
}

if (!existsSync(join(extensionPath, "manifest.json"))) {
  console.log("The extension is not built yet; building it…");
  const build = spawnSync("pnpm", ["--filter", "@naast/extension", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("The extension build failed; see above.");
    process.exit(1);
  }
}

const profile = await mkdtemp(join(tmpdir(), "naast-demo-"));
// The portals are in Dutch; Chromium's offer to translate them would cover the page.
await mkdir(join(profile, "Default"));
await writeFile(join(profile, "Default/Preferences"), JSON.stringify({ translate: { enabled: false } }));
const args = [
  `--user-data-dir=${profile}`,
  "--no-first-run",
  "--no-default-browser-check",
  // As in the e2e tests: no calls home, which stall start-up on a closed network.
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  `--disable-extensions-except=${extensionPath}`,
  `--load-extension=${extensionPath}`,
  // Chromium refuses to start as root with its sandbox on (containers, CI boxes).
  ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
  dossierUrl,
];

const startedAt = Date.now();
let stderrTail = "";
const browser: ChildProcess = spawn(chromiumPath, args, { stdio: ["ignore", "ignore", "pipe"] });
// Chromium talks a lot on stderr; keep only the end, to show when it fails to start.
browser.stderr?.on("data", (chunk: Buffer) => {
  stderrTail = (stderrTail + chunk.toString()).slice(-4_000);
});

const removeProfile = () => rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
browser.once("error", async (error) => {
  await removeProfile();
  giveUp(`Chromium did not start (${chromiumPath}): ${error.message}`);
});
browser.once("exit", async (code, signal) => {
  await removeProfile();
  if (code !== 0 && signal === null && Date.now() - startedAt < 10_000) {
    console.error(`\nChromium stopped at once (exit code ${code}). Its last words:\n${stderrTail}`);
    process.exit(1);
  }
  console.log("\nChromium closed; the temporary profile is removed.");
  process.exit(0);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => browser.kill("SIGTERM"));

console.log(`Chromium is open with the Naast extension, on ${client.alias}'s dossier in the ${portalName} demo EPD:`);
console.log(`  ${dossierUrl}`);
console.log("Click the Naast icon (under the puzzle piece in the toolbar; pin it to keep it in view) for the side panel,");
console.log(`and ${signInHint}.`);
console.log(`If Naast is not among the extensions (a browser that ignores --load-extension), load ${extensionPath} by hand at chrome://extensions.`);
console.log(`Another person beside her: pnpm demo ${portalKeys.filter((k) => k !== portal).join(" or pnpm demo ")} in another terminal.`);
printLogins();
console.log("\nClose the window, or press Ctrl-C here, to end the demo.");
