import type { ClientView, Directory, LinkedClient } from "./queries.ts";

/**
 * Structural sharing between two reads of a client: each record whose content is unchanged is the
 * previous object, each list whose records are all the previous ones is the previous list, and
 * the previous view when nothing changed at all. Sections compare lists by identity (memo in
 * ClientView), so an edit re-renders only the sections whose records it changed.
 */
export function shareClientView(previous: ClientView | null, next: ClientView | null): ClientView | null {
  if (previous === null || next === null || previous.client.id !== next.client.id) return next;
  const out = { ...next } as Record<keyof ClientView, unknown>;
  let changed = false;
  for (const key of Object.keys(next) as (keyof ClientView)[]) {
    const before: unknown = previous[key];
    const after: unknown = next[key];
    const kept = Array.isArray(before) && Array.isArray(after) ? shareList<unknown>(before, after) : sameRecord(before, after) ? before : after;
    out[key] = kept;
    if (kept !== before) changed = true;
  }
  return changed ? (out as unknown as ClientView) : previous;
}

/** The previous list when it holds the same records in the same order; otherwise a list reusing unchanged records. */
export function shareList<T>(before: readonly T[], after: readonly T[]): T[] {
  const byId = new Map<unknown, T>();
  for (const record of before) byId.set(idOf(record), record);
  let same = before.length === after.length;
  const shared = after.map((record, i) => {
    const old = byId.get(idOf(record));
    const kept = old !== undefined && sameRecord(old, record) ? old : record;
    if (kept !== before[i]) same = false;
    return kept;
  });
  return same ? (before as T[]) : shared;
}

const idOf = (record: unknown) => (typeof record === "object" && record !== null && "id" in record ? record.id : record);
const sameRecord = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The previous list when every element is the same object (a filtered list of shared records). */
export function sameElements<T>(before: readonly T[] | undefined, after: readonly T[]): readonly T[] {
  if (before === undefined || before.length !== after.length) return after;
  for (let i = 0; i < after.length; i++) if (before[i] !== after[i]) return after;
  return before;
}

/** The previous directory while its people and organisations are the same. */
export function shareDirectory(previous: Directory, next: Directory): Directory {
  const same = (a: Map<string, unknown>, b: Map<string, unknown>) => a.size === b.size && JSON.stringify([...a]) === JSON.stringify([...b]);
  return same(previous.people, next.people) && same(previous.organisations, next.organisations) ? previous : next;
}

/** The previous answer while the link is the same and her records are (shareClientView). */
export function shareLinkedClient(previous: LinkedClient | null, next: LinkedClient | null): LinkedClient | null {
  if (previous === null || next === null || !sameRecord(previous.link, next.link)) return next;
  if (previous.view === null || next.view === null) return previous.view === next.view ? previous : next;
  const view = shareClientView(previous.view, next.view) ?? next.view;
  return view === previous.view ? previous : { ...next, view };
}
