/**
 * The store the app talks to: repositories over IndexedDB (encrypted, persistent) or over memory (the
 * anonymous session, which writes nothing to any browser storage).
 */
import type { DexieOptions } from 'dexie';
import { DexieBackend, MemoryBackend, type Backend, type Observable } from './backend';
import { Sealer } from './codecs';
import { monotonicClock, type RepoContext } from './context';
import { generateSessionKey } from './crypto';
import { DEFAULT_DB_NAME, SolaceDb } from './db';
import { LockedError, StorageUnavailableError } from './errors';
import { AssessmentsRepo } from './assessments.repo';
import { ConversationsRepo } from './conversations.repo';
import { JournalRepo, ThoughtRecordsRepo } from './journal.repo';
import { KeyManager, realTimers, type KeySource, type LockChannel, type Timers } from './key-manager';
import { MessagesRepo } from './messages.repo';
import { MoodsRepo } from './moods.repo';
import { ProfileRepo } from './profile.repo';
import { SafetyEventsRepo } from './safety-events.repo';
import { SafetyPlanRepo } from './safety-plan.repo';
import { SettingsRepo } from './settings.repo';

/** Every repository; the app's only way to its data. */
export interface Repositories {
  readonly profile: ProfileRepo;
  readonly conversations: ConversationsRepo;
  readonly messages: MessagesRepo;
  readonly moods: MoodsRepo;
  readonly assessments: AssessmentsRepo;
  readonly journal: JournalRepo;
  readonly thoughtRecords: ThoughtRecordsRepo;
  readonly safetyPlan: SafetyPlanRepo;
  readonly settings: SettingsRepo;
  readonly safetyEvents: SafetyEventsRepo;
}

interface StoreBase extends Repositories {
  /**
   * Re-runs `querier` (which calls repositories) whenever the data changes, in this tab or another.
   * Works as a Svelte store: `$derived` over `fromStore`, or `{#await}` on each value.
   */
  observe<R>(querier: () => Promise<R>): Observable<R>;
  /** Stops timers and channels and closes the database (memory: drops everything). */
  close(): void;
  /** @internal used by backup.ts */
  readonly backend: Backend;
  /** @internal used by backup.ts */
  readonly sealer: Sealer;
}

/** Saved on this device, encrypted; needs `keys` unlocked for most reads and writes. */
export interface PersistentStore extends StoreBase {
  readonly persistent: true;
  readonly keys: KeyManager;
  readonly db: SolaceDb;
}

/** The anonymous session: in memory only, gone with the tab. Always "unlocked", with a key of its own. */
export interface MemoryStore extends StoreBase {
  readonly persistent: false;
  readonly keys: null;
}

export type Store = PersistentStore | MemoryStore;

export interface PersistentStoreOptions {
  /** IndexedDB database name (default "solace"). */
  dbName?: string;
  /** PBKDF2 iterations for new passphrase wrappings (default 600,000; lower only in tests). */
  iterations?: number;
  /** Idle time before a passphrase store locks itself; `null` (default) never. */
  idleLockMs?: number | null;
  timers?: Timers;
  /**
   * Shares lock state with other tabs. Default: a `BroadcastChannel` named after the database where the
   * platform has one; `null` for none.
   */
  channel?: LockChannel | null;
  /** Passed to Dexie (e.g. another `indexedDB` implementation). */
  dexie?: DexieOptions;
}

export type StoreOptions =
  ({ persistent: true } & PersistentStoreOptions) | { persistent: false; timers?: Timers };

function repositories(ctx: RepoContext): Repositories {
  return {
    profile: new ProfileRepo(ctx),
    conversations: new ConversationsRepo(ctx),
    messages: new MessagesRepo(ctx),
    moods: new MoodsRepo(ctx),
    assessments: new AssessmentsRepo(ctx),
    journal: new JournalRepo(ctx),
    thoughtRecords: new ThoughtRecordsRepo(ctx),
    safetyPlan: new SafetyPlanRepo(ctx),
    settings: new SettingsRepo(ctx),
    safetyEvents: new SafetyEventsRepo(ctx),
  };
}

function defaultChannel(dbName: string): LockChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(`solace:keys:${dbName}`) : null;
}

/**
 * Opens (or creates) the encrypted store on this device and reads its key state: `uninitialised` (call
 * `keys.setup`), `locked` (call `keys.unlock`), or `unlocked` (device mode, or another tab shared its key).
 * @throws StorageUnavailableError when IndexedDB is missing or refuses to open
 */
export async function openStore(options: PersistentStoreOptions = {}): Promise<PersistentStore> {
  const dbName = options.dbName ?? DEFAULT_DB_NAME;
  const timers = options.timers ?? realTimers;
  if (typeof indexedDB === 'undefined' && !options.dexie?.indexedDB) throw new StorageUnavailableError();
  const db = new SolaceDb(dbName, options.dexie);
  try {
    await db.open();
  } catch (error) {
    throw new StorageUnavailableError({ cause: error });
  }
  const keys = new KeyManager(db, {
    iterations: options.iterations,
    idleLockMs: options.idleLockMs,
    timers,
    channel: options.channel === undefined ? defaultChannel(dbName) : options.channel,
  });
  await keys.init();
  const backend = new DexieBackend(db);
  const ctx: RepoContext = { backend, sealer: new Sealer(keys), now: monotonicClock(() => timers.now()) };
  return {
    persistent: true,
    keys,
    db,
    backend,
    sealer: ctx.sealer,
    ...repositories(ctx),
    observe: (querier) => backend.observe(querier),
    close() {
      keys.dispose();
      db.close();
    },
  };
}

/**
 * The anonymous session's store. It never opens IndexedDB and writes nothing to localStorage, sessionStorage
 * or Cache Storage; records are still sealed, under a random key that exists only in this page's memory.
 */
export async function createMemoryStore(options: { timers?: Timers } = {}): Promise<MemoryStore> {
  const timers = options.timers ?? realTimers;
  const key = await generateSessionKey();
  let current: CryptoKey | null = key;
  const keySource: KeySource = {
    requireKey: () => {
      if (!current) throw new LockedError('This anonymous session has ended.');
      return current;
    },
  };
  const backend = new MemoryBackend();
  const ctx: RepoContext = {
    backend,
    sealer: new Sealer(keySource),
    now: monotonicClock(() => timers.now()),
  };
  return {
    persistent: false,
    keys: null,
    backend,
    sealer: ctx.sealer,
    ...repositories(ctx),
    observe: (querier) => backend.observe(querier),
    close() {
      current = null;
      backend.clear();
    },
  };
}

/** One entry point for both kinds of store. */
export function createStore(options: StoreOptions): Promise<Store> {
  return options.persistent ? openStore(options) : createMemoryStore(options);
}
