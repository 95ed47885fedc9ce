/**
 * WebCrypto primitives of the store. Records are sealed with AES-GCM-256 under one random data key; the data
 * key is stored only wrapped (AES-KW) by a key derived from the passphrase (PBKDF2-SHA-256) or by a
 * non-extractable device key. See docs/store.md for the design.
 */

/** Production PBKDF2 work factor (OWASP 2023 guidance for PBKDF2-HMAC-SHA256). */
export const PBKDF2_ITERATIONS = 600_000;
/** Bytes of random salt per derived key. */
export const SALT_BYTES = 16;
/** AES-GCM nonce length: 96 bits, fresh and random for every write. */
export const IV_BYTES = 12;
/** Prefix of every record's additional authenticated data; the version lets the format change later. */
export const AAD_PREFIX = 'solace:v1';

/** Bytes backed by a plain ArrayBuffer, as WebCrypto accepts them. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** The key-derivation parameters stored beside every passphrase-wrapped key, so they can be raised later. */
export interface KdfParams {
  name: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  salt: Bytes;
}

const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle;
  if (!s)
    throw new Error('WebCrypto is not available (the page must be served over HTTPS or from localhost).');
  return s;
};

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Bytes {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Bytes): string {
  return decoder.decode(bytes);
}

export function randomBytes(length: number): Bytes {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** A fresh random record id. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Unicode-normalised passphrase bytes: the same passphrase typed through different input methods (or on
 * another device) can arrive in different normal forms.
 */
function passphraseBytes(passphrase: string): Bytes {
  return utf8(passphrase.normalize('NFC'));
}

/** Fresh PBKDF2 parameters with a new random salt. */
export function newKdfParams(iterations = PBKDF2_ITERATIONS): KdfParams {
  return { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: randomBytes(SALT_BYTES) };
}

/** PBKDF2-SHA-256 derivation of 256 raw bits (used by the backup, which splits them with HKDF). */
export async function derivePassphraseBits(passphrase: string, kdf: KdfParams): Promise<Bytes> {
  const base = await subtle().importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle().deriveBits(
    { name: 'PBKDF2', hash: kdf.hash, salt: kdf.salt, iterations: kdf.iterations },
    base,
    256,
  );
  return new Uint8Array(bits);
}

/** The AES-KW key that wraps the data key, derived from the passphrase. Never extractable. */
export async function derivePassphraseWrappingKey(passphrase: string, kdf: KdfParams): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: kdf.hash, salt: kdf.salt, iterations: kdf.iterations },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** A non-extractable AES-KW key kept in IndexedDB for the "no passphrase" mode. */
export function generateDeviceWrappingKey(): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

/**
 * A new random AES-GCM-256 data key. It is extractable only so it can be wrapped once; the copy kept in
 * memory afterwards is a non-extractable unwrap of it.
 */
export function generateDataKey(): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** A random AES-GCM-256 key that can never leave memory (the anonymous session's key). */
export function generateSessionKey(): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** AES-GCM-256 key from raw bytes (session keys, backup keys). */
export function importAesGcmKey(raw: Bytes): Promise<CryptoKey> {
  return subtle().importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function wrapDataKey(dataKey: CryptoKey, wrappingKey: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await subtle().wrapKey('raw', dataKey, wrappingKey, 'AES-KW'));
}

/** Unwraps the data key; rejects (OperationError) when the wrapping key is wrong, which AES-KW detects. */
export function unwrapDataKey(
  wrapped: Bytes,
  wrappingKey: CryptoKey,
  extractable: boolean,
): Promise<CryptoKey> {
  return subtle().unwrapKey(
    'raw',
    wrapped,
    wrappingKey,
    'AES-KW',
    { name: 'AES-GCM', length: 256 },
    extractable,
    ['encrypt', 'decrypt'],
  );
}

/** Additional authenticated data binding a ciphertext to its table, record and field. */
export function recordAad(table: string, id: string, field: string): Bytes {
  return utf8(`${AAD_PREFIX}:${table}:${id}:${field}`);
}

/** AES-GCM encryption with a fresh random IV; returns `iv || ciphertext+tag` in one array. */
export async function sealBytes(key: CryptoKey, plaintext: Bytes, aad: Bytes): Promise<Bytes> {
  const iv = randomBytes(IV_BYTES);
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plaintext);
  const out = new Uint8Array(IV_BYTES + ct.byteLength);
  out.set(iv, 0);
  out.set(new Uint8Array(ct), IV_BYTES);
  return out;
}

/** Inverse of `sealBytes`; rejects when the key, the AAD or any byte is wrong. */
export async function openBytes(key: CryptoKey, sealed: Bytes, aad: Bytes): Promise<Bytes> {
  if (sealed.byteLength < IV_BYTES + 16) throw new Error('sealed value too short');
  const iv = sealed.subarray(0, IV_BYTES);
  const ct = sealed.subarray(IV_BYTES);
  return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, ct));
}

/** HKDF-SHA-256 expansion of derived bits into independent keys or check values. */
export async function hkdf(ikm: Bytes, info: string, bytes: number): Promise<Bytes> {
  const base = await subtle().importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  const bits = await subtle().deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(info) },
    base,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

/** Constant-time comparison (the inputs are short check values). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const B64_CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += B64_CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + B64_CHUNK));
  }
  return btoa(binary);
}

/** Strict base64 decoding; throws on anything else. */
export function fromBase64(text: string): Bytes {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new Error('invalid base64');
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
