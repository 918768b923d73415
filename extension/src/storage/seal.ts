import { gcm } from "@noble/ciphers/aes.js";
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from "dexie";

/** Thrown when a sealed table is read or written while the device is locked. */
export class DeviceLocked extends Error {
  constructor() {
    super("the device is locked");
  }
}

/** Where the data key is: present while unlocked, null while locked. */
export interface KeySource {
  current(): Uint8Array | null;
  /** Told of every lock and unlock (the keyring does): opened contents are dropped at once. */
  onChange?(listener: () => void): () => void;
}

/**
 * Which field of each table holds content, and which fields name the record (kept in the clear:
 * they are the indexes, ids and collection names, no content). Everything else of a row stays
 * as it is; the named field is replaced by `sealed`.
 */
export const sealedFields: Record<string, { field: string; names: (row: Record<string, unknown>) => string }> = {
  records: { field: "data", names: (row) => `records/${String(row.collection)}/${String(row.id)}` },
  outbox: { field: "args", names: (row) => `outbox/${String(row.id)}` },
  clientSummaries: { field: "data", names: (row) => `clientSummaries/${String(row.clientId)}` },
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * AES-256-GCM with a fresh 96-bit nonce per write; the record's name is the additional data, so
 * a sealed value moved onto another record does not open. Synchronous (noble's GCM, not
 * WebCrypto's): an IndexedDB transaction ends when it waits on anything but IndexedDB, and the
 * mutators read and write inside one (docs/decisions/0017-device-key-and-sealed-records.md).
 */
export function seal(key: Uint8Array, name: string, value: unknown): Uint8Array {
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const box = gcm(key, nonce, encoder.encode(name)).encrypt(encoder.encode(JSON.stringify(value)));
  const out = new Uint8Array(12 + box.length);
  out.set(nonce);
  out.set(box, 12);
  return out;
}

export function unseal(key: Uint8Array, name: string, sealed: Uint8Array): unknown {
  const plain = gcm(key, sealed.subarray(0, 12), encoder.encode(name)).decrypt(sealed.subarray(12));
  return JSON.parse(decoder.decode(plain));
}

/**
 * Contents already opened, by record name, nonce and tag. A sealed value never changes (every
 * write seals anew, with a fresh nonce), so opening the same bytes again gives the same content;
 * the panel reads a client's records again at every write, and opening them (AES-GCM in
 * JavaScript) was most of a local edit's time. The name is part of the key, so content moved onto
 * another record is still opened, and refused, by its own name. Dropped whenever the key changes
 * (lock, unlock, another user) and bounded; callers treat records as immutable, as they do now.
 */
export class OpenedContents {
  #key: Uint8Array | null = null;
  readonly #opened = new Map<string, unknown>();

  constructor(private readonly limit = 2_000) {}

  open(key: Uint8Array, name: string, sealed: Uint8Array): unknown {
    if (key !== this.#key) {
      this.#opened.clear();
      this.#key = key;
    }
    const id = `${name}|${hex(sealed.subarray(0, 12))}|${hex(sealed.subarray(sealed.length - 16))}`;
    if (this.#opened.has(id)) return this.#opened.get(id);
    const value = unseal(key, name, sealed);
    if (this.#opened.size >= this.limit) this.#opened.delete(this.#opened.keys().next().value as string);
    this.#opened.set(id, value);
    return value;
  }

  clear(): void {
    this.#opened.clear();
    this.#key = null;
  }
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * The one place where content is sealed on its way into IndexedDB and opened on its way out:
 * a DBCore middleware under every Dexie call (get, queries, cursors, writes) of the sealed tables.
 */
export function sealingMiddleware(keys: KeySource): Middleware<DBCore> {
  const opened = new OpenedContents();
  // Nothing opened stays in memory past a lock.
  keys.onChange?.(() => {
    if (!keys.current()) opened.clear();
  });
  const keyOrThrow = () => {
    const key = keys.current();
    if (!key) {
      opened.clear();
      throw new DeviceLocked();
    }
    return key;
  };
  const sealRow = (table: string, row: Record<string, unknown>) => {
    const spec = sealedFields[table];
    if (!spec || row === undefined || row === null || !(spec.field in row)) return row;
    const { [spec.field]: content, ...rest } = row;
    return { ...rest, sealed: seal(keyOrThrow(), spec.names(row), content) };
  };
  const openRow = (table: string, row: unknown) => {
    const spec = sealedFields[table];
    if (!spec || typeof row !== "object" || row === null || !("sealed" in row)) return row;
    const { sealed, ...rest } = row as Record<string, unknown> & { sealed: Uint8Array };
    return { ...rest, [spec.field]: opened.open(keyOrThrow(), spec.names(rest), sealed) };
  };
  return {
    stack: "dbcore",
    name: "sealing",
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (!sealedFields[name]) return table;
          const sealedTable: DBCoreTable = {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              if (req.type === "add" || req.type === "put") {
                return table.mutate({ ...req, values: req.values.map((v) => sealRow(name, v as Record<string, unknown>)) } as DBCoreMutateRequest);
              }
              return table.mutate(req);
            },
            get: (req) => table.get(req).then((row) => openRow(name, row)),
            getMany: (req) => table.getMany(req).then((rows) => rows.map((row) => openRow(name, row))),
            query: (req) => table.query(req).then((res) => (req.values ? { ...res, result: res.result.map((row) => openRow(name, row)) } : res)),
            openCursor: (req) =>
              table.openCursor(req).then((cursor) => {
                if (!cursor || !req.values) return cursor;
                // A proxy, not Object.create: in a browser the cursor's key, primaryKey and value
                // are IDBCursor getters that refuse any `this` but the cursor itself.
                let opened: { at: unknown; value: unknown } | null = null;
                return new Proxy(cursor, {
                  get(target, property) {
                    if (property === "value") {
                      const at = target.primaryKey;
                      if (!opened || opened.at !== at) opened = { at, value: openRow(name, target.value) };
                      return opened.value;
                    }
                    const value: unknown = Reflect.get(target, property, target);
                    return typeof value === "function" ? value.bind(target) : value;
                  },
                });
              }),
          };
          return sealedTable;
        },
      };
    },
  };
}
