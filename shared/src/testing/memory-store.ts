import type { z } from "zod";
import type { MutationContext, Mutator } from "../mutators/define.ts";
import type { MutationEffect } from "../mutators/may-run.ts";
import { runMutation } from "../mutators/run.ts";
import { type CollectionName, clientIdOf, collections, type RecordOf } from "../store/collections.ts";
import type { WriteTransaction } from "../store/transaction.ts";

/**
 * An in-memory store for unit tests only. Every put is checked against the collection's schema
 * (and may not carry fields the schema does not know), records are copied in and out, and
 * `transaction` buffers the writes and keeps them only if the work resolves, like the server's
 * libSQL transaction. With `{ transactional: false }` writes land at once, to find mutators that
 * write before they have finished checking.
 */
export class MemoryStore {
  private readonly tables = new Map<CollectionName, Map<string, unknown>>();
  private readonly transactional: boolean;

  constructor(options: { transactional?: boolean } = {}) {
    this.transactional = options.transactional ?? true;
  }

  /** Puts records directly (organisations, colleagues), validated like any other put. */
  seed<C extends CollectionName>(collection: C, ...records: RecordOf<C>[]): this {
    for (const record of records) write(this.tables, collection, validate(collection, record));
    return this;
  }

  get<C extends CollectionName>(collection: C, id: string): RecordOf<C> | undefined {
    const record = this.tables.get(collection)?.get(id);
    return record === undefined ? undefined : (structuredClone(record) as RecordOf<C>);
  }

  all<C extends CollectionName>(collection: C): RecordOf<C>[] {
    return [...(this.tables.get(collection)?.values() ?? [])].map((r) => structuredClone(r) as RecordOf<C>);
  }

  /** Everything in the store, in a stable order, to compare before and after. */
  snapshot(): string {
    const names = [...this.tables.keys()].sort();
    return JSON.stringify(names.map((n) => [n, [...(this.tables.get(n)?.entries() ?? [])].sort(([a], [b]) => a.localeCompare(b))]));
  }

  async transaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const pending = new Map<CollectionName, Map<string, unknown>>();
    const target = this.transactional ? pending : this.tables;
    const read = (collection: CollectionName): Map<string, unknown> => new Map([...(this.tables.get(collection) ?? []), ...(pending.get(collection) ?? [])]);
    const tx: WriteTransaction = {
      get: async <C extends CollectionName>(collection: C, id: string) => {
        const record = read(collection).get(id);
        return record === undefined ? undefined : (structuredClone(record) as RecordOf<C>);
      },
      listByClient: async <C extends CollectionName>(collection: C, clientId: string) =>
        [...read(collection).values()].map((r) => structuredClone(r) as RecordOf<C>).filter((r) => clientIdOf(collection, r) === clientId),
      put: async <C extends CollectionName>(collection: C, record: RecordOf<C>) => {
        write(target, collection, validate(collection, record));
      },
    };
    const result = await work(tx);
    for (const [collection, records] of pending) for (const record of records.values()) write(this.tables, collection, record);
    return result;
  }

  /** What the server does with a push: parse the args, then run the mutation in one transaction. */
  run<S extends z.ZodType>(mutator: Mutator<S>, args: z.input<S>, ctx: MutationContext): Promise<MutationEffect> {
    return this.transaction((tx) => runMutation(tx, mutator, mutator.args.parse(args), ctx));
  }
}

function validate<C extends CollectionName>(collection: C, record: RecordOf<C>): RecordOf<C> {
  const schema: z.ZodType = collections[collection];
  const parsed = schema.parse(record);
  const known = typeof parsed === "object" && parsed !== null ? Object.keys(parsed) : [];
  const unknown = Object.keys(record).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new Error(`${collection}: fields not in the schema: ${unknown.join(", ")}`);
  return structuredClone(record);
}

function write(tables: Map<CollectionName, Map<string, unknown>>, collection: CollectionName, record: unknown) {
  const table = tables.get(collection) ?? new Map<string, unknown>();
  table.set(idOf(record), record);
  tables.set(collection, table);
}

function idOf(record: unknown): string {
  if (typeof record === "object" && record !== null && "id" in record && typeof record.id === "string") return record.id;
  throw new Error("a record needs a string id");
}
