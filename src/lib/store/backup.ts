/**
 * Backup to one encrypted file, and import of it in one transaction. The file is a JSON envelope:
 *
 *   { "format": "solace-backup", "version": 1,
 *     "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "<base64>" },
 *     "keyCheck": "<base64>", "iv": "<base64>", "ciphertext": "<base64>" }
 *
 * PBKDF2 gives 256 bits from the backup passphrase; HKDF-SHA-256 splits them into the AES-GCM key and a
 * 16-byte key check, so a wrong passphrase is told apart from a damaged file. The plaintext is the JSON
 * payload below, with AAD "solace-backup:v1". Records are in plaintext form inside (the data key never
 * leaves the device), so a backup opens on another device with its passphrase alone.
 */
import * as v from 'valibot';
import { CODECS, type Records } from './codecs';
import {
  PBKDF2_ITERATIONS,
  SALT_BYTES,
  IV_BYTES,
  derivePassphraseBits,
  equalBytes,
  fromBase64,
  fromUtf8,
  hkdf,
  importAesGcmKey,
  openBytes,
  randomBytes,
  sealBytes,
  toBase64,
  utf8,
  type Bytes,
  type KdfParams,
} from './crypto';
import { DATA_TABLES, DB_VERSION, type DataTable } from './db';
import type { WriteOp } from './backend';
import {
  BackupFormatError,
  BackupTooLargeError,
  BackupVersionError,
  PassphraseTooShortError,
  StoreError,
  WrongPassphraseError,
} from './errors';
import { MIN_PASSPHRASE_LENGTH } from './key-manager';
import type { Store } from './store';

export const BACKUP_FORMAT = 'solace-backup';
export const BACKUP_VERSION = 1;
/** Files larger than this are refused before they are read. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
/** Highest PBKDF2 work factor an imported file may ask for (bounds the time a hostile file can cost). */
export const MAX_BACKUP_ITERATIONS = 10_000_000;
const BACKUP_AAD = utf8(`${BACKUP_FORMAT}:v${BACKUP_VERSION}`);
const KEY_CHECK_BYTES = 16;

/** `merge` keeps every existing record and adds those of the file not already here; `replace` makes the store exactly the file. */
export type ImportMode = 'merge' | 'replace';

export interface BackupEnvelope {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  keyCheck: string;
  iv: string;
  ciphertext: string;
}

const Base64 = (minBytes: number, maxBytes: number) =>
  v.pipe(
    v.string(),
    v.maxLength(Math.ceil(maxBytes / 3) * 4),
    v.check((s) => {
      try {
        const n = fromBase64(s).byteLength;
        return n >= minBytes && n <= maxBytes;
      } catch {
        return false;
      }
    }, 'expected base64 of the right length'),
  );

const EnvelopeSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  kdf: v.strictObject({
    name: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_BACKUP_ITERATIONS)),
    salt: Base64(SALT_BYTES, 64),
  }),
  keyCheck: Base64(KEY_CHECK_BYTES, KEY_CHECK_BYTES),
  iv: Base64(IV_BYTES, IV_BYTES),
  ciphertext: Base64(16, MAX_BACKUP_BYTES),
});

const table = <T>(schema: v.GenericSchema<unknown, T>, key: 'id' | 'key' = 'id') =>
  v.pipe(
    v.array(schema),
    v.check(
      (rows: T[]) => new Set(rows.map((r) => (r as Record<string, unknown>)[key])).size === rows.length,
      'duplicate ids',
    ),
  );

const PayloadSchema = v.strictObject({
  format: v.literal('solace-backup-data'),
  /** The database schema version that wrote the file (informational; records are validated by schema). */
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: v.pipe(v.number(), v.finite()),
  tables: v.strictObject({
    profile: v.pipe(v.array(CODECS.profile.schema), v.maxLength(1)),
    conversations: table(CODECS.conversations.schema),
    messages: table(CODECS.messages.schema),
    moods: table(CODECS.moods.schema),
    assessments: table(CODECS.assessments.schema),
    journal: table(CODECS.journal.schema),
    thoughtRecords: table(CODECS.thoughtRecords.schema),
    safetyPlan: v.pipe(v.array(CODECS.safetyPlan.schema), v.maxLength(1)),
    settings: table(CODECS.settings.schema, 'key'),
    safetyEvents: table(CODECS.safetyEvents.schema),
  }),
});

