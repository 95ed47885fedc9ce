import 'fake-indexeddb/auto';
import { openStore, type PersistentStore, type PersistentStoreOptions } from '../../../src/lib/store';
import type { Timers } from '../../../src/lib/store';

/** Fast PBKDF2 for tests; the production default is asserted separately. */
export const TEST_ITERATIONS = 1_000;
export const PASSPHRASE = 'correct horse battery staple';

let counter = 0;
export function uniqueDbName(): string {
  return `solace-test-${process.pid}-${Date.now()}-${counter++}`;
}

export async function openTestStore(options: PersistentStoreOptions = {}): Promise<PersistentStore> {
  return openStore({ dbName: uniqueDbName(), iterations: TEST_ITERATIONS, channel: null, ...options });
}

/** A store set up with `PASSPHRASE` and unlocked. */
export async function unlockedStore(options: PersistentStoreOptions = {}): Promise<PersistentStore> {
  const store = await openTestStore(options);
  await store.keys.setup(PASSPHRASE);
  return store;
}

/** Every raw row of every table, keyring included, as IndexedDB holds them. */
export async function rawDump(store: PersistentStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of store.db.tables) out[table.name] = await table.toArray();
  return out;
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** True when `needle` appears anywhere in `value`: strings, keys, numbers, or bytes read as text. */
export function containsText(value: unknown, needle: string): boolean {
  if (typeof value === 'string') return value.includes(needle);
  if (typeof value === 'number') return String(value) === needle;
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
    const bytes = value instanceof Uint8Array ? value : new Uint8Array(value);
    return utf8.decode(bytes).includes(needle) || latin1.decode(bytes).includes(needle);
  }
  if (Array.isArray(value)) return value.some((v) => containsText(v, needle));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k.includes(needle) || containsText(v, needle));
  }
  return false;
}

/** A clock and timers moved by hand. */
export class ManualTimers implements Timers {
  time = 1_700_000_000_000;
  #next = 1;
  readonly #pending = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#pending.set(id, { at: this.time + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.#pending.delete(handle as number);
  }
  /** Moves the clock forward, firing due timers in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.#pending.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#pending.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = end;
  }
  get pending(): number {
    return this.#pending.size;
  }
}
