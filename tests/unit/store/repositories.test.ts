import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  DataCorruptError,
  InvalidRecordError,
  NotFoundError,
  createMemoryStore,
  type Store,
} from '../../../src/lib/store';
import { emptySafetyPlan } from '../../../src/lib/safety/safety-plan';
import { containsText, rawDump, unlockedStore } from './helpers';

const kinds: [string, () => Promise<Store>][] = [
  ['encrypted IndexedDB store', () => unlockedStore()],
  ['memory store', () => createMemoryStore()],
];

describe.each(kinds)('repositories on the %s', (_, make) => {
  it('conversations: create, list by last activity with titles, rename, delete with messages', async () => {
    const store = await make();
    const a = await store.conversations.create({ title: 'Sleep' });
    const b = await store.conversations.create({ title: 'Work' });
    await store.messages.add({ conversationId: a.id, role: 'user', text: 'I cannot sleep' });
    expect((await store.conversations.list()).map((c) => c.title)).toEqual(['Sleep', 'Work']);

    await store.conversations.rename(b.id, 'Work stress');
    expect((await store.conversations.get(b.id))?.title).toBe('Work stress');
    await expect(store.conversations.rename('missing', 'x')).rejects.toBeInstanceOf(NotFoundError);

    await store.conversations.delete(a.id);
    expect(await store.conversations.get(a.id)).toBeUndefined();
    expect(await store.messages.list(a.id)).toEqual([]);
    expect((await store.conversations.list()).map((c) => c.id)).toEqual([b.id]);
    store.close();
  });

  it('messages: saved in order, a streaming reply updated as it grows, other conversations apart', async () => {
    const store = await make();
    const c = await store.conversations.create({ title: 't' });
    const other = await store.conversations.create({ title: 'o' });
    const userId = await store.messages.add({
      conversationId: c.id,
      role: 'user',
      text: '我最近很焦虑',
      emotion: {
        top: [
          { emotion: 'anxiety', score: 0.91 },
          { emotion: 'sadness', score: 0.05 },
        ],
        valence: -0.6,
        arousal: 0.8,
        confidence: 0.91,
        model: 'tiny-go-emotions',
      },
      riskLevel: 'low',
    });
    const replyId = await store.messages.add({
      conversationId: c.id,
      role: 'assistant',
      text: '',
      status: 'streaming',
      modelId: 'qwen2.5-0.5b',
    });
    await store.messages.add({ conversationId: other.id, role: 'user', text: 'elsewhere' });

    await store.messages.updateText(replyId, 'That sounds');
    await store.messages.updateText(replyId, 'That sounds hard.', 'complete');
    const list = await store.messages.list(c.id);
    expect(list.map((m) => [m.id, m.role, m.text, m.status])).toEqual([
      [userId, 'user', '我最近很焦虑', 'complete'],
      [replyId, 'assistant', 'That sounds hard.', 'complete'],
    ]);
    expect(list[0]?.emotion?.top[0]).toEqual({ emotion: 'anxiety', score: 0.91 });
    expect(list[0]?.riskLevel).toBe('low');
    expect(list[1]?.modelId).toBe('qwen2.5-0.5b');
    expect(list[0]!.time).toBeLessThan(list[1]!.time);

    await store.messages.update(userId, { riskLevel: 'none' });
    expect((await store.messages.get(userId))?.riskLevel).toBe('none');
    await expect(store.messages.updateText('missing', 'x')).rejects.toBeInstanceOf(NotFoundError);
    await store.messages.delete(userId);
    expect((await store.messages.list(c.id)).map((m) => m.id)).toEqual([replyId]);
    store.close();
  });

  it('messages: updates fired without waiting still end with the last text', async () => {
    const store = await make();
    const c = await store.conversations.create();
    const id = await store.messages.add({
      conversationId: c.id,
      role: 'assistant',
      text: '',
      status: 'streaming',
    });
    const words = 'one two three four five six seven eight'.split(' ');
    await Promise.all(words.map((_, i) => store.messages.updateText(id, words.slice(0, i + 1).join(' '))));
    expect((await store.messages.get(id))?.text).toBe(words.join(' '));
    store.close();
  });

  it('moods: range queries oldest first, latest newest first, update and delete; score checked', async () => {
    const store = await make();
    const day = 86_400_000;
    const t0 = 1_700_000_000_000;
    for (let i = 0; i < 5; i++)
      await store.moods.add({ score: i + 3, emotions: ['calm'], time: t0 + i * day });
    const mid = await store.moods.listBetween(t0 + day, t0 + 3 * day);
    expect(mid.map((m) => m.score)).toEqual([4, 5, 6]);
    expect((await store.moods.latest(2)).map((m) => m.score)).toEqual([7, 6]);

    const [first] = await store.moods.listBetween(t0, t0);
    await store.moods.update(first!.id, { note: 'better after a walk' });
    expect((await store.moods.get(first!.id))?.note).toBe('better after a walk');
    await store.moods.delete(first!.id);
    expect(await store.moods.get(first!.id)).toBeUndefined();

    await expect(store.moods.add({ score: 11 })).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(store.moods.add({ score: 2.5 })).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await store.moods.listBetween(0, Infinity)).toHaveLength(4);
    store.close();
  });

  it('assessments: per instrument, in time order', async () => {
    const store = await make();
    const base = { answers: [1, 2, 0, 1, 1, 0, 2, 1, 0], band: 'mild', flags: [] };
    await store.assessments.add({ ...base, instrument: 'PHQ-9', score: 8, time: 3 });
    await store.assessments.add({ ...base, instrument: 'GAD-7', answers: [1], score: 5, time: 2 });
    await store.assessments.add({
      ...base,
      instrument: 'PHQ-9',
      score: 12,
      band: 'moderate',
      flags: ['phq9-item9'],
      time: 1,
    });
    const phq = await store.assessments.list({ instrument: 'PHQ-9' });
    expect(phq.map((a) => [a.score, a.band, a.flags])).toEqual([
      [12, 'moderate', ['phq9-item9']],
      [8, 'mild', []],
    ]);
    expect((await store.assessments.list()).map((a) => a.instrument)).toEqual(['PHQ-9', 'GAD-7', 'PHQ-9']);
    expect(await store.assessments.list({ from: 2, to: 3 })).toHaveLength(2);
    store.close();
  });

  it('journal entries and thought records: create, update, list newest first, delete', async () => {
    const store = await make();
    const e1 = await store.journal.create({ title: 'Monday', text: 'A long day' });
    const e2 = await store.journal.create({ text: 'Tuesday was fine', tags: ['work'] });
    const updated = await store.journal.update(e1.id, { text: 'A long day, then a good call' });
    expect(updated.updatedAt).toBeGreaterThan(e1.updatedAt);
    expect((await store.journal.list()).map((e) => e.id)).toEqual([e2.id, e1.id]);
    expect((await store.journal.get(e1.id))?.text).toBe('A long day, then a good call');

    const tr = await store.thoughtRecords.create({
      situation: 'Presentation',
      automaticThought: 'I will fail',
      emotions: [{ name: 'fear', intensity: 80 }],
    });
    await store.thoughtRecords.update(tr.id, {
      balancedThought: 'I prepared well',
      emotionsAfter: [{ name: 'fear', intensity: 40 }],
    });
    expect(await store.thoughtRecords.get(tr.id)).toMatchObject({
      automaticThought: 'I will fail',
      balancedThought: 'I prepared well',
      emotionsAfter: [{ name: 'fear', intensity: 40 }],
    });
    await store.journal.delete(e2.id);
    expect(await store.journal.list()).toHaveLength(1);
    store.close();
  });

  it('safety plan, profile and settings', async () => {
    const store = await make();
    expect(await store.safetyPlan.get()).toBeUndefined();
    await store.safetyPlan.save({
      ...emptySafetyPlan(),
      warningSigns: ['not sleeping'],
      helpers: [{ name: 'Mei', phone: '123' }],
    });
    expect(await store.safetyPlan.get()).toMatchObject({
      warningSigns: ['not sleeping'],
      helpers: [{ name: 'Mei' }],
    });

    await store.profile.save({ nickname: 'Sam', ageRange: '18-24', language: 'en' });
    await store.profile.update({ counselingStyle: 'gentle', ageRange: undefined });
    const profile = await store.profile.get();
    expect(profile).toMatchObject({ nickname: 'Sam', counselingStyle: 'gentle', language: 'en' });
    expect(profile?.ageRange).toBeUndefined();

    await store.settings.set('locale', 'zh-CN', { clear: true });
    await store.settings.set('reminder', { hour: 21, enabled: true });
    expect(await store.settings.get('reminder')).toEqual({ hour: 21, enabled: true });
    expect((await store.settings.all()).map((s) => s.key).sort()).toEqual(['locale', 'reminder']);
    await store.settings.delete('reminder');
    expect(await store.settings.get('reminder')).toBeUndefined();
    store.close();
  });

  it('safety events: a local log in time order', async () => {
    const store = await make();
    await store.safetyEvents.record({
      kind: 'input-screen',
      level: 'high',
      categories: ['self-harm'],
      time: 20,
    });
    await store.safetyEvents.record({ kind: 'output-guard', action: 'replaced-reply', time: 10 });
    expect((await store.safetyEvents.list()).map((e) => e.kind)).toEqual(['output-guard', 'input-screen']);
    expect(await store.safetyEvents.list({ from: 15 })).toHaveLength(1);
    await store.safetyEvents.clear();
    expect(await store.safetyEvents.list()).toEqual([]);
    store.close();
  });

  it('observe re-runs a query when the data changes', async () => {
    const store = await make();
    const c = await store.conversations.create();
    const seen: number[][] = [];
    const sub = store.observe(() => store.messages.list(c.id)).subscribe((list) => seen.push([list.length]));
    const until = async (n: number) => {
      for (let i = 0; i < 100 && seen.at(-1)?.[0] !== n; i++) await new Promise((r) => setTimeout(r, 10));
    };
    await until(0);
    await store.messages.add({ conversationId: c.id, role: 'user', text: 'hello' });
    await until(1);
    sub.unsubscribe();
    expect(seen.at(-1)).toEqual([1]);
    store.close();
  });
});

