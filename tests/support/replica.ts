import {
  type ClientOverview,
  type ClientRecords,
  type CollectionName,
  fromPulled,
  handoverFor,
  isPurgedBy,
  overviewOf,
  type PullResponse,
  type RecordOf,
  type StoredRecord,
} from "@naast/shared";

/**
 * A device's local copy, kept by the same rules as the extension's `applyPull`
 * (extension/src/sync/apply-pull.ts): reset, purges (a withdrawn life domain leaves the handovers
 * kept too), puts.
 */
export class Replica {
  readonly records = new Map<string, StoredRecord>();

  apply(response: PullResponse): this {
    if (response.reset) this.records.clear();
    for (const purge of response.purges) {
      for (const [key, record] of this.records) if (isPurgedBy(record, purge)) this.records.delete(key);
      if (purge.categories === "all") continue;
      const lost = new Set<string>(purge.categories);
      for (const [key, record] of this.records) {
        if (record.collection !== "handovers" || record.clientId !== purge.clientId) continue;
        const handover = record.data as RecordOf<"handovers">;
        const kept = handoverFor(handover, (category) => !lost.has(category));
        if (kept !== handover) this.records.set(key, { ...record, data: kept });
      }
    }
    for (const put of response.puts) {
      const record = fromPulled(put);
      this.records.set(`${record.collection}/${record.id}`, record);
    }
    return this;
  }

  of<C extends CollectionName>(collection: C, clientId?: string): RecordOf<C>[] {
    return [...this.records.values()]
      .filter((r) => r.collection === collection && (clientId === undefined || r.clientId === clientId))
      .map((r) => r.data as RecordOf<C>);
  }

  /** What the device holds of one client, as the overview reads it; undefined when it does not hold her. */
  clientRecords(clientId: string): ClientRecords | undefined {
    const client = this.of("clients").find((c) => c.id === clientId);
    return (
      client && {
        client,
        consentEvents: this.of("consentEvents", clientId),
        agreements: this.of("agreements", clientId),
        notes: this.of("notes", clientId),
        handovers: this.of("handovers", clientId),
        handoverEvents: this.of("handoverEvents", clientId),
      }
    );
  }

  /** Every client's overview (her last contact, not her notes), as the panel's lists derive from. */
  overviews(): ClientOverview[] {
    return this.of("clients").flatMap((client) => {
      const records = this.clientRecords(client.id);
      return records ? [overviewOf(records)] : [];
    });
  }
}
