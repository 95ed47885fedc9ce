/**
 * The few small values the shell remembers (consent, language, region). They are written to localStorage
 * only after the person agreed to store data on this device; an anonymous session keeps them in memory.
 */
export const STORAGE_PREFIX = 'solace.';
export const CONSENT_VERSION = 1;

export type StorageChoice = 'device' | 'anonymous';

export interface Consent {
  version: number;
  ageConfirmed: true;
  storage: StorageChoice;
  /** ISO time of the decision. */
  at: string;
}

export function makeConsent(storage: StorageChoice): Consent {
  return { version: CONSENT_VERSION, ageConfirmed: true, storage, at: new Date().toISOString() };
}

type PreferenceKey = 'consent' | 'locale' | 'region';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be blocked by the browser (privacy settings); the app then behaves as anonymous.
    return undefined;
  }
}

export function readPreference(key: PreferenceKey): string | undefined {
  return storage()?.getItem(STORAGE_PREFIX + key) ?? undefined;
}

export function writePreference(key: PreferenceKey, value: string): void {
  storage()?.setItem(STORAGE_PREFIX + key, value);
}

export function readConsent(): Consent | undefined {
  const raw = readPreference('consent');
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<Consent>;
    return parsed.version === CONSENT_VERSION && parsed.ageConfirmed === true && parsed.storage === 'device'
      ? (parsed as Consent)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Removes everything the shell stored under its prefix. */
export function clearPreferences(): void {
  const store = storage();
  if (!store) return;
  for (const key of Object.keys(store)) if (key.startsWith(STORAGE_PREFIX)) store.removeItem(key);
}
