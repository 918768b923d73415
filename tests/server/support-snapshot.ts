import { createClient, type InValue } from "@libsql/client";

/** One cell, as SQLite stores it; blobs become hex so a snapshot compares with `toEqual`. */
export type Cell = string | number | bigint | null;
export type SnapshotRow = Record<string, Cell>;
/** Every table of the database (but drizzle's own bookkeeping), every row, in a fixed order. */
export type Snapshot = Record<string, SnapshotRow[]>;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function toCell(value: InValue | ArrayBuffer | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return Buffer.from(value instanceof ArrayBuffer ? new Uint8Array(value) : value).toString("hex");
}

/**
 * Reads the whole database the server writes to, through a connection of its own, so a test can
 * say "this request wrote nothing" by comparing a snapshot before and after.
 */
export async function snapshotDatabase(databaseUrl: string): Promise<Snapshot> {
  const client = createClient({ url: databaseUrl });
  try {
    const tables = await client.execute(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name",
    );
    const snapshot: Snapshot = {};
    for (const tableRow of tables.rows) {
      const table = String(tableRow.name);
      const info = await client.execute(`pragma table_info(${quote(table)})`);
      const columns = info.rows.map((c) => String(c.name));
      const orderBy = columns.map(quote).join(", ");
      const result = await client.execute(`select * from ${quote(table)}${orderBy ? ` order by ${orderBy}` : ""}`);
      snapshot[table] = result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, toCell(row[i])])));
    }
    return snapshot;
  } finally {
    client.close();
  }
}

export interface TableChange {
  added: SnapshotRow[];
  removed: SnapshotRow[];
}

const rowKey = (row: SnapshotRow) => JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value));

/**
 * What changed between two snapshots, per table; tables that did not change are left out, so
 * `expect(diff).toEqual({})` reads "nothing was written". A changed row shows as removed + added.
 */
export function diffSnapshots(before: Snapshot, after: Snapshot): Record<string, TableChange> {
  const changes: Record<string, TableChange> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const beforeRows = before[table] ?? [];
    const afterRows = after[table] ?? [];
    const beforeKeys = new Map<string, number>();
    for (const row of beforeRows) beforeKeys.set(rowKey(row), (beforeKeys.get(rowKey(row)) ?? 0) + 1);
    const added: SnapshotRow[] = [];
    for (const row of afterRows) {
      const key = rowKey(row);
      const left = beforeKeys.get(key) ?? 0;
      if (left > 0) beforeKeys.set(key, left - 1);
      else added.push(row);
    }
    const removed = beforeRows.filter((row) => {
      const key = rowKey(row);
      const left = beforeKeys.get(key) ?? 0;
      if (left > 0) {
        beforeKeys.set(key, left - 1);
        return true;
      }
      return false;
    });
    if (added.length > 0 || removed.length > 0) changes[table] = { added, removed };
  }
  return changes;
}

/** Whether a string occurs in any cell of any table. */
export function snapshotContains(snapshot: Snapshot, needle: string): boolean {
  return Object.values(snapshot).some((rows) => rows.some((row) => Object.values(row).some((cell) => cell !== null && String(cell).includes(needle))));
}
