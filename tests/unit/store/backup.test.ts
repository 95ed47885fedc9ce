import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BackupFormatError,
  BackupTooLargeError,
  BackupVersionError,
  LockedError,
  MAX_BACKUP_BYTES,
  StoreError,
  WrongPassphraseError,
  createMemoryStore,
  exportBackup,
  importBackup,
  readBackup,
  type BackupPayload,
  type PersistentStore,
  type Store,
} from '../../../src/lib/store';
import { emptySafetyPlan } from '../../../src/lib/safety/safety-plan';
import { encryptBackup, readAll } from '../../../src/lib/store/backup';
import { TEST_ITERATIONS, rawDump, unlockedStore } from './helpers';

const BACKUP_PASSPHRASE = 'backup passphrase 2024';

async function seed(store: Store, label: string): Promise<void> {
  const c = await store.conversations.create({ title: `${label} chat` });
  await store.messages.add({
    conversationId: c.id,
    role: 'user',
    text: `${label}: 我睡不好`,
    riskLevel: 'none',
  });
  await store.messages.add({ conversationId: c.id, role: 'assistant', text: `${label} reply`, modelId: 'm' });
  await store.moods.add({ score: 4, emotions: ['tired'], note: `${label} mood` });
  await store.assessments.add({
    instrument: 'GAD-7',
    answers: [1, 1, 2, 0, 1, 0, 1],
    score: 6,
    band: 'mild',
    flags: [],
  });
  await store.journal.create({ text: `${label} journal` });
  await store.thoughtRecords.create({ situation: `${label} situation` });
  await store.safetyPlan.save({ ...emptySafetyPlan(), reasonsForLiving: [`${label} reason`] });
  await store.profile.save({ nickname: label });
  await store.settings.set('locale', 'en', { clear: true });
  await store.settings.set(`${label}-setting`, { on: true });
  await store.safetyEvents.record({ kind: 'input-screen', level: 'low' });
}

/** Plaintext content of a store, each table sorted by id, for comparing stores. */
async function content(store: Store): Promise<BackupPayload['tables']> {
  const tables = await readAll(store);
  for (const rows of Object.values(tables) as { id?: string; key?: string }[][]) {
    rows.sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)));
  }
  return tables;
}

const exportText = async (store: Store) =>
  (await exportBackup(store, BACKUP_PASSPHRASE, { iterations: TEST_ITERATIONS })).text();

