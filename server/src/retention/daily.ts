import { and, eq } from "drizzle-orm";
import { scheduledRuns } from "../db/schema.ts";
import type { Services } from "../services.ts";
import { type RetentionReport, runRetention } from "./erase.ts";

/**
 * Claims today's run of a job for this instance. The database decides: of several instances on
 * one database, only the one whose insert of the (job, day) row succeeds runs it that day. A
 * write like every other (db/write-transaction.ts), so it waits its turn instead of failing busy.
 */
export async function claimDailyRun(services: Services, job: string, day: string): Promise<boolean> {
  const claimed = await services.database.write((tx) =>
    tx.insert(scheduledRuns).values({ job, day, startedAt: new Date().toISOString() }).onConflictDoNothing().returning({ job: scheduledRuns.job }),
  );
  return claimed.length === 1;
}

/** Today's retention run, if no instance ran it yet today (by the server's clock); null when another did. */
export async function runDailyRetention(services: Services): Promise<RetentionReport | null> {
  const day = services.clock.nowIso().slice(0, 10);
  if (!(await claimDailyRun(services, "retention", day))) return null;
  const report = await runRetention(services, { dryRun: false, accessPoint: "server" });
  await services.database.write((tx) =>
    tx
      .update(scheduledRuns)
      .set({ finishedAt: new Date().toISOString() })
      .where(and(eq(scheduledRuns.job, "retention"), eq(scheduledRuns.day, day))),
  );
  if (report.clients.length > 0) console.log(`retention: ${report.clients.length} closed clients erased`);
  return report;
}

/**
 * Looks every `RETENTION_CHECK_MINUTES` whether today's retention ran, and runs it if not: daily,
 * whichever instance is first. A run that failed half-way wrote nothing (one transaction); the next
 * day's run catches up.
 */
export function scheduleRetention(services: Services): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() => runDailyRetention(services)).catch((e) => console.error("retention:", e));
  };
  tick();
  const timer = setInterval(tick, services.env.RETENTION_CHECK_MINUTES * 60_000);
  timer.unref();
  // Stopping waits for a run under way, so the database is not closed beneath it.
  return async () => {
    clearInterval(timer);
    await running;
  };
}
