import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  AAD_PREFIX,
  PBKDF2_ITERATIONS,
  IV_BYTES,
  fromBase64,
  generateSessionKey,
  openBytes,
  recordAad,
  sealBytes,
  toBase64,
  utf8,
} from '../../../src/lib/store/crypto';
import { KeyManager } from '../../../src/lib/store';
import { SolaceDb } from '../../../src/lib/store/db';
import { openTestStore, uniqueDbName } from './helpers';

describe('crypto', () => {
  it('uses at least 600,000 PBKDF2 iterations by default, and stores them with the wrapped key', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const db = new SolaceDb(uniqueDbName());
    const keys = new KeyManager(db);
    expect(keys.iterations).toBe(PBKDF2_ITERATIONS);
    await keys.setup('a long enough passphrase');
    const row = await db.keyring.get('main');
    expect(row?.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(row?.kdf?.salt.byteLength).toBe(16);
    keys.dispose();
    db.close();
  });

  it('binds a ciphertext to table, record and field, in the documented AAD format', async () => {
    expect(new TextDecoder().decode(recordAad('messages', 'abc', 'data'))).toBe(
      `${AAD_PREFIX}:messages:abc:data`,
    );
    const key = await generateSessionKey();
    const sealed = await sealBytes(key, utf8('hello'), recordAad('messages', 'a', 'data'));
    await expect(openBytes(key, sealed, recordAad('messages', 'a', 'data'))).resolves.toEqual(utf8('hello'));
    await expect(openBytes(key, sealed, recordAad('messages', 'b', 'data'))).rejects.toThrow();
    await expect(openBytes(key, sealed, recordAad('moods', 'a', 'data'))).rejects.toThrow();
    await expect(openBytes(key, sealed, recordAad('messages', 'a', 'note'))).rejects.toThrow();
  });

  it('uses a fresh 96-bit IV for every write', async () => {
    const key = await generateSessionKey();
    const aad = recordAad('t', 'i', 'f');
    const ivs = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const sealed = await sealBytes(key, utf8('same text'), aad);
      ivs.add(toBase64(sealed.subarray(0, IV_BYTES)));
    }
    expect(IV_BYTES).toBe(12);
    expect(ivs.size).toBe(50);
  });

  it('round-trips base64 and refuses text that is not base64', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 251);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(() => fromBase64('not base64!')).toThrow();
  });

  it('keeps the unlocked data key non-extractable', async () => {
    const store = await openTestStore();
    await store.keys.setup('a long enough passphrase');
    expect(store.keys.requireKey().extractable).toBe(false);
    store.close();
  });
});
