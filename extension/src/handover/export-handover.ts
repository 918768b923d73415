import type { Directory, ClientView } from "../panel/queries.ts";
import type { Session } from "../storage/db.ts";

/** Builds the export package for a handover leaving Naast, offers its files, and records the export. */
export async function exportHandover(_view: ClientView, _directory: Directory, _session: Session, _handoverId: string): Promise<void> {
  throw new Error("export package not wired yet");
}
