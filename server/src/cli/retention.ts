import type { RetentionReport } from "../retention/erase.ts";

/** What `naast retention` prints: one line per client (ids and counts, never her name or content), then the totals. */
export function printRetention(report: RetentionReport): void {
  const day = (instant: string) => instant.slice(0, 10);
  const verb = report.erased ? "erased" : "would be erased";
  console.log(`retention: clients closed more than ${report.months} months before ${day(report.asOf)}`);
  let total = 0;
  for (const client of report.clients) {
    const counts = Object.entries(client.records).sort(([a], [b]) => a.localeCompare(b));
    const n = counts.reduce((sum, [, c]) => sum + c, 0);
    total += n;
    console.log(
      `  client ${client.clientId}\tclosed ${day(client.closedSince)}\terasable from ${day(client.erasableFrom)}\t${n} records (${counts.map(([c, k]) => `${c} ${k}`).join(", ")})`,
    );
  }
  console.log(`${report.clients.length} clients, ${total} records ${verb}; ${report.oldPushAnswers} remembered push answers older than the period ${verb}`);
  if (!report.erased && report.clients.length > 0) console.log("the audit log keeps its rows (no health content in them); run without --dry-run to erase");
}
