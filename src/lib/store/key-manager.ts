/**
 * Owns the data key: creates it, wraps it under a passphrase or a device key, unwraps it into memory, and
 * drops it again on lock, after idle time, or when another tab locks. Plain TypeScript; a `.svelte.ts`
 * manager can mirror `state` through `subscribe`.
 */
import {
  PBKDF2_ITERATIONS,
  derivePassphraseWrappingKey,
  generateDataKey,
  generateDeviceWrappingKey,
  newKdfParams,
  unwrapDataKey,
  wrapDataKey,
} from './crypto';
import type { KeyMode, KeyringRow, SolaceDb } from './db';
import {
  KeyStateError,
  LockedError,
  PassphraseTooShortError,
  WrongPassphraseError,
  toStoreError,
} from './errors';

export type { KeyMode } from './db';

/** `uninitialised`: no key was ever set up (or it was erased). `locked`: a key exists but is not in memory. */
export type KeyState = 'uninitialised' | 'locked' | 'unlocked';

/** Shortest passphrase accepted for a new or changed passphrase. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** Clock and timers, injectable so idle locking can be tested without waiting. */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Messages tabs of the same store exchange so they share one lock state. */
export type LockMessage =
  | { type: 'locked' }
  | { type: 'unlocked'; mode: KeyMode; key: CryptoKey }
  | { type: 'ask' }
  | { type: 'activity' }
  | { type: 'reset' };

