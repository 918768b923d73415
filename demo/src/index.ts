export * from "./clients.ts";
export { createGgdPortal } from "./portals/ggd.ts";
export { createIriszorgPortal } from "./portals/iriszorg.ts";
export { createIriszorgOnsPortal, onsDossierToken, onsPortalName } from "./portals/iriszorg-ons.ts";
export { createLdhPortal, ldhDossierToken } from "./portals/ldh.ts";
export type { DemoPortal, DemoPortalKey, DemoPortalOptions } from "./portals/shared.ts";
export { type DemoPortals, defaultDemoPortalPorts, defaultOnsPortal, type StartDemoPortalsOptions, startDemoPortals } from "./serve.ts";
