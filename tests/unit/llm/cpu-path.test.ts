/**
 * The CPU path end to end in Node: the main-thread client, the protocol, the worker host and the real CPU
 * engine running the generated tiny model. Only the Worker itself is replaced by an in-process one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CpuEngine } from '../../../src/lib/llm/cpu-engine';
import { LlmEngineClient } from '../../../src/lib/llm/engine-client';
import type { ChatMessage, ModelInfo } from '../../../src/workers/llm-protocol';
import { TINY_REPLIES } from '../../fixtures/tiny-decoder';
import { InProcessWorker } from './fake-worker';
import { tinyModelSpec } from './tiny-model';

describe('CPU chat through the worker protocol', () => {
  const client = new LlmEngineClient(() => new InProcessWorker(new CpuEngine()));
  let info: ModelInfo;
  const phases: string[] = [];
  const history: ChatMessage[] = [{ role: 'system', content: 'You are a warm, supportive listener.' }];

  beforeAll(async () => {
    info = await client.load(tinyModelSpec(), { onProgress: (p) => phases.push(p.phase) });
  });
  afterAll(() => client.dispose());

  it('loads, reporting each step', () => {
    expect(info).toMatchObject({ engine: 'cpu', modelId: 'tiny-chat' });
    expect(phases[0]).toBe('start');
    expect(phases).toContain('download');
    expect(phases.at(-1)).toBe('ready');
  });

  it('streams the first reply', async () => {
    history.push({ role: 'user', content: 'I have a zebra plush that calms me.' });
    const stream = client.stream(history, { maxNewTokens: 32 });
    const pieces: string[] = [];
    for await (const piece of stream) pieces.push(piece);
    const result = await stream.result;
    expect(pieces.join('')).toBe(TINY_REPLIES.remembers);
    expect(result.stats.cache).toBe('fresh');
    history.push({ role: 'assistant', content: result.text });
  });

  it('stops a long reply when asked', async () => {
    history.push({ role: 'user', content: `Tell me a ${TINY_REPLIES.longMarker} of a story.` });
    let pieces = 0;
    const result = await client.generate(
      history,
      { maxNewTokens: 500 },
      {
        onToken: () => {
          if (++pieces === 2) void client.interrupt();
        },
      },
    );
    expect(result.finishReason).toBe('interrupted');
    expect(result.stats.newTokens).toBeLessThan(100);
    history.push({ role: 'assistant', content: result.text });
  });

  it('answers the next turn from the cache, still remembering the first', async () => {
    history.push({ role: 'user', content: 'Thanks.' });
    const result = await client.generate(history, { maxNewTokens: 8 });
    expect(result.stats.cache).toBe('reused');
    expect(result.stats.prefillTokens).toBe(result.stats.promptTokens - result.stats.cachedTokens);
    expect(result.stats.prefillTokens).toBeLessThan(result.stats.promptTokens / 2);
    expect(result.text.startsWith(TINY_REPLIES.remembers)).toBe(true);
  });

  it('starts clean after reset (a new conversation)', async () => {
    await client.reset();
    const result = await client.generate([history[0]!, { role: 'user', content: 'Hello.' }], {
      maxNewTokens: 8,
    });
    expect(result.stats.cache).toBe('fresh');
    expect(result.text).toBe(TINY_REPLIES.plain);
  });
});
