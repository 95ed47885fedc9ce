/**
 * The real pipeline end to end: transformers.js loads the tiny generated classifiers from disk through
 * the handler (local path, no remote models), classifies, and the handler maps the output into the app's
 * scheme. Nothing is faked except the worker's postMessage, which the test records.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EmotionClassifierHandler,
  unavailableReason,
  type ClassifierHandlerDeps,
} from '../../../src/lib/emotion/classifier-handler';
import type { EmotionResult } from '../../../src/lib/emotion/scheme';
import type { EmotionLoadOptions, EmotionResponse } from '../../../src/workers/emotion-protocol';
import {
  GENERATED_DIR,
  TINY_GO_EMOTIONS_ID,
  TINY_SENTIMENT_ID,
  generateTinyEmotionModels,
} from '../../fixtures/tiny-classifier';

const LOCAL_OPTIONS: EmotionLoadOptions = {
  models: [
    { id: TINY_GO_EMOTIONS_ID, languages: ['en'] },
    { id: TINY_SENTIMENT_ID, languages: ['zh'] },
  ],
  allowRemoteModels: false,
  localModelPath: `${GENERATED_DIR}/`,
};

function recordingHandler(deps: Partial<ClassifierHandlerDeps> = {}) {
  const messages: EmotionResponse[] = [];
  const handler = new EmotionClassifierHandler({ post: (message) => messages.push(message), ...deps });
  return { handler, messages };
}

async function classify(handler: EmotionClassifierHandler, messages: EmotionResponse[], texts: string[]) {
  const id = Math.floor(Math.random() * 1e9);
  await handler.handle({ kind: 'classify', id, texts });
  const reply = messages.find((message) => 'id' in message && message.id === id);
  if (reply?.kind !== 'result') throw new Error(`no result: ${JSON.stringify(reply)}`);
  return reply.results;
}

function topEmotion(result: EmotionResult | undefined) {
  return result?.top[0]?.emotion;
}

beforeAll(() => {
  generateTinyEmotionModels(GENERATED_DIR);
});

describe('classifier handler with the real pipeline and tiny models', () => {
  it('loads both models, reports ready with their labels and mapping, and forwards progress', async () => {
    const { handler, messages } = recordingHandler();
    await handler.handle({ kind: 'load', options: LOCAL_OPTIONS });
    const ready = messages.find((message) => message.kind === 'ready');
    expect(ready).toBeDefined();
    if (ready?.kind !== 'ready') return;
    const goEmotions = ready.models.find((model) => model.id === TINY_GO_EMOTIONS_ID);
    const sentiment = ready.models.find((model) => model.id === TINY_SENTIMENT_ID);
    expect(goEmotions?.labels).toHaveLength(28);
    expect(goEmotions?.mapping).toBe('go-emotions');
    expect(sentiment?.labels).toEqual(['positive', 'neutral', 'negative']);
    expect(sentiment?.mapping).toBe('sentiment');
    expect(
      messages.some((message) => message.kind === 'progress' && message.model === TINY_GO_EMOTIONS_ID),
    ).toBe(true);
    expect(messages.some((message) => message.kind === 'error')).toBe(false);
  });

  it('reads English through the GoEmotions model and Chinese through the multilingual one', async () => {
    const { handler, messages } = recordingHandler();
    await handler.handle({ kind: 'load', options: LOCAL_OPTIONS });
    const results = await classify(handler, messages, [
      'I feel so happy today',
      'I am sad',
      'I was scared',
      '我今天很开心',
      '我很难过',
      '我有点害怕',
      'I went to the shop',
    ]);
    expect(results.map(topEmotion)).toEqual(['joy', 'sadness', 'fear', 'joy', 'sadness', 'fear', 'neutral']);
    expect(results.map((result) => result.model)).toEqual([
      TINY_GO_EMOTIONS_ID,
      TINY_GO_EMOTIONS_ID,
      TINY_GO_EMOTIONS_ID,
      TINY_SENTIMENT_ID,
      TINY_SENTIMENT_ID,
      TINY_SENTIMENT_ID,
      TINY_GO_EMOTIONS_ID,
    ]);
    const [happy, sad, scared, zhHappy, zhSad, zhScared, neutral] = results;
    expect(happy?.valence).toBeGreaterThan(0.5);
    expect(sad?.valence).toBeLessThan(-0.5);
    expect(scared?.arousal).toBeGreaterThan(sad?.arousal ?? 1);
    expect(zhHappy?.valence).toBeGreaterThan(0.5);
    expect(zhSad?.valence).toBeLessThan(-0.4);
    expect(zhScared?.valence).toBeLessThan(-0.4);
    expect(Math.abs(neutral?.valence ?? 1)).toBeLessThan(0.1);
    for (const result of results) {
      expect(result.confidence).toBeGreaterThan(0.5);
      expect(result.top.length).toBeGreaterThanOrEqual(1);
      expect(result.top.length).toBeLessThanOrEqual(3);
    }
  });

  it('loads a model lazily on the first text of its language when it was not preloaded', async () => {
    const { handler, messages } = recordingHandler();
    await handler.handle({ kind: 'load', options: { ...LOCAL_OPTIONS, preload: ['en'] } });
    const ready = messages.find((message) => message.kind === 'ready');
    expect(ready?.kind === 'ready' && ready.models.map((model) => model.id)).toEqual([TINY_GO_EMOTIONS_ID]);
    const [result] = await classify(handler, messages, ['我很难过']);
    expect(result?.model).toBe(TINY_SENTIMENT_ID);
    expect(topEmotion(result)).toBe('sadness');
  });

  it('answers an empty batch with an empty result', async () => {
    const { handler, messages } = recordingHandler();
    await handler.handle({ kind: 'load', options: LOCAL_OPTIONS });
    expect(await classify(handler, messages, [])).toEqual([]);
  });

  it('reports a missing model as not downloaded, and still works once the files exist', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'solace-models-'));
    const { handler, messages } = recordingHandler();
    await handler.handle({ kind: 'load', options: { ...LOCAL_OPTIONS, localModelPath: `${empty}/` } });
    const error = messages.find((message) => message.kind === 'error');
    expect(error).toMatchObject({ kind: 'error', name: 'ModelUnavailableError', reason: 'not-downloaded' });
    expect(error && 'id' in error ? error.id : undefined).toBeUndefined();

    await handler.handle({ kind: 'classify', id: 7, texts: ['I am sad'] });
    expect(messages.at(-1)).toMatchObject({ kind: 'error', id: 7, reason: 'not-downloaded' });

    generateTinyEmotionModels(empty);
    const [result] = await classify(handler, messages, ['I am sad']);
    expect(topEmotion(result)).toBe('sadness');
  });

  it('answers a text sent before load, or after unload, with a not-loaded error', async () => {
    const { handler, messages } = recordingHandler();
    await handler.handle({ kind: 'classify', id: 1, texts: ['hello'] });
    expect(messages.at(-1)).toMatchObject({
      kind: 'error',
      id: 1,
      name: 'ModelUnavailableError',
      reason: 'not-loaded',
    });

    await handler.handle({ kind: 'load', options: LOCAL_OPTIONS });
    await handler.handle({ kind: 'unload' });
    await handler.handle({ kind: 'classify', id: 2, texts: ['hello'] });
    expect(messages.at(-1)).toMatchObject({ kind: 'error', id: 2, reason: 'not-loaded' });
  });

  it('loads each model once however many requests arrive together', async () => {
    let pipelines = 0;
    const { handler, messages } = recordingHandler({
      loadTransformers: async () => {
        const real = await import('@huggingface/transformers');
        return {
          env: real.env,
          pipeline: (...args: Parameters<typeof real.pipeline>) => {
            pipelines++;
            return real.pipeline(...args);
          },
        } as never;
      },
    });
    await handler.handle({ kind: 'load', options: { ...LOCAL_OPTIONS, preload: [] } });
    await Promise.all([
      handler.handle({ kind: 'classify', id: 1, texts: ['I am sad'] }),
      handler.handle({ kind: 'classify', id: 2, texts: ['I am happy'] }),
      handler.handle({ kind: 'classify', id: 3, texts: ['I was scared'] }),
    ]);
    expect(pipelines).toBe(1);
    const results = messages.filter((message) => message.kind === 'result');
    expect(results.map((message) => message.kind === 'result' && topEmotion(message.results[0]))).toEqual([
      'sadness',
      'joy',
      'fear',
    ]);
  });

  it('configures where files come from and where the ONNX Runtime wasm files are served from', async () => {
    const env = {
      allowRemoteModels: true,
      allowLocalModels: false,
      localModelPath: '',
      remoteHost: 'https://huggingface.co/',
      remotePathTemplate: '{model}/resolve/{revision}/',
      backends: { onnx: { wasm: { wasmPaths: undefined as unknown } } },
    };
    const { handler, messages } = recordingHandler({
      loadTransformers: () =>
        Promise.resolve({
          env,
          pipeline: () => Promise.reject(new TypeError('Failed to fetch')),
        }),
    });
    await handler.handle({
      kind: 'load',
      options: {
        models: [{ id: 'org/model', languages: ['en', 'zh'] }],
        allowRemoteModels: true,
        localModelPath: '/models/',
        remoteHost: 'https://models.example.org/',
        remotePathTemplate: '{model}/',
        wasmPaths: { mjs: '/assets/ort-abc.mjs', wasm: '/assets/ort-abc.wasm' },
      },
    });
    expect(env).toMatchObject({
      allowRemoteModels: true,
      allowLocalModels: true,
      localModelPath: '/models/',
      remoteHost: 'https://models.example.org/',
      remotePathTemplate: '{model}/',
      backends: {
        onnx: { wasm: { wasmPaths: { mjs: '/assets/ort-abc.mjs', wasm: '/assets/ort-abc.wasm' } } },
      },
    });
    expect(messages.at(-1)).toMatchObject({ kind: 'error', reason: 'offline' });
  });

  it('falls back from WebGPU to WASM when the adapter cannot run the model', async () => {
    const devices: (string | undefined)[] = [];
    const { handler, messages } = recordingHandler({
      detectDevice: () => Promise.resolve('webgpu'),
      loadTransformers: async () => {
        const real = await import('@huggingface/transformers');
        return {
          env: real.env,
          pipeline: (task: 'text-classification', model: string, options: { device?: string }) => {
            devices.push(options.device);
            if (options.device === 'webgpu')
              return Promise.reject(new Error('no available backend for webgpu'));
            // Node has no WASM device for ONNX Runtime; the CPU stands in for it here.
            return real.pipeline(task, model, { ...options, device: 'cpu' });
          },
        };
      },
    });
    await handler.handle({ kind: 'load', options: { ...LOCAL_OPTIONS, preload: ['en'] } });
    expect(devices).toEqual(['webgpu', 'wasm']);
    const ready = messages.find((message) => message.kind === 'ready');
    expect(ready?.kind === 'ready' && ready.models[0]?.device).toBe('wasm');
  });
});

describe('why a model is unavailable', () => {
  it('tells a switched-off download from being offline from a broken file', () => {
    const notLocal = new Error(
      '`local_files_only=true` or `env.allowRemoteModels=false` and file was not found locally at "/models/x/config.json".',
    );
    expect(unavailableReason(notLocal, true)).toBe('not-downloaded');
    expect(unavailableReason(new TypeError('Failed to fetch'), true)).toBe('offline');
    expect(unavailableReason(new Error('Could not locate file'), false)).toBe('offline');
    expect(unavailableReason(new SyntaxError("Unexpected token '<'"), true)).toBe('load-failed');
  });
});
