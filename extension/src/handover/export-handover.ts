// Loaded on demand (HandoverSection): importing zod-jitless here too puts it in the chunk the
// panel and this module share, ahead of the schemas there, so zod never probes for eval (CSP).
import "../zod-jitless.ts";
import { type Language, translator } from "../i18n/index.ts";
import { notify } from "../messaging/send.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { mutate } from "../sync/mutate.ts";
import { offerExportPackage } from "./export/download.ts";
import { exportInputFromView } from "./export/export-input.ts";
import { exportPackage } from "./export/export-package.ts";

/**
 * The package for a client leaving Naast: a PDF for people and a FHIR bundle for systems, made
 * on this device from what this user may read, offered as downloads, and recorded (so the audit
 * log has every export, also one made offline).
 */
export async function exportHandover(view: ClientView, directory: Directory, session: Session, handoverId: string, language: Language): Promise<void> {
  const now = new Date().toISOString();
  const input = exportInputFromView(view, directory, session.user, handoverId, now, language);
  const pkg = await exportPackage(input, translator(language));
  if (pkg.categories.length === 0) throw new Error("nothing of this client is shared with you to export");
  // Recorded first: a package that leaves the device is always in the audit log.
  await mutate("recordHandoverExport", { id: crypto.randomUUID(), clientId: view.client.id, handoverId, formats: pkg.formats, categories: pkg.categories });
  offerExportPackage(pkg);
  void notify({ type: "sync/now" });
}