describe('encryption at rest', () => {
  it('stores nothing a person wrote in readable form', async () => {
    const store = await unlockedStore();
    const secrets = {
      title: 'Secret-title-quince',
      message: 'I feel hopeless about my exam',
      reply: '听起来你压力很大',
      mood: 'mood-note-marzipan',
      tag: 'emotion-tag-tangerine',
      journal: 'journal-text-walnut',
      nickname: 'Nickname-Zephyr',
      plan: 'plan-sign-juniper',
      setting: 'setting-value-saffron',
      thought: 'thought-fig',
      answerText: 'free-writing-persimmon',
      category: 'category-kumquat',
    };
    const c = await store.conversations.create({ title: secrets.title });
    await store.messages.add({
      conversationId: c.id,
      role: 'user',
      text: secrets.message,
      emotion: {
        top: [{ emotion: 'label-lychee', score: 0.5 }],
        valence: 0,
        arousal: 0.3,
        confidence: 0.5,
        model: 'm',
      },
      riskLevel: 'risk-level-loquat',
    });
    await store.messages.add({ conversationId: c.id, role: 'assistant', text: secrets.reply });
    await store.moods.add({ score: 7, note: secrets.mood, emotions: [secrets.tag] });
    await store.journal.create({ text: secrets.journal });
    await store.thoughtRecords.create({ automaticThought: secrets.thought });
    await store.profile.save({ nickname: secrets.nickname, helpWith: 'help-with-pomelo' });
    await store.safetyPlan.save({ ...emptySafetyPlan(), warningSigns: [secrets.plan] });
    await store.settings.set('notes', secrets.setting);
    await store.assessments.add({
      instrument: 'free-writing',
      answers: [],
      text: secrets.answerText,
      score: 3,
      band: 'band-damson',
      flags: [],
    });
    await store.safetyEvents.record({ kind: 'input-screen', categories: [secrets.category] });

    const raw = await rawDump(store);
    const all = [
      ...Object.values(secrets),
      'label-lychee',
      'risk-level-loquat',
      'help-with-pomelo',
      'band-damson',
    ];
    for (const text of all) expect(containsText(raw, text), text).toBe(false);
    expect(containsText(raw, '压力')).toBe(false);
    // The search itself works: clear columns are found.
    expect(containsText(raw, c.id)).toBe(true);
    expect(containsText(raw, 'free-writing')).toBe(true);
    store.close();
  });

  it('refuses a ciphertext swapped into another record', async () => {
    const store = await unlockedStore();
    const c = await store.conversations.create({ title: 't' });
    const a = await store.messages.add({ conversationId: c.id, role: 'user', text: 'first' });
    const b = await store.messages.add({ conversationId: c.id, role: 'user', text: 'second' });
    const rowA = (await store.db.messages.get(a))!;
    const rowB = (await store.db.messages.get(b))!;
    await store.db.messages.put({ ...rowA, data: rowB.data });
    await expect(store.messages.get(a)).rejects.toBeInstanceOf(DataCorruptError);
    await expect(store.messages.list(c.id)).rejects.toMatchObject({ code: 'data-corrupt' });
    expect((await store.messages.get(b))?.text).toBe('second');
    store.close();
  });

  it('refuses a ciphertext moved to another table, or a flipped byte', async () => {
    const store = await unlockedStore();
    const j = await store.journal.create({ text: 'journal' });
    const t = await store.thoughtRecords.create({ situation: 'thought' });
    const row = (await store.db.journal.get(j.id))!;
    await store.db.thoughtRecords.put({
      ...(await store.db.thoughtRecords.get(t.id))!,
      data: row.data,
      id: t.id,
    });
    await expect(store.thoughtRecords.get(t.id)).rejects.toBeInstanceOf(DataCorruptError);
    await store.db.thoughtRecords.put({ ...row, id: j.id });
    const flipped = row.data.slice();
    flipped[20]! ^= 1;
    await store.db.journal.put({ ...row, data: flipped });
    await expect(store.journal.get(j.id)).rejects.toBeInstanceOf(DataCorruptError);
    store.close();
  });

  it('refuses a message whose clear conversationId or role was edited', async () => {
    const store = await unlockedStore();
    const c1 = await store.conversations.create();
    const c2 = await store.conversations.create();
    const id = await store.messages.add({ conversationId: c1.id, role: 'user', text: 'mine' });
    await store.db.messages.update(id, { conversationId: c2.id });
    await expect(store.messages.list(c2.id)).rejects.toBeInstanceOf(DataCorruptError);
    await store.db.messages.update(id, { conversationId: c1.id, role: 'assistant' });
    await expect(store.messages.get(id)).rejects.toBeInstanceOf(DataCorruptError);
    store.close();
  });
});

describe('memory store (anonymous session)', () => {
  it('writes nothing to IndexedDB and forgets everything on close', async () => {
    const before = await indexedDB.databases();
    const store = await createMemoryStore();
    const c = await store.conversations.create({ title: 'anonymous' });
    await store.messages.add({ conversationId: c.id, role: 'user', text: 'nobody should keep this' });
    await store.moods.add({ score: 5 });
    await store.settings.set('locale', 'en', { clear: true });
    expect(await indexedDB.databases()).toEqual(before);
    expect(store.persistent).toBe(false);
    expect(store.keys).toBeNull();

    store.close();
    expect(await store.backend.all('messages')).toEqual([]);
    await expect(store.conversations.create()).rejects.toMatchObject({ code: 'locked' });
  });
});
