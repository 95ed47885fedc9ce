import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CpuEngine, planCacheReuse } from '../../../src/lib/llm/cpu-engine';
import { ContextTooLongError, ModelNotLoadedError } from '../../../src/lib/llm/errors';
import type { ChatMessage, GenerationResult, LoadProgress } from '../../../src/workers/llm-protocol';
import { TINY_REPLIES } from '../../fixtures/tiny-decoder';
import { tinyModelSpec } from './tiny-model';

const SYSTEM: ChatMessage = { role: 'system', content: 'You are a kind listener.' };
const OPTIONS = { maxNewTokens: 32 };

describe('CPU engine with the tiny chat model', () => {
  const engine = new CpuEngine();
  const progress: LoadProgress[] = [];

  beforeAll(async () => {
    await engine.load(tinyModelSpec(), (p) => progress.push(p));
  });
  afterAll(() => engine.unload());

  /** Play a conversation turn by turn, as the chat screen would, keeping every reply. */
  async function converse(userTurns: string[], history: ChatMessage[] = [SYSTEM]) {
    const results: GenerationResult[] = [];
    for (const text of userTurns) {
      history.push({ role: 'user', content: text });
      const result = await engine.generate(history, OPTIONS, () => {});
      history.push({ role: 'assistant', content: result.text });
      results.push(result);
    }
    return { history, results };
  }

  it('reports load progress up to ready', () => {
    expect(progress[0]?.phase).toBe('start');
    expect(progress.at(-1)).toMatchObject({ phase: 'ready', percent: 100 });
    expect(progress.some((p) => p.phase === 'download' && (p.totalBytes ?? 0) > 0)).toBe(true);
  });

  it('streams a reply whose pieces add up to the final text', async () => {
    await engine.reset();
    const pieces: string[] = [];
    const result = await engine.generate(
      [SYSTEM, { role: 'user', content: 'I feel low today.' }],
      OPTIONS,
      (t) => pieces.push(t),
    );
    expect(result.text).toBe(TINY_REPLIES.plain);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(result.text);
    expect(result.finishReason).toBe('stop');
    expect(result.stats.newTokens).toBe(5); // four words and the end token
    expect(result.stats.cache).toBe('fresh');
    expect(result.stats.prefillTokens).toBe(result.stats.promptTokens);
  });

  it('stops mid-stream when interrupted and keeps the partial reply', async () => {
    await engine.reset();
    let pieces = 0;
    const result = await engine.generate(
      [SYSTEM, { role: 'user', content: `Tell me about your ${TINY_REPLIES.longMarker}.` }],
      { maxNewTokens: 200 },
      () => {
        if (++pieces === 2) engine.interrupt();
      },
    );
    expect(result.finishReason).toBe('interrupted');
    expect(result.stats.newTokens).toBeLessThan(10);
    expect(result.text.startsWith('I hear')).toBe(true);
  });

  it('runs a long reply to max_new_tokens when not interrupted', async () => {
    await engine.reset();
    const result = await engine.generate(
      [SYSTEM, { role: 'user', content: `A ${TINY_REPLIES.longMarker} story, please.` }],
      { maxNewTokens: 40 },
      () => {},
    );
    expect(result.finishReason).toBe('length');
    expect(result.stats.newTokens).toBe(40);
  });

  it('answers a second turn after a stopped reply, reusing the cache', async () => {
    await engine.reset();
    const history: ChatMessage[] = [SYSTEM, { role: 'user', content: `A ${TINY_REPLIES.longMarker}?` }];
    let pieces = 0;
    const first = await engine.generate(history, { maxNewTokens: 50 }, () => {
      if (++pieces === 3) engine.interrupt();
    });
    history.push({ role: 'assistant', content: first.text }, { role: 'user', content: 'Go on.' });
    const second = await engine.generate(history, { maxNewTokens: 6 }, () => {});
    expect(second.stats.cache).toBe('reused');
    expect(second.stats.cachedTokens).toBe(first.stats.promptTokens + first.stats.newTokens - 1);
    expect(second.stats.prefillTokens).toBe(second.stats.promptTokens - second.stats.cachedTokens);
    expect(second.text.startsWith('I hear you.')).toBe(true);
  });

  it('sees an earlier turn through the reused cache, processing only the new tokens', async () => {
    await engine.reset();
    const { results } = await converse(['My favourite animal is the zebra.', 'Hello again.', 'How are you?']);
    expect(results.map((r) => r.text)).toEqual([
      TINY_REPLIES.remembers,
      TINY_REPLIES.remembers,
      TINY_REPLIES.remembers,
    ]);
    for (let i = 1; i < results.length; i++) {
      const [before, turn] = [results[i - 1]!.stats, results[i]!.stats];
      expect(turn.cache).toBe('reused');
      // Everything up to the previous reply came from the cache (all but its end token, never fed back)...
      expect(turn.cachedTokens).toBe(before.promptTokens + before.newTokens - 1);
      // ...so this turn processes only what is new: that end token, the template and the new message.
      expect(turn.prefillTokens).toBe(turn.promptTokens - turn.cachedTokens);
    }
    expect(results[1]!.stats.prefillTokens).toBeLessThan(results[1]!.stats.promptTokens / 2);

    // The control: without the earlier turn the same words get the plain reply.
    await engine.reset();
    const control = await converse(['Hello again.']);
    expect(control.results[0]!.text).toBe(TINY_REPLIES.plain);
  });

  it('keeps the prefill flat over a 20-turn conversation', async () => {
    await engine.reset();
    const turns = Array.from({ length: 20 }, (_, i) => `This is message number ${i + 1}, about my week.`);
    const { results } = await converse(turns);
    const prefill = results.map((r) => r.stats.prefillTokens);
    const prompt = results.map((r) => r.stats.promptTokens);
    console.info(
      `cpu-engine: prefill per turn ${prefill.join(',')}; prompt tokens ${prompt[0]} -> ${prompt[19]}`,
    );
    expect(results.slice(1).every((r) => r.stats.cache === 'reused')).toBe(true);
    expect(prompt[19]!).toBeGreaterThan(prompt[0]! * 10);
    expect(prefill[19]!).toBeLessThanOrEqual(prefill[1]! + 2);
  });

  it('does not trust a cache whose history was edited: the trimmed turn is really gone', async () => {
    await engine.reset();
    const { history } = await converse(['I saw a zebra at the zoo.', 'It was lovely.']);
    expect(history.at(-1)!.content).toBe(TINY_REPLIES.remembers);
    // The context budget dropped the oldest exchange, the one with the marker; the cache still holds it.
    const trimmed: ChatMessage[] = [SYSTEM, ...history.slice(3), { role: 'user', content: 'And now?' }];
    const result = await engine.generate(trimmed, OPTIONS, () => {});
    expect(result.stats.cache).toBe('trimmed'); // only the system prompt's tokens survive
    expect(result.text).toBe(TINY_REPLIES.plain);

    const edited = await engine.generate(trimmed, { ...OPTIONS, historyEdited: true }, () => {});
    expect(edited.stats.cache).toBe('fresh');
    expect(edited.stats.prefillTokens).toBe(edited.stats.promptTokens);
    expect(edited.text).toBe(TINY_REPLIES.plain);
  });

  it('regenerates the last reply from the cache of the prompt before it', async () => {
    await engine.reset();
    const { history } = await converse(['I saw a zebra.']);
    const before = history.slice(0, -1);
    const again = await engine.generate(before, OPTIONS, () => {});
    expect(again.text).toBe(TINY_REPLIES.remembers);
    expect(again.stats.cache).toBe('trimmed');
    expect(again.stats.prefillTokens).toBe(1);
  });

  it('refuses a prompt longer than the context window with a named error', async () => {
    const long = 'word '.repeat(5000);
    await expect(
      engine.generate([SYSTEM, { role: 'user', content: long }], OPTIONS, () => {}),
    ).rejects.toBeInstanceOf(ContextTooLongError);
  });
});

