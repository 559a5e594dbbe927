// Per-conversation ordering: tasks with the same key run one after another, in arrival order; tasks with
// different keys run concurrently. A failed task does not block the ones behind it.
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Conversations with work queued or running (for tests and shutdown). */
  get size(): number {
    return this.tails.size;
  }
}
