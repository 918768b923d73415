import { defaultIdleLockMinutes, type Keyring } from "./keyring.ts";

/** Keeps this context's copy of the data key in step with the others (panel, background). */
export async function followKeyring(keys: Keyring): Promise<void> {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === "session") keys.storageChanged(changes);
  });
  await keys.load();
}

/** The idle time before locking, from `idleLockMinutes` in storage.local (an admin may set it); 15 minutes otherwise. */
export async function idleLockMs(): Promise<number> {
  const { idleLockMinutes } = await browser.storage.local.get("idleLockMinutes");
  const minutes = typeof idleLockMinutes === "number" && idleLockMinutes > 0 ? idleLockMinutes : defaultIdleLockMinutes;
  return minutes * 60_000;
}
