import type { Page } from "playwright-core";

export interface StoredRecord {
  collection: string;
  clientId: string | null;
  data: Record<string, unknown>;
}

/**
 * What the device keeps in IndexedDB, read in the extension's own origin: the database itself,
 * not the screen. Content is sealed at rest (AES-256-GCM, nonce first, the record's name as
 * additional data); this opens it with WebCrypto and the data key the unlocked extension keeps
 * in storage.session, independently of the extension's own code.
 */
export function storedRecords(panel: Page): Promise<StoredRecord[]> {
  return panel.evaluate(async () => {
    const rows = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
      const open = indexedDB.open("naast");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction("records").objectStore("records").getAll();
        request.onsuccess = () => {
          open.result.close();
          resolve(request.result);
        };
        request.onerror = () => reject(request.error);
      };
    });
    const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, string | undefined>> } } } };
    const stored = (await chrome.storage.session.get("naast-data-key"))["naast-data-key"];
    const key = stored
      ? await crypto.subtle.importKey(
          "raw",
          Uint8Array.from(atob(stored), (c) => c.charCodeAt(0)),
          "AES-GCM",
          false,
          ["decrypt"],
        )
      : null;
    return Promise.all(
      rows.map(async (row) => {
        const { sealed, ...rest } = row as Record<string, unknown> & { sealed?: Uint8Array };
        if (!sealed) return row as unknown as StoredRecord;
        if (!key) throw new Error("the extension is locked: no data key in storage.session");
        const additionalData = new TextEncoder().encode(`records/${String(rest.collection)}/${String(rest.id)}`);
        const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.slice(0, 12), additionalData }, key, sealed.slice(12));
        return { ...rest, data: JSON.parse(new TextDecoder().decode(plain)) } as StoredRecord;
      }),
    );
  });
}
