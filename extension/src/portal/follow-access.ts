import { accessPattern, type PortalAdapter } from "@naast/shared";
import { liveQuery } from "dexie";
import type { NaastDatabase } from "../storage/db.ts";
import { type AccessOptions, type AccessPlatform, reconcileAccess } from "./access.ts";
import { readAdapters } from "./read-adapters.ts";

export interface PermissionEvents {
  onAdded: { addListener(listener: () => void): void; removeListener(listener: () => void): void };
  onRemoved: { addListener(listener: () => void): void; removeListener(listener: () => void): void };
}

/**
 * The background keeps the content script's registrations in line with the synced adapters and
 * the browser's grants: an adapter synced or removed, a grant given in the panel, a permission
 * revoked in the browser's settings. `readable` hears which adapters may be read after each
 * round, so contexts of the others are dropped. While the device is locked the adapters cannot
 * be read: the registrations stay as they are until it opens.
 */
export function followPortalAccess(
  db: NaastDatabase,
  platform: AccessPlatform,
  options: AccessOptions,
  permissions: PermissionEvents,
  readable: (adapterIds: Set<string>) => void,
): () => void {
  let adapters: PortalAdapter[] | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const run = () => {
    const current = adapters;
    if (current === null) return;
    queue = queue
      .then(async () => {
        await reconcileAccess(current, platform, options);
        const origins = new Set(await platform.registered());
        const ids = current.filter((a) => !a.removedAt && origins.has(accessPattern(a.matchPattern, options) ?? "")).map((a) => a.id);
        readable(new Set(ids));
      })
      .catch((error: unknown) => console.warn("Naast: portal access not brought up to date", error));
  };
  const subscription = liveQuery(() => readAdapters(db)).subscribe({
    next: (next) => {
      adapters = next;
      run();
    },
    error: () => undefined, // locked: nothing to decide until the key is back
  });
  permissions.onAdded.addListener(run);
  permissions.onRemoved.addListener(run);
  return () => {
    subscription.unsubscribe();
    permissions.onAdded.removeListener(run);
    permissions.onRemoved.removeListener(run);
  };
}
