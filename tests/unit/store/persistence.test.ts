import { describe, expect, it } from 'vitest';
import { requestPersistence, storageEstimate } from '../../../src/lib/store';

describe('storage persistence and estimate', () => {
  it('asks for persistent storage once, and reports the answer', async () => {
    let asked = 0;
    const storage = {
      persisted: () => Promise.resolve(asked > 0),
      persist: () => {
        asked++;
        return Promise.resolve(true);
      },
    };
    expect(await requestPersistence(storage)).toBe('granted');
    expect(await requestPersistence(storage)).toBe('granted');
    expect(asked).toBe(1);
    expect(await requestPersistence({ persist: () => Promise.resolve(false) })).toBe('denied');
    expect(await requestPersistence({ persist: () => Promise.reject(new Error('blocked')) })).toBe('denied');
  });

  it('reports usage and quota, or null where the browser does not say', async () => {
    expect(await storageEstimate({ estimate: () => Promise.resolve({ usage: 25, quota: 100 }) })).toEqual({
      usage: 25,
      quota: 100,
      fraction: 0.25,
    });
    expect(await storageEstimate({ estimate: () => Promise.resolve({}) })).toBeNull();
    expect(await storageEstimate({})).toBeNull();
  });

  it('degrades gracefully in Node, where navigator.storage is missing', async () => {
    const nav = (globalThis as { navigator?: { storage?: unknown } }).navigator;
    expect(nav?.storage).toBeUndefined();
    expect(await requestPersistence()).toBe('unsupported');
    expect(await storageEstimate()).toBeNull();
  });
});
