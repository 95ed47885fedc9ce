import { afterEach, describe, expect, it } from 'vitest';
import type { EngineHandler } from '../../../src/lib/llm/engine';
import { LlmEngineClient } from '../../../src/lib/llm/engine-client';
import {
  EngineBusyError,
  InterruptedError,
  ModelNotLoadedError,
  NetworkError,
  WorkerCrashedError,
} from '../../../src/lib/llm/errors';
import type { ChatMessage, GenerateOptions, LoadProgress, LoadSpec } from '../../../src/workers/llm-protocol';
import { InProcessWorker } from './fake-worker';

const tick = () => new Promise((r) => setTimeout(r, 1));
const SPEC: LoadSpec = { engine: 'cpu', modelId: 'fake-model', contextWindow: 1024 };
const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'Be kind.' },
  { role: 'user', content: 'Hi' },
];
const OPTIONS: GenerateOptions = { maxNewTokens: 50 };
const WORDS = ['Hello', ' there', ',', ' how', ' are', ' you', ' feeling', ' today', '?'];

/** A scripted engine: real protocol, no model. */
class ScriptedEngine implements EngineHandler {
  loaded = false;
  resets = 0;
  failLoadWith: Error | undefined;
  hangLoad = false;
  #interrupted = false;
  #busy = false;

  async load(spec: LoadSpec, onProgress: (p: LoadProgress) => void) {
    if (this.hangLoad) return new Promise<never>(() => {});
    for (const percent of [0, 50, 100]) {
      onProgress({
        phase: 'download',
        percent,
        loadedBytes: percent * 10,
        totalBytes: 1000,
        step: `${percent}%`,
      });
      await tick();
    }
    if (this.failLoadWith) throw this.failLoadWith;
    this.loaded = true;
    return { engine: 'cpu' as const, modelId: spec.modelId, contextWindow: spec.contextWindow, loadMs: 3 };
  }

  async generate(_messages: ChatMessage[], _options: GenerateOptions, onToken: (t: string) => void) {
    if (!this.loaded) throw new ModelNotLoadedError();
    if (this.#busy) throw new EngineBusyError();
    this.#busy = true;
    this.#interrupted = false;
    const out: string[] = [];
    try {
      for (const word of WORDS) {
        if (this.#interrupted) break;
        out.push(word);
        onToken(word);
        await tick();
      }
    } finally {
      this.#busy = false;
    }
    const stats = {
      promptTokens: 10,
      prefillTokens: 10,
      cachedTokens: 0,
      cache: 'fresh' as const,
      newTokens: out.length,
      timeToFirstTokenMs: 1,
      decodeTokensPerSecond: 100,
      totalMs: 10,
    };
    return {
      text: out.join(''),
      finishReason: this.#interrupted ? ('interrupted' as const) : ('stop' as const),
      stats,
    };
  }

  interrupt() {
    this.#interrupted = true;
  }
  reset() {
    this.resets++;
    return Promise.resolve();
  }
  unload() {
    this.loaded = false;
    return Promise.resolve();
  }
}

describe('LlmEngineClient against a worker speaking the protocol', () => {
  const workers: InProcessWorker[] = [];
  let engine: ScriptedEngine;
  /** Each worker gets its own engine, as each real worker has its own memory. */
  const client = (timeouts = {}, setup: (e: ScriptedEngine) => void = () => {}) => {
    return new LlmEngineClient(
      () => {
        engine = new ScriptedEngine();
        setup(engine);
        const w = new InProcessWorker(engine);
        workers.push(w);
        return w;
      },
      { timeouts },
    );
  };
  afterEach(() => {
    workers.length = 0;
  });

  it('loads with progress in order, then reports the model', async () => {
    const c = client();
    const seen: number[] = [];
    const info = await c.load(SPEC, { onProgress: (p) => seen.push(p.percent) });
    expect(seen).toEqual([0, 50, 100]);
    expect(info).toMatchObject({ engine: 'cpu', modelId: 'fake-model', contextWindow: 1024 });
  });

  it('streams a reply piece by piece through a callback', async () => {
    const c = client();
    await c.load(SPEC);
    const pieces: string[] = [];
    const result = await c.generate(MESSAGES, OPTIONS, { onToken: (t) => pieces.push(t) });
    expect(pieces).toEqual(WORDS);
    expect(result.text).toBe(WORDS.join(''));
    expect(result.finishReason).toBe('stop');
    expect(c.generating).toBe(false);
  });

  it('streams a reply through an async iterator', async () => {
    const c = client();
    await c.load(SPEC);
    const stream = c.stream(MESSAGES, OPTIONS);
    let text = '';
    for await (const piece of stream) text += piece;
    expect(text).toBe(WORDS.join(''));
    expect((await stream.result).text).toBe(text);
  });

  it('stops a reply mid-stream and keeps what was said', async () => {
    const c = client();
    await c.load(SPEC);
    const pieces: string[] = [];
    const reply = c.generate(MESSAGES, OPTIONS, {
      onToken: (t) => {
        pieces.push(t);
        if (pieces.length === 2) void c.interrupt();
      },
    });
    const result = await reply;
    expect(result.finishReason).toBe('interrupted');
    expect(pieces.length).toBeLessThan(WORDS.length);
    expect(result.text).toBe(pieces.join(''));
  });

  it('rebuilds named errors from the data the worker sends', async () => {
    const c = client({}, (e) => (e.failLoadWith = new TypeError('Failed to fetch')));
    const error = await c.generate(MESSAGES, OPTIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelNotLoadedError);
    expect((error as ModelNotLoadedError).code).toBe('model-not-loaded');
    await expect(c.load(SPEC)).rejects.toBeInstanceOf(NetworkError);
  });

  it('matches replies to requests by id when they finish out of order', async () => {
    const c = client();
    const loading = c.load(SPEC);
    await tick();
    await c.reset(); // answered while the load is still running
    expect(engine.resets).toBe(1);
    await expect(loading).resolves.toMatchObject({ modelId: 'fake-model' });
    expect(workers[0]!.sent.map((m) => m.kind)).toEqual(['load', 'reset']);
    expect(new Set(workers[0]!.sent.map((m) => m.id)).size).toBe(2);
  });

  it('turns a worker crash into WorkerCrashedError and starts a fresh worker next time', async () => {
    const c = client();
    await c.load(SPEC);
    const reply = c.generate(MESSAGES, OPTIONS, { onToken: () => workers[0]!.crash('out of memory') });
    await expect(reply).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(workers[0]!.terminated).toBe(true);
    expect(c.generating).toBe(false);

    await c.load(SPEC); // the chat reloads the model; the conversation lives in the store
    expect(workers).toHaveLength(2);
    await expect(c.generate(MESSAGES, OPTIONS)).resolves.toMatchObject({ finishReason: 'stop' });
  });

  it('treats a worker that stops answering as crashed', async () => {
    const c = client({ load: 30 }, (e) => (e.hangLoad = true));
    await expect(c.load(SPEC)).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('rejects what is pending with InterruptedError when disposed (cancel download)', async () => {
    const c = client();
    const loading = c.load(SPEC);
    c.dispose();
    await expect(loading).rejects.toBeInstanceOf(InterruptedError);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('does not message the worker to interrupt when nothing is generating', async () => {
    const c = client();
    await c.load(SPEC);
    await c.interrupt();
    expect(workers[0]!.sent.map((m) => m.kind)).toEqual(['load']);
  });
});