describe('backup', () => {
  it('writes the documented envelope and nothing readable', async () => {
    const store = await unlockedStore();
    await seed(store, 'alpha');
    const text = await exportText(store);
    const envelope = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(envelope).sort()).toEqual([
      'ciphertext',
      'format',
      'iv',
      'kdf',
      'keyCheck',
      'version',
    ]);
    expect(envelope).toMatchObject({
      format: 'solace-backup',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: TEST_ITERATIONS },
    });
    expect(text).not.toContain('alpha');
    const defaultFile = JSON.parse(await (await exportBackup(store, BACKUP_PASSPHRASE)).text()) as {
      kdf: { iterations: number };
    };
    expect(defaultFile.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    store.close();
  });

  it('restores everything into an empty store (replace), across store kinds and keys', async () => {
    const source = await unlockedStore();
    await seed(source, 'alpha');
    const text = await exportText(source);

    const target = await unlockedStore();
    await seed(target, 'beta');
    const counts = await importBackup(target, text, BACKUP_PASSPHRASE, 'replace');
    expect(counts).toMatchObject({ messages: 2, conversations: 1, profile: 1, settings: 2 });
    expect(await content(target)).toEqual(await content(source));
    // The restored records are encrypted under the target's own key and readable after a relock.
    target.keys.lock();
    await target.keys.unlock('correct horse battery staple');
    expect((await target.profile.get())?.nickname).toBe('alpha');

    const memory = await createMemoryStore();
    await importBackup(memory, new Blob([text]), BACKUP_PASSPHRASE, 'replace');
    expect(await content(memory)).toEqual(await content(source));
    for (const s of [source, target, memory]) s.close();
  });

  it('merges: adds what is missing, keeps what is there, and importing twice changes nothing', async () => {
    const source = await unlockedStore();
    await seed(source, 'alpha');
    const text = await exportText(source);

    const target = await unlockedStore();
    await seed(target, 'beta');
    await importBackup(target, text, BACKUP_PASSPHRASE, 'merge');
    const titles = (await target.conversations.list()).map((c) => c.title).sort();
    expect(titles).toEqual(['alpha chat', 'beta chat']);
    expect(await target.journal.list()).toHaveLength(2);
    // Single records already present stay as they are.
    expect((await target.profile.get())?.nickname).toBe('beta');
    expect(await target.settings.get('alpha-setting')).toEqual({ on: true });

    const once = await rawDump(target);
    await importBackup(target, text, BACKUP_PASSPHRASE, 'merge');
    expect(await rawDump(target)).toEqual(once);
    for (const s of [source, target]) s.close();
  });

  it('needs the store unlocked to export or import', async () => {
    const store = await unlockedStore();
    await seed(store, 'alpha');
    const text = await exportText(store);
    store.keys.lock();
    await expect(exportBackup(store, BACKUP_PASSPHRASE)).rejects.toBeInstanceOf(LockedError);
    const before = await rawDump(store);
    await expect(importBackup(store, text, BACKUP_PASSPHRASE, 'replace')).rejects.toBeInstanceOf(LockedError);
    expect(await rawDump(store)).toEqual(before);
    store.close();
  });

  describe('a bad file gives a named error and leaves the data as it was', () => {
    let target: PersistentStore;
    let text: string;
    let before: Record<string, unknown[]>;

    beforeAll(async () => {
      const source = await unlockedStore();
      await seed(source, 'alpha');
      text = await exportText(source);
      source.close();
      target = await unlockedStore();
      await seed(target, 'beta');
      before = await rawDump(target);
    });

    const cases: [string, () => string | Blob, new (...args: never[]) => StoreError, RegExp][] = [
      ['truncated', () => text.slice(0, Math.floor(text.length / 2)), BackupFormatError, /incomplete/],
      [
        'tampered',
        () => {
          const e = JSON.parse(text) as { ciphertext: string };
          const c = e.ciphertext;
          e.ciphertext = c.slice(0, 10) + (c[10] === 'A' ? 'B' : 'A') + c.slice(11);
          return JSON.stringify(e);
        },
        BackupFormatError,
        /damaged or was changed/,
      ],
      ['oversized', () => new Blob([new Uint8Array(MAX_BACKUP_BYTES + 1)]), BackupTooLargeError, /at most/],
      ['a newer version', () => text.replace('"version":1', '"version":2'), BackupVersionError, /version 2/],
      ['not JSON', () => 'hello', BackupFormatError, /not valid JSON/],
      ['another JSON file', () => '{"resourceType":"Bundle"}', BackupFormatError, /not a Solace backup/],
      ['missing the key check', () => text.replace(/"keyCheck":"[^"]*",/, ''), BackupFormatError, /keyCheck/],
    ];

    it.each(cases)('%s', async (_, file, errorClass, message) => {
      const error = await importBackup(target, file(), BACKUP_PASSPHRASE, 'replace').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(errorClass);
      expect((error as Error).message).toMatch(message);
      expect(await rawDump(target)).toEqual(before);
    });

    it('with the wrong passphrase', async () => {
      await expect(importBackup(target, text, 'not the passphrase', 'merge')).rejects.toBeInstanceOf(
        WrongPassphraseError,
      );
      await expect(readBackup(text, 'not the passphrase')).rejects.toMatchObject({
        code: 'wrong-passphrase',
      });
      expect(await rawDump(target)).toEqual(before);
    });
  });
});

