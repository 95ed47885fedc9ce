/**
 * Asking the browser not to evict the store, and how much room is left. Both degrade to "unknown" where the
 * Storage API is missing (Node, old browsers) instead of failing.
 */

/** The part of `navigator.storage` used here; injectable for tests. */
export interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

function navigatorStorage(): StorageManagerLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
}

/** `granted`: the browser will not evict the data on its own; `denied`: it may under pressure. */
export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

/** Asks for persistent storage (call after the person agreed to save). Never throws. */
export async function requestPersistence(storage = navigatorStorage()): Promise<PersistenceResult> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (storage.persisted && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

export interface StorageEstimate {
  /** Bytes used by this origin. */
  usage: number;
  /** Bytes this origin may use. */
  quota: number;
  /** `usage / quota`, 0 to 1. */
  fraction: number;
}

/** The origin's usage and quota, or `null` where the browser does not say. Never throws. */
export async function storageEstimate(storage = navigatorStorage()): Promise<StorageEstimate | null> {
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    if (typeof usage !== 'number' || typeof quota !== 'number' || quota <= 0) return null;
    return { usage, quota, fraction: Math.min(1, usage / quota) };
  } catch {
    return null;
  }
}
