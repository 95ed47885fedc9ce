/**
 * Every failure of the store that a person can meet, as a named error with a stable `name` and `code`.
 * The UI maps `code` to a message in each language; `message` here is English for logs and developers.
 * `name` is set explicitly because minifiers rename classes.
 */

export const STORE_ERROR_CODES = [
  'wrong-passphrase',
  'passphrase-too-short',
  'locked',
  'key-state',
  'data-corrupt',
  'not-found',
  'invalid-record',
  'storage-full',
  'storage-unavailable',
  'backup-format',
  'backup-version',
  'backup-too-large',
] as const;

/** A code the UI can translate. */
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** Base class of every error the store throws on purpose. */
export abstract class StoreError extends Error {
  abstract readonly code: StoreErrorCode;
}

/** The passphrase did not unlock the data key (or the backup). Nothing was changed. */
export class WrongPassphraseError extends StoreError {
  override readonly name = 'WrongPassphraseError';
  readonly code = 'wrong-passphrase';
  constructor(message = 'The passphrase is not correct. Nothing was changed.') {
    super(message);
  }
}

/** A new passphrase is shorter than `MIN_PASSPHRASE_LENGTH`. */
export class PassphraseTooShortError extends StoreError {
  override readonly name = 'PassphraseTooShortError';
  readonly code = 'passphrase-too-short';
  constructor(readonly minLength: number) {
    super(`A passphrase needs at least ${minLength} characters.`);
  }
}

/** The store is locked (or was never set up): the data key is not in memory. */
export class LockedError extends StoreError {
  override readonly name = 'LockedError';
  readonly code = 'locked';
  constructor(message = 'The store is locked. Unlock it to read or save.') {
    super(message);
  }
}

/** A key operation that does not fit the current state, such as setting up a store twice. */
export class KeyStateError extends StoreError {
  override readonly name = 'KeyStateError';
  readonly code = 'key-state';
}

/** A stored record failed authentication: it was altered, moved to another record, or is damaged. */
export class DataCorruptError extends StoreError {
  override readonly name = 'DataCorruptError';
  readonly code = 'data-corrupt';
  constructor(
    readonly table: string,
    readonly id: string,
  ) {
    super(`A saved record (${table} ${id}) could not be decrypted: it was changed or damaged.`);
  }
}

/** The record to update does not exist (it was deleted, perhaps in another tab). */
export class NotFoundError extends StoreError {
  override readonly name = 'NotFoundError';
  readonly code = 'not-found';
  constructor(
    readonly table: string,
    readonly id: string,
  ) {
    super(`No ${table} record with id ${id}.`);
  }
}

/** A record did not match its schema (a bug in the caller); nothing was written. */
export class InvalidRecordError extends StoreError {
  override readonly name = 'InvalidRecordError';
  readonly code = 'invalid-record';
  constructor(
    readonly table: string,
    readonly problems: string[],
  ) {
    super(`Invalid ${table} record: ${problems.join('; ')}`);
  }
}

/**
 * The browser refused the write because the device or the origin's quota is full. Nothing of that write was
 * saved; the caller keeps what it tried to save (on screen, in memory) and offers to retry.
 */
export class StorageFullError extends StoreError {
  override readonly name = 'StorageFullError';
  readonly code = 'storage-full';
  constructor(options?: { cause?: unknown }) {
    super('The device storage is full, so this was not saved. Free some space and try again.', options);
  }
}

/** IndexedDB is missing or refused to open (some private-browsing modes, blocked storage). */
export class StorageUnavailableError extends StoreError {
  override readonly name = 'StorageUnavailableError';
  readonly code = 'storage-unavailable';
  constructor(options?: { cause?: unknown }) {
    super('This browser does not allow saving on this device right now.', options);
  }
}

/** The file is not a Solace backup, or it is truncated, damaged or altered. */
export class BackupFormatError extends StoreError {
  override readonly name = 'BackupFormatError';
  readonly code = 'backup-format';
}

/** The file is a Solace backup of a version this app cannot read. */
export class BackupVersionError extends StoreError {
  override readonly name = 'BackupVersionError';
  readonly code = 'backup-version';
  constructor(readonly version: number) {
    super(
      `This backup has format version ${version}; this app reads version 1. Update the app and try again.`,
    );
  }
}

/** The file is larger than the importer accepts; it was not read. */
export class BackupTooLargeError extends StoreError {
  override readonly name = 'BackupTooLargeError';
  readonly code = 'backup-too-large';
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`The file is ${size} bytes; a backup may be at most ${limit} bytes.`);
  }
}

/** True for errors thrown on purpose by the store (each has a translatable `code`). */
export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}

/** True when an IndexedDB/Dexie failure, or anything it wraps, is a quota failure. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    // Legacy DOMException code 22 is QUOTA_EXCEEDED_ERR.
    if (e instanceof DOMException && e.code === 22) return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Turns a write failure into `StorageFullError` where it is one; everything else passes through. */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  if (isQuotaError(error)) return new StorageFullError({ cause: error });
  return error;
}
