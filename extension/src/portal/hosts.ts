/**
 * The only hosts the manifest declares: loopback, this computer itself, where the demo portals and
 * a developer's own portal run (decision 0022). No partner's portal can be on loopback, so this
 * grants nothing of the web; it lets `pnpm start`, `pnpm demo` and the tests read the three loopback
 * demo portals without a click. Even there the content script runs only where a synced adapter
 * names the origin (src/portal/access.ts). Every other portal — the fourth demo portal on
 * 127.0.0.2 among them — is read only after the user grants its origin in the panel.
 */
export const declaredLoopbackHosts = ["http://127.0.0.1/*", "http://localhost/*"];

/** What the panel may ask for at runtime: one adapter's origin at a time, never these wholesale. */
export const optionalPortalHosts = ["https://*/*", "http://*/*"];
