import type {
  BackupCounts,
  ImportMode,
  KeyMode,
  KeyState,
  PersistenceResult,
  StorageEstimate,
  Store,
} from '../store';

/** The store (Dexie, WebCrypto, schemas) loads after the first screen, keeping start-up light. */
const loadStore = () => import('../store');
import type { StorageChoice } from './preferences';

/** Setting keys kept in clear because the lock screen needs them before the key is available. */
const IDLE_LOCK_SETTING = 'idleLockMinutes';
export const IDLE_LOCK_CHOICES = [5, 15, 30, 60, 0] as const;
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

/** Cache Storage names and databases that hold downloaded model files (kept on request when erasing). */
export const MODEL_CACHES = [/^webllm/, /^transformers-cache$/, /^solace-models/];
export const MODEL_DATABASES = [/^webllm/];

/**
 * Owns the one store of this tab: encrypted IndexedDB when the person agreed to storage, memory for an
 * anonymous session. Publishes the key state so the shell shows set-up, unlock or the app.
 */
export class StoreManager {
  #store = $state.raw<Store | undefined>(undefined);
  #keyState = $state<KeyState | 'closed'>('closed');
  #openError = $state<unknown>(undefined);
  #idleLockMinutes = $state(DEFAULT_IDLE_LOCK_MINUTES);
  /** Mirrors the key manager's mode so that adding or removing a passphrase re-renders. */
  #mode = $state<KeyMode | null>(null);
  #unsubscribe: (() => void) | undefined;

  get store(): Store | undefined {
    return this.#store;
  }
  /** `closed` until `open()`; then the key manager's state (a memory store is always `unlocked`). */
  get keyState() {
    return this.#keyState;
  }
  get openError() {
    return this.#openError;
  }
  get mode(): KeyMode | null {
    return this.#mode;
  }
  get idleLockMinutes() {
    return this.#idleLockMinutes;
  }

  /** The open store when it can be read and written; throws otherwise (callers render only when ready). */
  get ready(): Store {
    if (!this.#store || this.#keyState !== 'unlocked') throw new Error('The store is not open and unlocked.');
    return this.#store;
  }

  async open(choice: StorageChoice): Promise<void> {
    this.close();
    this.#openError = undefined;
    const { createMemoryStore, openStore } = await loadStore();
    if (choice === 'anonymous') {
      this.#store = await createMemoryStore();
      this.#keyState = 'unlocked';
      return;
    }
    try {
      const store = await openStore();
      this.#store = store;
      this.#keyState = store.keys.state;
      this.#mode = store.keys.mode;
      this.#unsubscribe = store.keys.subscribe((state) => {
        this.#keyState = state;
        this.#mode = store.keys.mode;
        if (state === 'unlocked') void this.#applyIdleLock();
      });
      if (store.keys.state === 'unlocked') await this.#applyIdleLock();
    } catch (error) {
      this.#openError = error;
    }
  }

  async #applyIdleLock(): Promise<void> {
    const store = this.#store;
    if (!store?.persistent) return;
    const saved = await store.settings.get(IDLE_LOCK_SETTING);
    const minutes = typeof saved === 'number' ? saved : DEFAULT_IDLE_LOCK_MINUTES;
    this.#idleLockMinutes = minutes;
    // Device mode has no passphrase to unlock with, so an idle lock would only get in the way.
    store.keys.setIdleLockMs(store.keys.mode === 'passphrase' && minutes > 0 ? minutes * 60_000 : null);
  }

  async setIdleLockMinutes(minutes: number): Promise<void> {
    const store = this.ready;
    if (!store.persistent) return;
    await store.settings.set(IDLE_LOCK_SETTING, minutes, { clear: true });
    await this.#applyIdleLock();
  }

  /** Sets up the data key: with a passphrase, or (null) kept on this device. */
  async setup(passphrase: string | null): Promise<void> {
    const store = this.#store;
    if (!store?.persistent) return;
    await store.keys.setup(passphrase);
    await this.persistence();
  }

  async unlock(passphrase: string): Promise<void> {
    const store = this.#store;
    if (!store?.persistent) return;
    await store.keys.unlock(passphrase);
  }

  lock(): void {
    const store = this.#store;
    if (store?.persistent) store.keys.lock();
  }

  async changePassphrase(current: string | null, next: string | null): Promise<void> {
    const store = this.ready;
    if (!store.persistent) return;
    await store.keys.changePassphrase(current, next);
    this.#mode = store.keys.mode;
    await this.#applyIdleLock();
  }

  /** One encrypted file of everything, under its own passphrase, and the name to save it as. */
  async exportBackup(passphrase: string): Promise<{ blob: Blob; fileName: string }> {
    const store = this.ready;
    const { exportBackup, backupFileName } = await loadStore();
    return { blob: await exportBackup(store, passphrase), fileName: backupFileName() };
  }

  /** Restores a backup file in one transaction; on any error nothing is written. Returns the record count. */
  async importBackup(file: Blob, passphrase: string, mode: ImportMode): Promise<number> {
    const store = this.ready;
    const { importBackup } = await loadStore();
    const counts: BackupCounts = await importBackup(store, file, passphrase, mode);
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }

  /** Any sign of the person using the app postpones the idle lock. */
  activity(): void {
    const store = this.#store;
    if (store?.persistent && this.#keyState === 'unlocked') store.keys.activity();
  }

  async persistence(): Promise<PersistenceResult> {
    const { requestPersistence } = await loadStore();
    return requestPersistence();
  }

  /** Whether the browser already promised to keep this site's data; `null` where it does not say. Asks nothing. */
  async isPersisted(): Promise<boolean | null> {
    try {
      return (await navigator.storage?.persisted?.()) ?? null;
    } catch {
      return null;
    }
  }

  async estimate(): Promise<StorageEstimate | null> {
    const { storageEstimate } = await loadStore();
    return storageEstimate();
  }

  /**
   * Deletes the database, the app's local and session storage and its caches; downloaded model files stay
   * only when asked. The app shell's own precache goes too, so nothing of the person's remains.
   */
  async eraseEverything(options: { keepModelFiles: boolean }): Promise<void> {
    const store = this.#store;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const { eraseEverything } = await loadStore();
    await eraseEverything({
      store: store?.persistent ? store : undefined,
      keepModelFiles: options.keepModelFiles,
      modelCaches: MODEL_CACHES,
      modelDatabases: MODEL_DATABASES,
    });
    if (store && !store.persistent) store.close();
    this.#store = undefined;
    this.#keyState = 'closed';
    this.#mode = null;
  }

  close(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store?.close();
    this.#store = undefined;
    this.#keyState = 'closed';
    this.#mode = null;
  }
}

export const storeManager = new StoreManager();
