import { createClient } from "@libsql/client";
const c = createClient({ url: "file:/tmp/bulk-try/naast.db" });
for (const sql of [
  "select collection, client_id, data from records where collection in ('clients','consentEvents') and client_id in ('a','b','c')",
  "select * from records where version > 5 and version <= 10",
  "select * from records where version <= 10",
  "select * from records where client_id in ('a','b') and version <= 10",
  "select * from records where client_id is null and version <= 10",
  "select * from records where collection = 'epdLinks' and visibility = 'epd-link:x' and version <= 10",
]) {
  const r = await c.execute("explain query plan " + sql);
  console.log(sql, "\n   ", r.rows.map((x) => x.detail).join(" | "));
}
