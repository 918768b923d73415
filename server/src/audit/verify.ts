import { asc, gt, lt } from "drizzle-orm";
import type { Db } from "../db/connect.ts";
import { auditLog } from "../db/schema.ts";
import { genesisHash, hashAuditRow } from "./entry.ts";

export type ChainProblem = "altered" | "missing" | "inserted-or-reordered";
export type ChainReport = { ok: true; rows: number } | { ok: false; rows: number; firstBrokenSeq: number; problem: ChainProblem; detail: string };

/**
 * Walks the chain from the start and reports the first row that does not fit: its own hash is
 * wrong (altered), a sequence number is skipped (missing), or it does not follow the row
 * before it (inserted or reordered).
 */
export async function verifyAuditChain(db: Db, pageSize = 5_000): Promise<ChainReport> {
  // The chain starts at 1: a row planted below it would never be walked.
  const [planted] = await db.select({ seq: auditLog.seq }).from(auditLog).where(lt(auditLog.seq, 1)).limit(1);
  if (planted) {
    return {
      ok: false,
      rows: 0,
      firstBrokenSeq: planted.seq,
      problem: "inserted-or-reordered",
      detail: `row ${planted.seq} lies before the chain's first row`,
    };
  }
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    if (page.length === 0) return { ok: true, rows };
    for (const row of page) {
      rows += 1;
      if (row.seq !== expectedSeq) {
        return { ok: false, rows, firstBrokenSeq: expectedSeq, problem: "missing", detail: `row ${expectedSeq} is missing; the next row is ${row.seq}` };
      }
      const { hash, ...rest } = row;
      if (hashAuditRow(rest) !== hash) {
        return { ok: false, rows, firstBrokenSeq: row.seq, problem: "altered", detail: `row ${row.seq} does not match its own hash` };
      }
      if (row.prevHash !== prevHash) {
        return { ok: false, rows, firstBrokenSeq: row.seq, problem: "inserted-or-reordered", detail: `row ${row.seq} does not follow row ${row.seq - 1}` };
      }
      prevHash = hash;
      expectedSeq += 1;
    }
  }
}
