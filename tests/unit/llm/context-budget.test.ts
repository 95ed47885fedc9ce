import { AutoTokenizer, env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateTokens, fitContext, type TokenCounter } from '../../../src/lib/llm/context-budget';
import { CpuEngine } from '../../../src/lib/llm/cpu-engine';
import { buildMessages, systemPrompt, type HistoryTurn } from '../../../src/lib/llm/prompt';
import { CRISIS_INSTRUCTION } from '../../../src/lib/safety/prompts';
import type { ChatMessage } from '../../../src/workers/llm-protocol';
import { MODELS_DIR, tinyModelSpec } from './tiny-model';

function longHistory(turns: number): ChatMessage[] {
  return Array.from({ length: turns }, (_, i) => [
    {
      role: 'user' as const,
      content: `Turn ${i}: today I thought about my family, my work and how tired I feel.`,
    },
    {
      role: 'assistant' as const,
      content: `Reply ${i}: that sounds like a lot to carry. What feels heaviest?`,
    },
  ]).flat();
}

describe('estimateTokens', () => {
  it('counts CJK characters one each and other text by three characters', () => {
    expect(estimateTokens('你好世界')).toBe(4);
    expect(estimateTokens('hello world!')).toBe(4);
    expect(estimateTokens('')).toBe(0);
  });
});

describe('fitContext', () => {
  const system = systemPrompt('en');
  const latest: ChatMessage = {
    role: 'user',
    content: `[App note. Safety: ${CRISIS_INSTRUCTION.en}]\n\nI can't go on.`,
  };

  it('trims a 200-turn history to fit, keeping the system prompt and the latest turn with its crisis note', async () => {
    const history = longHistory(200);
    const result = await fitContext({ system, history, latest, contextWindow: 4096, reserveTokens: 512 });
    expect(result.promptTokens).toBeLessThanOrEqual(4096 - 512);
    expect(result.messages[0]).toEqual({ role: 'system', content: system });
    expect(result.messages.at(-1)).toEqual(latest);
    expect(result.messages[1]!.role).toBe('user');
    expect(result.edited).toBe(true);
    expect(result.state.start).toBeGreaterThan(0);
    // The kept turns are the most recent ones, unchanged.
    expect(result.messages.slice(1, -1)).toEqual(history.slice(result.state.start));
  });

  it('trims with headroom, so the next turns reuse the same prefix without trimming again', async () => {
    const history = longHistory(200);
    const first = await fitContext({ system, history, latest, contextWindow: 4096, reserveTokens: 512 });
    const next = [...history, latest, { role: 'assistant' as const, content: 'I am here with you.' }];
    const second = await fitContext({
      system,
      history: next,
      latest: { role: 'user', content: 'Thank you.' },
      state: first.state,
      contextWindow: 4096,
      reserveTokens: 512,
    });
    expect(second.edited).toBe(false);
    expect(second.messages.slice(0, first.messages.length)).toEqual(first.messages);
  });

  it('leaves a short conversation alone', async () => {
    const history = longHistory(3);
    const result = await fitContext({ system, history, latest, contextWindow: 4096, reserveTokens: 512 });
    expect(result.edited).toBe(false);
    expect(result.messages).toHaveLength(history.length + 2);
  });

  it('folds dropped turns into a summary when a summariser is given', async () => {
    const history = longHistory(200);
    const seen: number[] = [];
    const result = await fitContext({
      system,
      history,
      latest,
      contextWindow: 4096,
      reserveTokens: 512,
      summarise: (dropped, previous) => {
        seen.push(dropped.length);
        return Promise.resolve(
          `${previous ?? ''}They talked about family and work over ${dropped.length / 2} exchanges.`,
        );
      },
    });
    expect(seen).toEqual([result.state.start]);
    expect(result.state.summary).toMatch(/family and work/);
    expect(result.messages[1]!.content.startsWith('[Summary of the earlier conversation:')).toBe(true);
    expect(result.messages[0]!.content).toBe(system);
  });

  it('shortens a single huge message instead of failing, keeping its head with the crisis note', async () => {
    const huge: ChatMessage = { role: 'user', content: latest.content + ' ' + 'word '.repeat(20_000) };
    const result = await fitContext({
      system,
      history: [],
      latest: huge,
      contextWindow: 4096,
      reserveTokens: 512,
    });
    expect(result.latestShortened).toBe(true);
    expect(result.promptTokens).toBeLessThanOrEqual(4096 - 512);
    expect(result.messages.at(-1)!.content).toContain(CRISIS_INSTRUCTION.en);
  });
});

describe('the budget with the real tokenizer and engine', () => {
  const engine = new CpuEngine({ warmUp: false });
  let counter: TokenCounter;

  beforeAll(async () => {
    const spec = tinyModelSpec();
    env.localModelPath = MODELS_DIR;
    env.allowRemoteModels = false;
    const tokenizer = await AutoTokenizer.from_pretrained(spec.modelId);
    counter = { count: (text) => tokenizer.encode(text, { add_special_tokens: false }).length };
    await engine.load({ ...spec, contextWindow: 2048 }, () => {});
  });
  afterAll(() => engine.unload());

  it('a 200-turn conversation never overflows a 2048-token model (the byte-level system prompt alone is ~1300), turn after turn', async () => {
    const stored: HistoryTurn[] = longHistory(200).map((m) => ({
      role: m.role as 'user' | 'assistant',
      content: m.content,
    }));
    let state;
    const prefill: number[] = [];
    for (let turn = 0; turn < 6; turn++) {
      const userText = `New message ${turn}.`;
      const { messages, sent } = buildMessages({ locale: 'en', history: stored, userText });
      const fitted = await fitContext({
        system: messages[0]!.content,
        history: messages.slice(1, -1),
        latest: messages.at(-1)!,
        state,
        contextWindow: 2048,
        reserveTokens: 64,
        counter,
      });
      state = fitted.state;
      const result = await engine.generate(
        fitted.messages,
        { maxNewTokens: 64, historyEdited: fitted.edited },
        () => {},
      );
      expect(result.stats.promptTokens + result.stats.newTokens).toBeLessThanOrEqual(2048);
      prefill.push(result.stats.prefillTokens);
      stored.push({ role: 'user', content: userText, sent }, { role: 'assistant', content: result.text });
    }
    console.info(`context-budget: prefill per turn ${prefill.join(',')}`);
    // The first turn trims (a full prefill); the turns after it reuse the cache.
    expect(prefill.slice(1).every((p) => p < prefill[0]! / 4)).toBe(true);
  });
});