/** The decrypted content of a backup. */
export type BackupPayload = {
  format: 'solace-backup-data';
  schemaVersion: number;
  exportedAt: number;
  tables: { [T in DataTable]: Records[T][] };
};

/** How many records of each table a file held. */
export type BackupCounts = Record<DataTable, number>;

async function backupKeys(passphrase: string, kdf: KdfParams): Promise<{ key: CryptoKey; check: Bytes }> {
  const bits = await derivePassphraseBits(passphrase, kdf);
  const [raw, check] = await Promise.all([
    hkdf(bits, 'solace-backup:v1:aes-gcm', 32),
    hkdf(bits, 'solace-backup:v1:key-check', KEY_CHECK_BYTES),
  ]);
  return { key: await importAesGcmKey(raw), check };
}

/** Every record of the store in plaintext form (needs the store unlocked). */
export async function readAll(store: Store): Promise<BackupPayload['tables']> {
  const entries = await Promise.all(
    DATA_TABLES.map(async <T extends DataTable>(t: T) => {
      const rows = await store.backend.all(t);
      const codec = CODECS[t];
      return [t, await Promise.all(rows.map((row) => codec.decode(store.sealer, row)))] as const;
    }),
  );
  return Object.fromEntries(entries) as BackupPayload['tables'];
}

/**
 * Exports everything into one encrypted file (a Blob of JSON).
 * @param passphrase the backup's own passphrase (it may equal the store's)
 * @throws LockedError, PassphraseTooShortError
 */
export async function exportBackup(
  store: Store,
  passphrase: string,
  options: { iterations?: number; now?: number } = {},
): Promise<Blob> {
  checkBackupPassphrase(passphrase);
  const payload: BackupPayload = {
    format: 'solace-backup-data',
    schemaVersion: DB_VERSION,
    exportedAt: options.now ?? Date.now(),
    tables: await readAll(store),
  };
  return encryptBackup(payload, passphrase, options);
}

function checkBackupPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new PassphraseTooShortError(MIN_PASSPHRASE_LENGTH);
  }
}

/**
 * Wraps any payload in the backup envelope. `exportBackup` is the normal way; this is exported so tests
 * can build files with payloads the exporter would never write.
 */
export async function encryptBackup(
  payload: unknown,
  passphrase: string,
  options: { iterations?: number } = {},
): Promise<Blob> {
  const kdf: KdfParams = {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations: options.iterations ?? PBKDF2_ITERATIONS,
    salt: randomBytes(SALT_BYTES),
  };
  const { key, check } = await backupKeys(passphrase, kdf);
  const sealed = await sealBytes(key, utf8(JSON.stringify(payload)), BACKUP_AAD);
  const envelope: BackupEnvelope = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    kdf: { name: kdf.name, hash: kdf.hash, iterations: kdf.iterations, salt: toBase64(kdf.salt) },
    keyCheck: toBase64(check),
    iv: toBase64(sealed.subarray(0, IV_BYTES)),
    ciphertext: toBase64(sealed.subarray(IV_BYTES)),
  };
  return new Blob([JSON.stringify(envelope)], { type: 'application/json' });
}

