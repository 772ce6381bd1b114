interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items added in the same tick, or while a flush runs, are flushed together by one
 * call of `flush` (one write, one fsync). Flushes never overlap, so a file sees one writer, and
 * each item's promise settles only after the flush that carried it.
 */
export class GroupCommit<T> {
  readonly #flush: (items: T[]) => Promise<void>;
  #queue: Waiting<T>[] = [];
  #running = false;
  #idle: (() => void)[] = [];

  constructor(flush: (items: T[]) => Promise<void>) {
    this.#flush = flush;
  }

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (this.#running) return;
      this.#running = true;
      // A microtask later, so every item added synchronously in this tick joins the first flush.
      queueMicrotask(() => void this.#drain());
    });
  }

  /** Settles once nothing is queued or being flushed. */
  idle(): Promise<void> {
    if (!this.#running) return Promise.resolve();
    return new Promise<void>((resolve) => this.#idle.push(resolve));
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue;
      this.#queue = [];
      try {
        await this.#flush(batch.map((w) => w.item));
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.#running = false;
    const idle = this.#idle;
    this.#idle = [];
    for (const resolve of idle) resolve();
  }
}
