import type { Backend } from './backend';
import type { Sealer } from './codecs';

/** What every repository is built on. */
export interface RepoContext {
  readonly backend: Backend;
  readonly sealer: Sealer;
  /** Milliseconds since the epoch, strictly increasing within a store so records written together keep order. */
  now(): number;
}

/** A strictly increasing clock over `source`, so two records saved in the same millisecond still sort. */
export function monotonicClock(source: () => number): () => number {
  let last = -Infinity;
  return () => {
    const t = Math.max(source(), last + 1);
    last = t;
    return t;
  };
}

/** Runs tasks for the same key one after another (read-modify-write of one record must not interleave). */
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