/** A file name for a backup made on `date`: `solace-backup-2026-01-31.json`. */
export function backupFileName(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `solace-backup-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

async function readText(file: Blob | string | Uint8Array, limit: number): Promise<string> {
  if (typeof file === 'string') {
    // Bytes >= UTF-16 units, so the cheap check first; count bytes only when it could be close.
    if (file.length > limit) throw new BackupTooLargeError(file.length, limit);
    if (file.length * 3 > limit) {
      const size = utf8(file).byteLength;
      if (size > limit) throw new BackupTooLargeError(size, limit);
    }
    return file;
  }
  const size = file instanceof Uint8Array ? file.byteLength : file.size;
  if (size > limit) throw new BackupTooLargeError(size, limit);
  return file instanceof Uint8Array ? new TextDecoder().decode(file) : file.text();
}

function firstProblem(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'unknown problem';
  return `${v.getDotPath(issue) ?? '(top level)'}: ${issue.message}`;
}

/**
 * Reads and checks a backup file without writing anything: size, envelope, passphrase, integrity, and every
 * record against its schema.
 * @throws BackupTooLargeError, BackupFormatError, BackupVersionError, WrongPassphraseError
 */
export async function readBackup(
  file: Blob | string | Uint8Array,
  passphrase: string,
  options: { maxBytes?: number } = {},
): Promise<BackupPayload> {
  const text = await readText(file, options.maxBytes ?? MAX_BACKUP_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupFormatError(
      'This file is not a Solace backup, or it is incomplete (it is not valid JSON).',
    );
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== BACKUP_FORMAT) {
    throw new BackupFormatError('This file is not a Solace backup.');
  }
  if (typeof head.version === 'number' && head.version !== BACKUP_VERSION) {
    throw new BackupVersionError(head.version);
  }
  const envelope = v.safeParse(EnvelopeSchema, json);
  if (!envelope.success) {
    throw new BackupFormatError(`This backup file is damaged (${firstProblem(envelope.issues)}).`);
  }
  const e = envelope.output;
  const kdf: KdfParams = { ...e.kdf, salt: fromBase64(e.kdf.salt) };
  const { key, check } = await backupKeys(passphrase, kdf);
  if (!equalBytes(check, fromBase64(e.keyCheck))) {
    throw new WrongPassphraseError('This passphrase does not open this backup (or the file was changed).');
  }
  const ct = fromBase64(e.ciphertext);
  const joined = new Uint8Array(IV_BYTES + ct.byteLength);
  joined.set(fromBase64(e.iv), 0);
  joined.set(ct, IV_BYTES);
  let plaintext: string;
  try {
    plaintext = fromUtf8(await openBytes(key, joined, BACKUP_AAD));
  } catch {
    throw new BackupFormatError('This backup file is damaged or was changed after it was made.');
  }
  let data: unknown;
  try {
    data = JSON.parse(plaintext);
  } catch {
    throw new BackupFormatError('This backup file is damaged (its content is not valid JSON).');
  }
  const payload = v.safeParse(PayloadSchema, data);
  if (!payload.success) {
    throw new BackupFormatError(
      `This backup holds a record this app cannot read (${firstProblem(payload.issues)}).`,
    );
  }
  return payload.output;
}

/**
 * Imports a backup: everything is read, checked and re-encrypted under this store's key first, then written
 * in one transaction. On any error nothing is written.
 * @throws BackupTooLargeError, BackupFormatError, BackupVersionError, WrongPassphraseError, LockedError,
 *   StorageFullError
 */
export async function importBackup(
  store: Store,
  file: Blob | string | Uint8Array,
  passphrase: string,
  mode: ImportMode,
  options: { maxBytes?: number } = {},
): Promise<BackupCounts> {
  const payload = await readBackup(file, passphrase, options);
  const ops: WriteOp[] = [];
  const counts = {} as BackupCounts;
  for (const t of DATA_TABLES) {
    const codec = CODECS[t];
    const records = payload.tables[t] as Records[typeof t][];
    const rows = await Promise.all(records.map((r) => codec.encode(store.sealer, r as never)));
    counts[t] = rows.length;
    if (mode === 'replace') ops.push({ type: 'clear', table: t });
    if (rows.length)
      ops.push({ type: mode === 'replace' ? 'putMany' : 'addMissing', table: t, rows } as WriteOp);
  }
  await store.backend.write(ops);
  return counts;
}

/** True for the errors `importBackup` throws on purpose (anything else is a bug). */
export function isBackupError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}
