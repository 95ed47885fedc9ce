/**
 * "Erase everything": the database, the app's local and session storage keys, and cached files, optionally
 * keeping the downloaded model files. Every browser API is injectable so this runs in Node tests.
 */
import { DEFAULT_DB_NAME } from './db';
import type { PersistentStore } from './store';

/** localStorage/sessionStorage keys and database names of the app start with this. */
export const STORAGE_PREFIX = 'solace';

/** Enough of `localStorage`/`sessionStorage`. */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  removeItem(key: string): void;
}

/** Enough of `caches` (Cache Storage). */
export interface CacheStorageLike {
  keys(): Promise<string[]>;
  delete(name: string): Promise<boolean>;
}

/** Enough of `indexedDB`. */
export interface IndexedDbLike {
  deleteDatabase(name: string): IDBOpenDBRequest;
  databases?(): Promise<IDBDatabaseInfo[]>;
}

export interface EraseEnvironment {
  indexedDB?: IndexedDbLike;
  localStorage?: KeyValueStorage;
  sessionStorage?: KeyValueStorage;
  caches?: CacheStorageLike;
}

/** A cache or database name, or a pattern for a family of them. */
export type NameMatcher = string | RegExp;

export interface EraseOptions {
  /** The open store: its key is dropped and its connection closed first, so nothing holds up the deletion. */
  store?: PersistentStore;
  /** Databases to delete besides every database whose name starts with `prefix` (default ["solace"]). */
  databaseNames?: string[];
  /** Prefix of the app's storage keys and database names (default "solace"). */
  prefix?: string;
  /** Keep downloaded model files (the caches and databases named below). */
  keepModelFiles?: boolean;
  /** Cache Storage names holding model files (e.g. "transformers-cache", /^webllm\//). */
  modelCaches?: NameMatcher[];
  /** IndexedDB databases holding model files (e.g. a web-llm "indexeddb" cache backend). */
  modelDatabases?: NameMatcher[];
  /** Caches never deleted, e.g. the service worker's app-shell precache (/^workbox-precache/). */
  keepCaches?: NameMatcher[];
  /** Browser APIs; defaults to the page's own. */
  env?: EraseEnvironment;
}

export interface EraseReport {
  databases: string[];
  caches: string[];
  keptCaches: string[];
  storageKeys: number;
}

const matches = (name: string, matchers: readonly NameMatcher[]): boolean =>
  matchers.some((m) => (typeof m === 'string' ? m === name : m.test(name)));

function pageEnvironment(): EraseEnvironment {
  const g = globalThis as {
    indexedDB?: IndexedDbLike;
    localStorage?: KeyValueStorage;
    sessionStorage?: KeyValueStorage;
    caches?: CacheStorageLike;
  };
  return {
    indexedDB: g.indexedDB,
    localStorage: g.localStorage,
    sessionStorage: g.sessionStorage,
    caches: g.caches,
  };
}

function deleteDatabase(idb: IndexedDbLike, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = idb.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete database ${name}`));
    // onblocked: another tab still has it open; it closes on versionchange and deletion then completes.
  });
}

function removePrefixed(storage: KeyValueStorage | undefined, prefix: string): number {
  if (!storage) return 0;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
  return keys.length;
}

/**
 * Erases the person's data from this browser: the app's IndexedDB databases, its localStorage and
 * sessionStorage keys, and every Cache Storage cache except `keepCaches` and, when `keepModelFiles`, the model
 * caches. Call after one clear confirmation.
 */
export async function eraseEverything(options: EraseOptions = {}): Promise<EraseReport> {
  const env = options.env ?? pageEnvironment();
  const prefix = options.prefix ?? STORAGE_PREFIX;
  const keepModels = options.keepModelFiles ?? false;
  const modelCaches = options.modelCaches ?? [];
  const modelDatabases = options.modelDatabases ?? [];

  if (options.store) {
    // Deletes its database, drops the key and tells other tabs, which close their connections.
    await options.store.keys.eraseAndStartOver({ reopen: false });
    options.store.close();
  }

  const databases = new Set(options.databaseNames ?? [DEFAULT_DB_NAME]);
  if (env.indexedDB?.databases) {
    for (const info of await env.indexedDB.databases()) {
      const name = info.name;
      if (!name) continue;
      if (name.startsWith(prefix)) databases.add(name);
      else if (!keepModels && matches(name, modelDatabases)) databases.add(name);
    }
  } else if (!keepModels) {
    for (const m of modelDatabases) if (typeof m === 'string') databases.add(m);
  }
  if (keepModels) for (const name of databases) if (matches(name, modelDatabases)) databases.delete(name);
  if (env.indexedDB) {
    const idb = env.indexedDB;
    await Promise.all([...databases].map((name) => deleteDatabase(idb, name)));
  }

  const deletedCaches: string[] = [];
  const keptCaches: string[] = [];
  if (env.caches) {
    for (const name of await env.caches.keys()) {
      const keep = matches(name, options.keepCaches ?? []) || (keepModels && matches(name, modelCaches));
      if (keep) keptCaches.push(name);
      else {
        await env.caches.delete(name);
        deletedCaches.push(name);
      }
    }
  }

  const storageKeys = removePrefixed(env.localStorage, prefix) + removePrefixed(env.sessionStorage, prefix);

  return { databases: env.indexedDB ? [...databases] : [], caches: deletedCaches, keptCaches, storageKeys };
}