describe('CPU engine without a model', () => {
  it('says no model is loaded', async () => {
    await expect(new CpuEngine().generate([], { maxNewTokens: 4 }, () => {})).rejects.toBeInstanceOf(
      ModelNotLoadedError,
    );
  });
});

describe('planCacheReuse', () => {
  it('reuses a cache that is a prefix of the prompt', () => {
    expect(planCacheReuse([1, 2, 3], [1, 2, 3, 4, 5])).toEqual({ keep: 3, use: 'reused' });
  });
  it('trims to the common prefix when history differs', () => {
    expect(planCacheReuse([1, 2, 3, 9], [1, 2, 3, 4, 5])).toEqual({ keep: 3, use: 'trimmed' });
  });
  it('always leaves one prompt token to process', () => {
    expect(planCacheReuse([1, 2, 3, 4], [1, 2, 3])).toEqual({ keep: 2, use: 'trimmed' });
  });
  it('starts fresh when told history was edited or nothing matches', () => {
    expect(planCacheReuse([1, 2], [1, 2, 3], true)).toEqual({ keep: 0, use: 'fresh' });
    expect(planCacheReuse([7, 2], [1, 2, 3])).toEqual({ keep: 0, use: 'fresh' });
    expect(planCacheReuse([], [1])).toEqual({ keep: 0, use: 'fresh' });
  });
});
