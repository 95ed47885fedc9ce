import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  eraseEverything,
  openStore,
  type CacheStorageLike,
  type KeyValueStorage,
} from '../../../src/lib/store';
import { PASSPHRASE, TEST_ITERATIONS } from './helpers';

/** localStorage/sessionStorage as the browser keeps them: a map of strings. */
class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** Cache Storage reduced to its names, which is all erasing looks at. */
class MemoryCaches implements CacheStorageLike {
  constructor(readonly names: Set<string>) {}
  keys(): Promise<string[]> {
    return Promise.resolve([...this.names]);
  }
  delete(name: string): Promise<boolean> {
    return Promise.resolve(this.names.delete(name));
  }
}

async function browserWithData() {
  const store = await openStore({ dbName: 'solace', iterations: TEST_ITERATIONS, channel: null });
  await store.keys.setup(PASSPHRASE);
  const c = await store.conversations.create({ title: 'private' });
  await store.messages.add({ conversationId: c.id, role: 'user', text: 'something private' });
  const other = await openStore({ dbName: 'solace-profile-2', iterations: TEST_ITERATIONS, channel: null });
  other.close();
  // A model cache kept in IndexedDB by the engine, and a database of another app on the same origin.
  for (const name of ['webllm/model', 'someone-elses-app']) {
    await new Promise<void>((resolve) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
  }
  const localStorage = new MemoryStorage();
  localStorage.setItem('solace:locale', 'en');
  localStorage.setItem('solace.consent', 'yes');
  localStorage.setItem('other-app', 'keep');
  const sessionStorage = new MemoryStorage();
  sessionStorage.setItem('solace:draft', 'half a sentence');
  const caches = new MemoryCaches(
    new Set([
      'workbox-precache-v2-https://clinic.example/',
      'transformers-cache',
      'webllm/model',
      'solace-reports',
    ]),
  );
  return { store, env: { indexedDB, localStorage, sessionStorage, caches } };
}

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name).sort();

describe('erase everything', () => {
  it('removes the databases, storage keys and caches, and can keep the model files', async () => {
    const { store, env } = await browserWithData();
    const report = await eraseEverything({
      store,
      env,
      keepModelFiles: true,
      modelCaches: ['transformers-cache', /^webllm\//],
      modelDatabases: [/^webllm\//],
      keepCaches: [/^workbox-precache/],
    });

    expect(await databaseNames()).toEqual(['someone-elses-app', 'webllm/model']);
    expect(report.databases.sort()).toEqual(['solace', 'solace-profile-2']);
    expect([...env.caches.names].sort()).toEqual([
      'transformers-cache',
      'webllm/model',
      'workbox-precache-v2-https://clinic.example/',
    ]);
    expect(report.caches).toEqual(['solace-reports']);
    expect([...env.localStorage.items.keys()]).toEqual(['other-app']);
    expect(env.sessionStorage.length).toBe(0);
    expect(report.storageKeys).toBe(3);
    expect(store.keys.state).toBe('uninitialised');

    // A fresh start finds nothing.
    const again = await openStore({ dbName: 'solace', iterations: TEST_ITERATIONS, channel: null });
    expect(again.keys.state).toBe('uninitialised');
    again.close();
    await eraseEverything({ env });
  });

  it('removes the model files too unless asked to keep them', async () => {
    const { store, env } = await browserWithData();
    await eraseEverything({
      store,
      env,
      modelCaches: ['transformers-cache', /^webllm\//],
      modelDatabases: [/^webllm\//],
      keepCaches: [/^workbox-precache/],
    });
    expect(await databaseNames()).toEqual(['someone-elses-app']);
    expect([...env.caches.names]).toEqual(['workbox-precache-v2-https://clinic.example/']);
  });

  it('works where the browser lacks Cache Storage or web storage', async () => {
    const report = await eraseEverything({ env: { indexedDB } });
    expect(report).toMatchObject({ caches: [], keptCaches: [], storageKeys: 0 });
  });
});
