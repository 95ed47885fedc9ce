import 'fake-indexeddb/auto';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageFullError, isQuotaError, toStoreError } from '../../../src/lib/store';
import { unlockedStore } from './helpers';

// Saved to be put back; they are called only as methods of the prototype again.
// eslint-disable-next-line @typescript-eslint/unbound-method
const { put: realPut, add: realAdd } = FakeObjectStore.prototype;

/** The disk is full: IndexedDB refuses every write the way browsers report it. */
function fillDisk(): void {
  const refuse = function (): never {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  FakeObjectStore.prototype.put = refuse;
  FakeObjectStore.prototype.add = refuse;
}

function freeDisk(): void {
  FakeObjectStore.prototype.put = realPut;
  FakeObjectStore.prototype.add = realAdd;
}

afterEach(freeDisk);

describe('a full disk', () => {
  it('turns a refused write into StorageFullError, saves nothing, and saves on retry', async () => {
    const store = await unlockedStore();
    const c = await store.conversations.create({ title: 'chat' });
    const unsaved = { conversationId: c.id, role: 'user' as const, text: 'please keep this' };

    fillDisk();
    const error = await store.messages.add(unsaved).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error).toMatchObject({ name: 'StorageFullError', code: 'storage-full' });
    freeDisk();
    expect(await store.messages.list(c.id)).toEqual([]);

    await store.messages.add(unsaved);
    expect((await store.messages.list(c.id)).map((m) => m.text)).toEqual(['please keep this']);
    store.close();
  });

  it('recognises quota failures however Dexie or the browser wraps them', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError(new Error('x', { cause: quota }))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new DOMException('nope', 'ConstraintError'))).toBe(false);
    const other = new Error('other');
    expect(toStoreError(other)).toBe(other);
  });
});
