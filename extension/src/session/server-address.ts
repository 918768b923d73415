/**
 * The Naast server's address: https, except on loopback (this computer: the demo, a developer's
 * server), where plain http cannot cross a network. Plain http to any other host would send
 * passwords and client data readable on the way, so the extension refuses it before asking.
 */
export class InsecureServerAddress extends Error {
  constructor(readonly server: string) {
    super(`refusing plain http to ${server}: the Naast server must be reached over https`);
    this.name = "InsecureServerAddress";
  }
}

const isLoopback = (hostname: string) =>
  hostname === "localhost" || hostname.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === "[::1]";

/** The server's origin when it may be used; throws InsecureServerAddress for plain http elsewhere. */
export function checkedServerOrigin(address: string): string {
  const url = new URL(address);
  if (url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname))) return url.origin;
  throw new InsecureServerAddress(url.origin === "null" ? address : url.origin);
}

/** What IT preset by browser policy (managed storage): the server address, and whether it is locked. */
export interface ManagedServer {
  serverUrl: string;
  locked: boolean;
}

/**
 * The policy's server address (Chromium: `3rdparty` policy for the extension, read through
 * storage.managed with the schema in public/managed-schema.json; Firefox: the `3rdparty` policy in
 * policies.json). Null when no policy sets one (storage.managed then throws or answers nothing).
 */
export async function managedServer(): Promise<ManagedServer | null> {
  // Through globalThis: this module is also loaded where no extension API exists (Node tests).
  type Managed = { storage?: { managed?: { get(keys: string[]): Promise<Record<string, unknown>> } } };
  const api = globalThis as { browser?: Managed; chrome?: Managed };
  const managedArea = (api.browser ?? api.chrome)?.storage?.managed;
  try {
    const managed = ((await managedArea?.get(["serverUrl", "lockServerUrl"])) ?? {}) as { serverUrl?: unknown; lockServerUrl?: unknown };
    if (typeof managed.serverUrl !== "string" || managed.serverUrl === "") return null;
    return { serverUrl: managed.serverUrl, locked: managed.lockServerUrl !== false };
  } catch {
    return null;
  }
}
