/**
 * The page side of `npm run bench:store`: the same workload through the encrypted store and through plain
 * Dexie with no encryption (same indexes, the same fields in clear), in real IndexedDB. Driven by
 * scripts/bench-store.ts through `window.storeBench`.
 */
import Dexie, { type Table } from 'dexie';
import { exportBackup, openStore, type PersistentStore } from '../../src/lib/store';

export interface Workload {
  conversations: number;
  messages: number;
  /** Messages in the one conversation that is opened. */
  bigConversation: number;
  opens: number;
}

export interface BenchResult {
  writeMs: number;
  openMs: number[];
  exportMs: number;
  exportBytes: number;
  setupMs?: number;
  /** Encrypted store only: the same opens reading the sealed rows without decrypting them. */
  readOnlyMs?: number[];
}

const PASSPHRASE = 'bench passphrase of some length';

/** A deterministic message of 40 to 400 characters, mixed languages as a real conversation might be. */
function text(i: number): string {
  const words = ['I', 'feel', 'tired', 'today', 'and', 'work', 'was', 'hard', '我', '今天', '有点', '焦虑'];
  const n = 10 + ((i * 7919) % 70);
  let s = '';
  for (let k = 0; k < n; k++) s += words[(i + k * 31) % words.length] + ' ';
  return s.trim();
}

/** Conversation index of message `i`: the first conversation gets `bigConversation`, the rest share the remainder. */
function conversationOf(i: number, w: Workload): number {
  return i < w.bigConversation ? 0 : 1 + ((i - w.bigConversation) % (w.conversations - 1));
}

async function encrypted(w: Workload): Promise<BenchResult> {
  await Dexie.delete('bench-encrypted');
  const store: PersistentStore = await openStore({ dbName: 'bench-encrypted', channel: null });
  const setupStart = performance.now();
  // Production PBKDF2 iterations: a one-time cost, reported apart from the workload.
  await store.keys.setup(PASSPHRASE);
  const setupMs = performance.now() - setupStart;

  const start = performance.now();
  const ids: string[] = [];
  for (let c = 0; c < w.conversations; c++)
    ids.push((await store.conversations.create({ title: `Chat ${c}` })).id);
  for (let i = 0; i < w.messages; i++) {
    await store.messages.add({
      conversationId: ids[conversationOf(i, w)]!,
      role: i % 2 ? 'assistant' : 'user',
      text: text(i),
    });
  }
  const writeMs = performance.now() - start;

  const openMs: number[] = [];
  for (let k = 0; k < w.opens; k++) {
    const t = performance.now();
    const list = await store.messages.list(ids[0]!);
    openMs.push(performance.now() - t);
    if (list.length !== w.bigConversation) throw new Error(`opened ${list.length} messages`);
  }
  const readOnlyMs: number[] = [];
  for (let k = 0; k < w.opens; k++) {
    const t = performance.now();
    await store.backend.query('messages', {
      where: { field: 'conversationId', equals: ids[0]! },
      orderBy: 'time',
    });
    readOnlyMs.push(performance.now() - t);
  }

  const e = performance.now();
  const blob = await exportBackup(store, PASSPHRASE);
  const exportMs = performance.now() - e;
  store.close();
  await Dexie.delete('bench-encrypted');
  return { writeMs, openMs, exportMs, exportBytes: blob.size, setupMs, readOnlyMs };
}

interface PlainMessage {
  id: string;
  conversationId: string;
  role: string;
  time: number;
  status: string;
  text: string;
}
interface PlainConversation {
  id: string;
  createdAt: number;
  updatedAt: number;
  title: string;
}

async function plain(w: Workload): Promise<BenchResult> {
  await Dexie.delete('bench-plain');
  const db = new Dexie('bench-plain') as Dexie & {
    conversations: Table<PlainConversation, string>;
    messages: Table<PlainMessage, string>;
  };
  db.version(1).stores({
    conversations: 'id, createdAt, updatedAt',
    messages: 'id, conversationId, time, status, [conversationId+time]',
  });
  await db.open();

  let clock = 0;
  const now = () => (clock = Math.max(clock + 1, Date.now()));
  const start = performance.now();
  const ids: string[] = [];
  for (let c = 0; c < w.conversations; c++) {
    const t = now();
    const id = crypto.randomUUID();
    await db.conversations.put({ id, createdAt: t, updatedAt: t, title: `Chat ${c}` });
    ids.push(id);
  }
  for (let i = 0; i < w.messages; i++) {
    await db.messages.put({
      id: crypto.randomUUID(),
      conversationId: ids[conversationOf(i, w)]!,
      role: i % 2 ? 'assistant' : 'user',
      time: now(),
      status: 'complete',
      text: text(i),
    });
  }
  const writeMs = performance.now() - start;

  const openMs: number[] = [];
  for (let k = 0; k < w.opens; k++) {
    const t = performance.now();
    const list = await db.messages
      .where('[conversationId+time]')
      .between([ids[0]!, -Infinity], [ids[0]!, Infinity], true, true)
      .toArray();
    openMs.push(performance.now() - t);
    if (list.length !== w.bigConversation) throw new Error(`opened ${list.length} messages`);
  }

  const e = performance.now();
  const tables = { conversations: await db.conversations.toArray(), messages: await db.messages.toArray() };
  const blob = new Blob([JSON.stringify({ tables })], { type: 'application/json' });
  const exportMs = performance.now() - e;
  db.close();
  await Dexie.delete('bench-plain');
  return { writeMs, openMs, exportMs, exportBytes: blob.size };
}

const storeBench = { encrypted, plain };
declare global {
  interface Window {
    storeBench: typeof storeBench;
  }
}
window.storeBench = storeBench;
document.title = 'bench:store ready';
