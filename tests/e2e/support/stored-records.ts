import type { Page } from "playwright-core";

export interface StoredRecord {
  collection: string;
  clientId: string | null;
  data: Record<string, unknown>;
}

/** What the device keeps in IndexedDB, read in the extension's own origin: the database itself, not the screen. */
export function storedRecords(panel: Page): Promise<StoredRecord[]> {
  return panel.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("naast");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction("records").objectStore("records").getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