describe('backup import, property-based', () => {
  let source: PersistentStore;
  let target: PersistentStore;
  let text: string;
  let bytes: Uint8Array;
  let sourceContent: BackupPayload['tables'];

  beforeAll(async () => {
    source = await unlockedStore();
    await seed(source, 'alpha');
    text = await exportText(source);
    bytes = new TextEncoder().encode(text);
    sourceContent = await content(source);
    target = await unlockedStore();
    await seed(target, 'beta');
  });

  /**
   * Imports `file` in replace mode (the mode where a partial write would show most) and checks the result is
   * all or nothing: success leaves exactly the source's content, failure a named error and no change at all.
   */
  async function importIsAtomic(file: string | Uint8Array, expected = sourceContent): Promise<void> {
    const before = await rawDump(target);
    try {
      await importBackup(target, file, BACKUP_PASSPHRASE, 'replace');
    } catch (error) {
      expect(error).toBeInstanceOf(StoreError);
      expect(await rawDump(target)).toEqual(before);
      return;
    }
    expect(await content(target)).toEqual(expected);
    // Put the target back as it was for the next run.
    await target.db.transaction('rw', target.db.tables, async () => {
      for (const t of target.db.tables) {
        if (t.name === 'keyring') continue;
        await t.clear();
        await t.bulkAdd(before[t.name]!);
      }
    });
  }

  it('bit flips', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 }),
        async (flips) => {
          const mutated = bytes.slice();
          for (const [at, bit] of flips) mutated[at % mutated.length]! ^= 1 << bit;
          await importIsAtomic(mutated);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('truncation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: text.length - 1 }), async (length) => {
        await importIsAtomic(text.slice(0, length));
      }),
      { numRuns: 60 },
    );
  });

  it('envelope fields changed or removed', async () => {
    const paths = [
      'format',
      'version',
      'kdf',
      'kdf.name',
      'kdf.hash',
      'kdf.iterations',
      'kdf.salt',
      'keyCheck',
      'iv',
      'ciphertext',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.option(fc.jsonValue(), { nil: undefined }),
        async (path, value) => {
          const envelope = JSON.parse(text) as Record<string, Record<string, unknown>>;
          const [head, tail] = path.split('.') as [string, string | undefined];
          const holder: Record<string, unknown> = tail ? envelope[head]! : envelope;
          const key = tail ?? head;
          if (value === undefined) delete holder[key];
          else holder[key] = value;
          await importIsAtomic(JSON.stringify(envelope));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('random files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((j) => JSON.stringify(j)),
          fc.uint8Array({ maxLength: 2000 }),
          fc
            .record({ format: fc.constant('solace-backup'), version: fc.jsonValue() })
            .map((j) => JSON.stringify(j)),
        ),
        async (file) => {
          await importIsAtomic(file);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('well-encrypted files with altered content: all written, or none', async () => {
    const payload = JSON.parse(
      JSON.stringify({
        format: 'solace-backup-data',
        schemaVersion: 2,
        exportedAt: 1,
        tables: await readAll(source),
      }),
    ) as { tables: Record<string, Record<string, unknown>[]> };
    const tableNames = Object.keys(payload.tables).filter((t) => payload.tables[t]!.length > 0);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...tableNames),
        fc.nat(),
        fc.string({ maxLength: 12 }),
        fc.jsonValue(),
        async (table, index, field, value) => {
          const copy = structuredClone(payload);
          const rows = copy.tables[table]!;
          const row = rows[index % rows.length]!;
          const fields = Object.keys(row);
          row[fields.includes(field) ? field : fields[index % fields.length]!] = value;
          const file = await (
            await encryptBackup(copy, BACKUP_PASSPHRASE, { iterations: TEST_ITERATIONS })
          ).text();
          let expected: BackupPayload['tables'] | undefined;
          try {
            expected = (await readBackup(file, BACKUP_PASSPHRASE)).tables;
          } catch {
            expected = undefined;
          }
          if (expected) {
            for (const rowsOf of Object.values(expected) as { id?: string; key?: string }[][]) {
              rowsOf.sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)));
            }
          }
          await importIsAtomic(file, expected);
        },
      ),
      { numRuns: 120 },
    );
  });
});
