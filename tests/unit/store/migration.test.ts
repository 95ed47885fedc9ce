import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openStore } from '../../../src/lib/store';
import {
  derivePassphraseWrappingKey,
  generateDataKey,
  newKdfParams,
  recordAad,
  sealBytes,
  utf8,
  wrapDataKey,
} from '../../../src/lib/store/crypto';
import { PASSPHRASE, TEST_ITERATIONS, uniqueDbName } from './helpers';

/** The schema as version 1 of the app shipped it; kept here verbatim so an edit to db.ts cannot hide a break. */
const V1_SCHEMA = {
  keyring: 'id',
  profile: 'id',
  conversations: 'id, createdAt',
  messages: 'id, conversationId, time',
  moods: 'id, time',
  assessments: 'id, instrument, time',
  journal: 'id, createdAt',
  thoughtRecords: 'id, createdAt',
  safetyPlan: 'id',
  settings: 'id',
};

describe('migrations', () => {
  it('opens a version 1 database and keeps every record', async () => {
    const dbName = uniqueDbName();
    const old = new Dexie(dbName);
    old.version(1).stores(V1_SCHEMA);

    // Version 1 rows, as the version 1 app wrote them: no updatedAt on conversations and journal
    // entries, no status on messages.
    const dataKey = await generateDataKey();
    const kdf = newKdfParams(TEST_ITERATIONS);
    const wrappedKey = await wrapDataKey(dataKey, await derivePassphraseWrappingKey(PASSPHRASE, kdf));
    const seal = (table: string, id: string, value: unknown) =>
      sealBytes(dataKey, utf8(JSON.stringify(value)), recordAad(table, id, 'data'));
    await old
      .table('keyring')
      .add({ id: 'main', mode: 'passphrase', wrappedKey, kdf, createdAt: 1, updatedAt: 1 });
    await old
      .table('conversations')
      .add({ id: 'c1', createdAt: 100, data: await seal('conversations', 'c1', { title: 'Old chat' }) });
    const messages = [];
    for (let i = 0; i < 30; i++) {
      const id = `m${String(i).padStart(2, '0')}`;
      const value = {
        text: `message ${i}`,
        conversationId: 'c1',
        role: i % 2 ? 'assistant' : 'user',
        time: 200 + i,
      };
      messages.push({
        id,
        conversationId: 'c1',
        role: value.role,
        time: value.time,
        data: await seal('messages', id, value),
      });
    }
    await old.table('messages').bulkAdd(messages);
    await old.table('moods').add({
      id: 'mood1',
      time: 300,
      data: await seal('moods', 'mood1', { score: 4, emotions: ['low'], time: 300 }),
    });
    await old.table('journal').add({
      id: 'j1',
      createdAt: 400,
      data: await seal('journal', 'j1', { text: 'old entry', createdAt: 400 }),
    });
    await old.table('settings').add({ id: 'locale', value: 'zh-CN' });
    old.close();

    const store = await openStore({ dbName, iterations: TEST_ITERATIONS, channel: null });
    expect(store.db.verno).toBe(DB_VERSION);
    expect(store.keys.state).toBe('locked');
    await store.keys.unlock(PASSPHRASE);

    expect(await store.conversations.get('c1')).toEqual({
      id: 'c1',
      title: 'Old chat',
      createdAt: 100,
      updatedAt: 100,
    });
    // Listed by its last message.
    expect(await store.conversations.list()).toMatchObject([{ id: 'c1', updatedAt: 229 }]);
    const list = await store.messages.list('c1');
    expect(list).toHaveLength(30);
    expect(list.map((m) => m.text)).toEqual(messages.map((_, i) => `message ${i}`));
    expect(new Set(list.map((m) => m.status))).toEqual(new Set(['complete']));
    expect((await store.moods.listBetween(0, 1000)).map((m) => m.score)).toEqual([4]);
    expect(await store.journal.list()).toMatchObject([{ id: 'j1', text: 'old entry', updatedAt: 400 }]);
    expect(await store.settings.get('locale')).toBe('zh-CN');
    // Version 2 tables work on the upgraded database.
    await store.safetyEvents.record({ kind: 'input-screen' });
    expect(await store.safetyEvents.list()).toHaveLength(1);
    store.close();
  });
});
