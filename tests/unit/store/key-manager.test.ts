import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  KeyStateError,
  LockedError,
  PassphraseTooShortError,
  WrongPassphraseError,
  openStore,
  type LockChannel,
  type LockMessage,
} from '../../../src/lib/store';
import {
  ManualTimers,
  PASSPHRASE,
  TEST_ITERATIONS,
  openTestStore,
  rawDump,
  uniqueDbName,
  unlockedStore,
} from './helpers';

describe('key manager', () => {
  it('starts uninitialised, unlocks after setup, and locks on request', async () => {
    const store = await openTestStore();
    expect(store.keys.state).toBe('uninitialised');
    await expect(store.conversations.create({ title: 'x' })).rejects.toBeInstanceOf(LockedError);
    await store.keys.setup(PASSPHRASE);
    expect(store.keys.state).toBe('unlocked');
    expect(store.keys.mode).toBe('passphrase');
    const c = await store.conversations.create({ title: 'first' });

    store.keys.lock();
    expect(store.keys.state).toBe('locked');
    await expect(store.conversations.get(c.id)).rejects.toBeInstanceOf(LockedError);
    await expect(
      store.messages.add({ conversationId: c.id, role: 'user', text: 'hi' }),
    ).rejects.toBeInstanceOf(LockedError);

    await store.keys.unlock(PASSPHRASE);
    expect((await store.conversations.get(c.id))?.title).toBe('first');
    store.close();
  });

  it('is locked after reopening, until the passphrase is given', async () => {
    const dbName = uniqueDbName();
    const first = await openStore({ dbName, iterations: TEST_ITERATIONS, channel: null });
    await first.keys.setup(PASSPHRASE);
    await first.moods.add({ score: 6 });
    first.close();

    const again = await openStore({ dbName, iterations: TEST_ITERATIONS, channel: null });
    expect(again.keys.state).toBe('locked');
    await again.keys.unlock(PASSPHRASE);
    expect((await again.moods.latest(5)).map((m) => m.score)).toEqual([6]);
    again.close();
  });

  it('refuses a wrong passphrase with WrongPassphraseError and changes nothing', async () => {
    const store = await unlockedStore();
    await store.journal.create({ text: 'entry' });
    store.keys.lock();
    const before = await rawDump(store);

    await expect(store.keys.unlock('wrong passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(store.keys.unlock('')).rejects.toMatchObject({
      name: 'WrongPassphraseError',
      code: 'wrong-passphrase',
    });
    expect(store.keys.state).toBe('locked');
    expect(await rawDump(store)).toEqual(before);
    await expect(
      store.keys.changePassphrase('wrong passphrase', 'another passphrase'),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await rawDump(store)).toEqual(before);
    store.close();
  });

  it('refuses a second setup and a too short passphrase', async () => {
    const store = await openTestStore();
    await expect(store.keys.setup('short')).rejects.toBeInstanceOf(PassphraseTooShortError);
    expect(store.keys.state).toBe('uninitialised');
    await store.keys.setup(PASSPHRASE);
    await expect(store.keys.setup('another passphrase')).rejects.toBeInstanceOf(KeyStateError);
    store.close();
  });

  it('changes the passphrase by re-wrapping the key: records keep their ciphertexts', async () => {
    const store = await unlockedStore();
    const c = await store.conversations.create({ title: 'kept' });
    await store.messages.add({ conversationId: c.id, role: 'user', text: 'still readable' });
    const before = await rawDump(store);

    await store.keys.changePassphrase(PASSPHRASE, 'a brand new passphrase');
    const after = await rawDump(store);
    for (const table of Object.keys(before).filter((t) => t !== 'keyring'))
      expect(after[table]).toEqual(before[table]);
    expect(after.keyring).not.toEqual(before.keyring);

    store.keys.lock();
    await expect(store.keys.unlock(PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    await store.keys.unlock('a brand new passphrase');
    expect((await store.messages.list(c.id)).map((m) => m.text)).toEqual(['still readable']);
    store.close();
  });

  it('raises the iterations of an older wrapping on unlock', async () => {
    const dbName = uniqueDbName();
    const old = await openStore({ dbName, iterations: 1_000, channel: null });
    await old.keys.setup(PASSPHRASE);
    await old.settings.set('theme', 'dark');
    old.close();

    const upgraded = await openStore({ dbName, iterations: 2_000, channel: null });
    await upgraded.keys.unlock(PASSPHRASE);
    expect((await upgraded.db.keyring.get('main'))?.kdf?.iterations).toBe(2_000);
    expect(await upgraded.settings.get('theme')).toBe('dark');
    upgraded.keys.lock();
    await upgraded.keys.unlock(PASSPHRASE);
    expect(await upgraded.settings.get('theme')).toBe('dark');
    upgraded.close();
  });

  describe('without a passphrase (device mode)', () => {
    it('keeps a non-extractable device key and unlocks by itself on reopen', async () => {
      const dbName = uniqueDbName();
      const first = await openStore({ dbName, iterations: TEST_ITERATIONS, channel: null });
      await first.keys.setup(null);
      expect(first.keys.mode).toBe('device');
      await first.profile.save({ nickname: 'Lin' });
      const row = await first.db.keyring.get('main');
      expect(row?.deviceKey).toBeInstanceOf(CryptoKey);
      expect(row?.deviceKey?.extractable).toBe(false);
      expect(row?.kdf).toBeUndefined();
      first.close();

      const again = await openStore({ dbName, iterations: TEST_ITERATIONS, channel: null });
      expect(again.keys.state).toBe('unlocked');
      expect((await again.profile.get())?.nickname).toBe('Lin');
      again.close();
    });

    it('can add a passphrase later and remove it again, without re-encrypting', async () => {
      const store = await openTestStore();
      await store.keys.setup(null);
      await store.moods.add({ score: 3, note: 'tired' });
      const before = (await rawDump(store)).moods;

      await store.keys.changePassphrase(null, PASSPHRASE);
      expect(store.keys.mode).toBe('passphrase');
      expect((await store.db.keyring.get('main'))?.deviceKey).toBeUndefined();
      store.keys.lock();
      await expect(store.keys.unlock()).rejects.toBeInstanceOf(WrongPassphraseError);
      await store.keys.unlock(PASSPHRASE);
      expect((await store.moods.latest(1))[0]?.note).toBe('tired');

      await store.keys.changePassphrase(PASSPHRASE, null);
      expect(store.keys.mode).toBe('device');
      store.keys.lock();
      await store.keys.unlock();
      expect((await store.moods.latest(1))[0]?.note).toBe('tired');
      expect((await rawDump(store)).moods).toEqual(before);
      store.close();
    });
  });

  describe('idle lock', () => {
    it('locks after the idle time, and activity postpones it', async () => {
      const timers = new ManualTimers();
      const store = await unlockedStore({ timers, idleLockMs: 60_000 });
      await store.conversations.create({ title: 'private' });
      const states: string[] = [];
      store.keys.subscribe((s) => states.push(s));

      timers.advance(50_000);
      store.keys.activity();
      timers.advance(50_000);
      expect(store.keys.state).toBe('unlocked');
      timers.advance(10_001);
      expect(store.keys.state).toBe('locked');
      expect(states).toEqual(['locked']);
      await expect(store.conversations.list()).rejects.toBeInstanceOf(LockedError);
      expect(timers.pending).toBe(0);
      store.close();
    });

    it('can be changed or turned off while unlocked', async () => {
      const timers = new ManualTimers();
      const store = await unlockedStore({ timers, idleLockMs: 60_000 });
      store.keys.setIdleLockMs(null);
      timers.advance(10 * 60_000);
      expect(store.keys.state).toBe('unlocked');
      store.keys.setIdleLockMs(1_000);
      timers.advance(1_000);
      expect(store.keys.state).toBe('locked');
      store.close();
    });

    it('does not lock a store without a passphrase (anyone could unlock it)', async () => {
      const timers = new ManualTimers();
      const store = await openTestStore({ timers, idleLockMs: 1_000 });
      await store.keys.setup(null);
      timers.advance(60_000);
      expect(store.keys.state).toBe('unlocked');
      store.close();
    });
  });

  it('erase and start over deletes the data and allows a new setup', async () => {
    const store = await unlockedStore();
    await store.journal.create({ text: 'forgotten' });
    store.keys.lock();
    await store.keys.eraseAndStartOver();
    expect(store.keys.state).toBe('uninitialised');
    await store.keys.setup('a new passphrase here');
    expect(await store.journal.list()).toEqual([]);
    store.close();
  });

  it('shares lock state between tabs of the same store', async () => {
    const dbName = uniqueDbName();
    const hub = new ChannelHub();
    const tabA = await openStore({ dbName, iterations: TEST_ITERATIONS, channel: hub.channel() });
    const tabB = await openStore({ dbName, iterations: TEST_ITERATIONS, channel: hub.channel() });
    const next = (store: typeof tabA, state: string) =>
      new Promise<void>((resolve) => {
        const off = store.keys.subscribe((s) => {
          if (s === state) {
            off();
            resolve();
          }
        });
      });

    const bUnlocked = next(tabB, 'unlocked');
    await tabA.keys.setup(PASSPHRASE);
    await bUnlocked;
    const c = await tabA.conversations.create({ title: 'shared' });
    expect((await tabB.conversations.get(c.id))?.title).toBe('shared');

    const aLocked = next(tabA, 'locked');
    tabB.keys.lock();
    await aLocked;
    await expect(tabA.conversations.get(c.id)).rejects.toBeInstanceOf(LockedError);

    // A tab opened while another is unlocked asks it for the key.
    await tabA.keys.unlock(PASSPHRASE);
    const tabC = await openStore({ dbName, iterations: TEST_ITERATIONS, channel: hub.channel() });
    if (tabC.keys.state !== 'unlocked') await next(tabC, 'unlocked');
    expect((await tabC.conversations.get(c.id))?.title).toBe('shared');

    // Erasing in one tab sends the others back to setup.
    const cReset = next(tabC, 'uninitialised');
    await tabB.keys.eraseAndStartOver();
    await cReset;
    for (const s of [tabA, tabB, tabC]) s.close();
  });

  it('does not lock a tab that was active when another tab was idle', async () => {
    const timers = new ManualTimers();
    const hub = new ChannelHub();
    const dbName = uniqueDbName();
    const options = { dbName, iterations: TEST_ITERATIONS, timers, idleLockMs: 60_000 };
    const tabA = await openStore({ ...options, channel: hub.channel() });
    const tabB = await openStore({ ...options, channel: hub.channel() });
    await tabA.keys.setup(PASSPHRASE);
    await hub.flush();
    expect(tabB.keys.state).toBe('unlocked');

    timers.advance(50_000);
    tabA.keys.activity();
    await hub.flush();
    timers.advance(50_000);
    expect(tabB.keys.state).toBe('unlocked');
    timers.advance(10_001);
    await hub.flush();
    expect([tabA.keys.state, tabB.keys.state]).toEqual(['locked', 'locked']);
    tabA.close();
    tabB.close();
  });
});

/**
 * BroadcastChannel stand-in: delivers each message, asynchronously, to every other channel of the hub.
 * (Node's BroadcastChannel cannot clone a CryptoKey to more than one receiver; browsers can.)
 */
class ChannelHub {
  readonly #channels = new Set<{ listeners: ((e: MessageEvent) => void)[] }>();
  #inFlight: Promise<void>[] = [];

  channel(): LockChannel {
    const self = { listeners: [] as ((e: MessageEvent) => void)[] };
    this.#channels.add(self);
    return {
      postMessage: (message: LockMessage) => {
        for (const other of this.#channels) {
          if (other === self) continue;
          this.#inFlight.push(
            Promise.resolve().then(() => {
              for (const l of other.listeners)
                l(new MessageEvent('message', { data: structuredClone(message) }));
            }),
          );
        }
      },
      addEventListener: (_type, listener) => self.listeners.push(listener),
      close: () => this.#channels.delete(self),
    };
  }

  /** Waits until every message posted so far (and those they caused) has been delivered. */
  async flush(): Promise<void> {
    while (this.#inFlight.length) {
      const batch = this.#inFlight;
      this.#inFlight = [];
      await Promise.all(batch);
    }
  }
}
