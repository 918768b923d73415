/**
 * An embedded database's two writing connections in this process (the writer's, the audit
 * appender's) take turns at the database's write lock, in the order they asked. Without it they
 * met only at the lock, each polling for it with a few ms of busy timeout, and the appender,
 * whose queue of pulls is never empty under load, kept winning: pushes waited up to a second.
 * Only an optimisation: what orders them against other instances and the CLI is still the lock
 * (`BEGIN IMMEDIATE`), which each takes inside its turn.
 */
export class Turns {
  #last: Promise<void> = Promise.resolve();

  /** Runs `work` once every turn asked for before it has ended. */
  async take<T>(work: () => Promise<T>): Promise<T> {
    const before = this.#last;
    let end = () => {};
    this.#last = new Promise<void>((resolve) => {
      end = resolve;
    });
    await before;
    try {
      return await work();
    } finally {
      end();
    }
  }
}