/** What `BroadcastChannel` offers; injectable for tests. */
export interface LockChannel {
  postMessage(message: LockMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** Anything that can hand the repositories the data key, or refuse because it is locked. */
export interface KeySource {
  /** The in-memory data key; throws `LockedError` when there is none. */
  requireKey(): CryptoKey;
}

export interface KeyManagerOptions {
  /** PBKDF2 iterations for new wrappings (default 600,000). Lower only in tests. */
  iterations?: number;
  /** Lock after this long without `activity()` (passphrase mode only); `null` never locks by itself. */
  idleLockMs?: number | null;
  timers?: Timers;
  /** Shares lock state with other tabs; `null` for none. */
  channel?: LockChannel | null;
}

const KEYRING_ID = 'main';

export class KeyManager implements KeySource {
  readonly #db: SolaceDb;
  readonly #iterations: number;
  readonly #timers: Timers;
  readonly #channel: LockChannel | null;
  readonly #listeners = new Set<(state: KeyState) => void>();
  #state: KeyState = 'uninitialised';
  #mode: KeyMode | null = null;
  #key: CryptoKey | null = null;
  #idleLockMs: number | null;
  #lastActivity = 0;
  #lastActivityBroadcast = -Infinity;
  #timer: unknown = null;

  constructor(db: SolaceDb, options: KeyManagerOptions = {}) {
    this.#db = db;
    this.#iterations = options.iterations ?? PBKDF2_ITERATIONS;
    this.#timers = options.timers ?? realTimers;
    this.#idleLockMs = options.idleLockMs ?? null;
    this.#channel = options.channel ?? null;
    this.#channel?.addEventListener('message', (event) => this.#onMessage(event.data as LockMessage));
  }

  get state(): KeyState {
    return this.#state;
  }

  /** `passphrase`, `device` (saved without a passphrase), or `null` before setup. */
  get mode(): KeyMode | null {
    return this.#mode;
  }

  /** PBKDF2 iterations used for new wrappings. */
  get iterations(): number {
    return this.#iterations;
  }

  get idleLockMs(): number | null {
    return this.#idleLockMs;
  }

  /** Calls `listener` with the new state on every change; returns the unsubscribe function. */
  subscribe(listener: (state: KeyState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  requireKey(): CryptoKey {
    if (!this.#key) throw new LockedError();
    return this.#key;
  }

  /**
   * Reads the keyring. Device mode unlocks at once; passphrase mode is `locked` until `unlock`, unless
   * another open tab is unlocked and shares its key.
   */
  async init(): Promise<KeyState> {
    const row = await this.#db.keyring.get(KEYRING_ID);
    if (!row) {
      this.#set('uninitialised', null, null);
    } else if (row.mode === 'device') {
      this.#set('unlocked', 'device', await this.#unwrapDevice(row, false));
    } else {
      this.#set('locked', 'passphrase', null);
      this.#post({ type: 'ask' });
    }
    return this.#state;
  }

  /**
   * Creates the data key. With a passphrase, the key is wrapped under it; with `null`, under a
   * non-extractable device key (anyone using this browser profile can then read the data).
   * @throws KeyStateError when a key already exists; PassphraseTooShortError
   */
  async setup(passphrase: string | null): Promise<void> {
    if (passphrase !== null) checkNewPassphrase(passphrase);
    if (this.#state !== 'uninitialised' || (await this.#db.keyring.get(KEYRING_ID))) {
      throw new KeyStateError('This store already has a key. Unlock it, or erase it to start over.');
    }
    const dataKey = await generateDataKey();
    const now = this.#timers.now();
    const row = { ...(await this.#wrap(dataKey, passphrase)), createdAt: now, updatedAt: now };
    try {
      // add, not put: if another tab set up a key meanwhile, this fails instead of replacing it.
      await this.#db.keyring.add(row);
    } catch (error) {
      if ((error as { name?: string }).name === 'ConstraintError') {
        throw new KeyStateError('Another tab set up this store at the same time.');
      }
      throw toStoreError(error);
    }
    const key = await this.#unwrapRow(row, passphrase, false);
    this.#set('unlocked', row.mode, key);
    this.#post({ type: 'unlocked', mode: row.mode, key });
  }

  /**
   * Unwraps the data key into memory. In device mode the passphrase is not needed.
   * Keys wrapped with fewer iterations than the current setting are re-wrapped with the current setting.
   * @throws WrongPassphraseError (nothing changes), KeyStateError before setup
   */
  async unlock(passphrase?: string): Promise<void> {
    const row = await this.#db.keyring.get(KEYRING_ID);
    if (!row) throw new KeyStateError('There is no key to unlock yet.');
    if (row.mode === 'passphrase' && passphrase === undefined) throw new WrongPassphraseError();
    let key: CryptoKey;
    if (row.mode === 'passphrase' && row.kdf && row.kdf.iterations < this.#iterations) {
      const extractable = await this.#unwrapRow(row, passphrase ?? null, true);
      await this.#saveWrapping(extractable, passphrase!, row);
      key = await this.#unwrapRow((await this.#db.keyring.get(KEYRING_ID))!, passphrase ?? null, false);
    } else {
      key = await this.#unwrapRow(row, passphrase ?? null, false);
    }
    this.#set('unlocked', row.mode, key);
    this.#post({ type: 'unlocked', mode: row.mode, key });
  }

  /** Drops the key from memory here and in every other tab of this store. */
  lock(): void {
    this.#lockLocal();
    this.#post({ type: 'locked' });
  }

  /**
   * Re-wraps the one data key: records are not re-encrypted. `current` is the present passphrase (`null`
   * in device mode); `next` is the new one, or `null` to keep the key on the device without a passphrase.
   * @throws WrongPassphraseError (nothing changes), PassphraseTooShortError, KeyStateError before setup
   */
  async changePassphrase(current: string | null, next: string | null): Promise<void> {
    if (next !== null) checkNewPassphrase(next);
    const row = await this.#db.keyring.get(KEYRING_ID);
    if (!row) throw new KeyStateError('There is no key to change yet.');
    const extractable = await this.#unwrapRow(row, current, true);
    await this.#saveWrapping(extractable, next, row);
    this.#mode = next === null ? 'device' : 'passphrase';
    this.#armIdleTimer();
    this.#emit();
  }

  /** Sets the idle time after which a passphrase store locks; `null` turns idle locking off. */
  setIdleLockMs(ms: number | null): void {
    this.#idleLockMs = ms !== null && ms > 0 ? ms : null;
    this.#lastActivity = this.#timers.now();
    this.#armIdleTimer();
  }

  /** The person did something: postpones the idle lock (here and, throttled, in other tabs). */
  activity(): void {
    this.#lastActivity = this.#timers.now();
    if (this.#idleLockMs !== null && this.#state === 'unlocked') {
      const every = Math.max(1000, this.#idleLockMs / 10);
      if (this.#lastActivity - this.#lastActivityBroadcast >= every) {
        this.#lastActivityBroadcast = this.#lastActivity;
        this.#post({ type: 'activity' });
      }
    }
  }

  /**
   * For a forgotten passphrase: deletes the whole database (the data cannot be read without it anyway)
   * and returns to `uninitialised`, ready for `setup`. Other tabs follow.
   * @param options.reopen false leaves the database deleted and closed (erase everything)
   */
  async eraseAndStartOver(options: { reopen?: boolean } = {}): Promise<void> {
    this.#lockLocal();
    await this.#db.delete({ disableAutoOpen: !(options.reopen ?? true) });
    this.#set('uninitialised', null, null);
    this.#post({ type: 'reset' });
  }

  /** Stops the idle timer and leaves the tab channel. */
  dispose(): void {
    this.#clearTimer();
    this.#channel?.close();
    this.#listeners.clear();
  }

  async #wrap(
    dataKey: CryptoKey,
    passphrase: string | null,
  ): Promise<Pick<KeyringRow, 'id' | 'mode' | 'wrappedKey' | 'kdf' | 'deviceKey'>> {
    if (passphrase === null) {
      const deviceKey = await generateDeviceWrappingKey();
      return { id: KEYRING_ID, mode: 'device', wrappedKey: await wrapDataKey(dataKey, deviceKey), deviceKey };
    }
    const kdf = newKdfParams(this.#iterations);
    const kek = await derivePassphraseWrappingKey(passphrase, kdf);
    return { id: KEYRING_ID, mode: 'passphrase', wrappedKey: await wrapDataKey(dataKey, kek), kdf };
  }

  async #saveWrapping(extractable: CryptoKey, next: string | null, previous: KeyringRow): Promise<void> {
    const wrapped = await this.#wrap(extractable, next);
    const row: KeyringRow = { ...wrapped, createdAt: previous.createdAt, updatedAt: this.#timers.now() };
    try {
      await this.#db.keyring.put(row);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async #unwrapRow(row: KeyringRow, passphrase: string | null, extractable: boolean): Promise<CryptoKey> {
    if (row.mode === 'device') return this.#unwrapDevice(row, extractable);
    if (passphrase === null || !row.kdf) throw new WrongPassphraseError();
    const kek = await derivePassphraseWrappingKey(passphrase, row.kdf);
    try {
      return await unwrapDataKey(row.wrappedKey, kek, extractable);
    } catch {
      // AES-KW's integrity check fails for any other wrapping key.
      throw new WrongPassphraseError();
    }
  }

  async #unwrapDevice(row: KeyringRow, extractable: boolean): Promise<CryptoKey> {
    if (!row.deviceKey) throw new KeyStateError('The device key is missing.');
    return unwrapDataKey(row.wrappedKey, row.deviceKey, extractable);
  }

  #lockLocal(): void {
    if (this.#state === 'uninitialised') return;
    this.#set('locked', this.#mode, null);
  }

  #set(state: KeyState, mode: KeyMode | null, key: CryptoKey | null): void {
    const changed = state !== this.#state || mode !== this.#mode;
    this.#state = state;
    this.#mode = mode;
    this.#key = key;
    if (state === 'unlocked') this.#lastActivity = this.#timers.now();
    this.#armIdleTimer();
    if (changed) this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener(this.#state);
  }

  #clearTimer(): void {
    if (this.#timer !== null) this.#timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  // One timer per idle period, not per activity event: on expiry it checks the last activity and re-arms.
  #armIdleTimer(): void {
    this.#clearTimer();
    const ms = this.#idleLockMs;
    if (ms === null || this.#state !== 'unlocked' || this.#mode !== 'passphrase') return;
    const remaining = this.#lastActivity + ms - this.#timers.now();
    this.#timer = this.#timers.setTimeout(
      () => {
        this.#timer = null;
        if (this.#timers.now() - this.#lastActivity >= ms) this.lock();
        else this.#armIdleTimer();
      },
      Math.max(0, remaining),
    );
  }

  #post(message: LockMessage): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel, or a platform that cannot clone a CryptoKey to several tabs (Node), only means the
      // other tabs stay as they are and ask for the passphrase; the local state is already right.
    }
  }

  #onMessage(message: LockMessage): void {
    switch (message.type) {
      case 'locked':
        this.#lockLocal();
        return;
      case 'unlocked':
        if (this.#state !== 'unlocked' && message.key instanceof CryptoKey) {
          this.#set('unlocked', message.mode, message.key);
        }
        return;
      case 'ask':
        if (this.#key && this.#mode) this.#post({ type: 'unlocked', mode: this.#mode, key: this.#key });
        return;
      case 'activity':
        this.#lastActivity = this.#timers.now();
        return;
      case 'reset':
        this.#set('uninitialised', null, null);
        return;
    }
  }
}

function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new PassphraseTooShortError(MIN_PASSPHRASE_LENGTH);
  }
}
