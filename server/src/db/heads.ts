import type { Db } from "./connect.ts";
import { accessVersionRow, changeSeqRow, erasedVersionRow, sessionVersionRow, syncState } from "./schema.ts";

/**
 * The database's version numbers (`sync_state`) at one moment: what an instance checks everything
 * it keeps in memory against, so several instances on one database agree (docs/decisions/0015).
 */
export interface Heads {
  /** The last change sequence handed out. */
  change: number;
  /** The change sequence of the last change to who may see what (the visible-set cache's key). */
  access: number;
  /** Rises with every change to a session or a person (the session cache's key). */
  sessions: number;
  /** The highest change sequence at which a client was erased. */
  erased: number;
}

/** One statement, prepared once per database handle: every signed-in request reads it first. */
const prepared = new WeakMap<Db, { all(): Promise<{ id: number; seq: number }[]> }>();

export async function readHeads(db: Db): Promise<Heads> {
  let statement = prepared.get(db);
  if (!statement) {
    statement = db.select({ id: syncState.id, seq: syncState.seq }).from(syncState).prepare();
    prepared.set(db, statement);
  }
  // Without its row (never after migration 0011), a version trusts nothing: NaN equals no kept
  // session's version, and every erased client is asked for.
  const heads: Heads = { change: 0, access: 0, sessions: Number.NaN, erased: Number.POSITIVE_INFINITY };
  for (const { id, seq } of await statement.all()) {
    if (id === changeSeqRow) heads.change = seq;
    else if (id === accessVersionRow) heads.access = seq;
    else if (id === sessionVersionRow) heads.sessions = seq;
    else if (id === erasedVersionRow) heads.erased = seq;
  }
  return heads;
}
