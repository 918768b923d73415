/**
 * Serialises the server's writes. A mutation reads, decides and then writes in one batch; two of
 * them interleaving could both pass a check that only one should. One process owns the embedded
 * database, so an in-process queue is enough (see docs/decisions/0002-single-writer.md).
 */
export class WriteLock {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(work, work);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
