import { openDatabase } from "/work/bench-wt/server/src/db/connect.ts";
import { bulkInsertOtherOrganisations } from "/work/bench-wt/tests/bench/seed.ts";
const url = "file:/tmp/bulk-try/naast.db";
const db = await openDatabase(url);
db.close();
const r = await bulkInsertOtherOrganisations(url, 1_000_000);
console.log(r);
