import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { startDemoPortals } from "@naast/demo";
import { count } from "drizzle-orm";
import { records } from "./db/schema.ts";
import { demoLogins, seedDemo } from "./demo/seed.ts";
import { waitingHandovers } from "./demo/waiting.ts";
import { readEnv } from "./env.ts";
import { startServer } from "./server.ts";

/** `pnpm start`: the server on the embedded database; with DEMO=on also the demo portals and seed. */
const env = readEnv();
const server = await startServer(env);
const portals = env.DEMO === "on" ? await startDemoPortals({ host: env.DEMO_PORTAL_HOST, ons: { host: env.DEMO_ONS_HOST } }) : null;

if (portals) {
  const [row] = await server.services.db.select({ n: count() }).from(records);
  if ((row?.n ?? 0) === 0) {
    console.log("Empty database: seeding the demo…");
    await seedDemo(server.services, portals.urls);
  }
  console.log("\nDemo logins (password for all: naast-demo-2026):");
  for (const login of demoLogins()) console.log(`  ${login.email.padEnd(24)} ${login.role.padEnd(20)} ${login.organisation}`);
  for (const { email, alias } of await waitingHandovers(server.services.db)) console.log(`  (${email} has a handover of ${alias} waiting to be acknowledged)`);
  console.log(
    env.SECOND_FACTOR === "optional"
      ? "  Two-step sign-in is optional for the demo (SECOND_FACTOR=optional); with SECOND_FACTOR=required pnpm start,\n  each login enrols an authenticator app (QR code) at its first sign-in."
      : "  Two-step sign-in is required: each login enrols an authenticator app (QR code) at its first sign-in.",
  );
  console.log("\nDemo EPD portals:");
  for (const [name, url] of Object.entries(portals.urls)) console.log(`  ${name.padEnd(9)} ${url}`);
  if (portals.urls.ons) console.log("  (ons is another origin: an Iriszorg login grants it once in the panel, 'Naast laten meelezen op …')");
}
const extension = resolve(import.meta.dirname, "../../extension/.output/chrome-mv3");
if (existsSync(extension)) {
  console.log(`\nThe extension is built in ${extension}`);
  console.log("  Chromium: chrome://extensions → developer mode → Load unpacked → pick that folder (or run `pnpm demo`).");
  console.log(`  Firefox:  about:debugging → This Firefox → Load Temporary Add-on → ${resolve(extension, "../firefox-mv2/manifest.json")}`);
  console.log(`  In the side panel, sign in to ${server.url}.`);
}
console.log(`\nNaast server on ${server.url} (database ${env.DATABASE_URL}); health: ${server.url}/health`);

const stop = async () => {
  await portals?.close();
  await server.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
