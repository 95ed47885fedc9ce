/**
 * The main-thread client against workers at the edge: one running the real handler and tiny models in
 * process, and scripted ones for the failures a real worker can produce (crash, offline, failed run).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EmotionClient,
  errorFromData,
  type EmotionStatus,
  type EmotionWorkerLike,
} from '../../../src/lib/emotion/emotion-client';
import {
  ClassificationError,
  EmotionWorkerClosedError,
  ModelUnavailableError,
  UNAVAILABLE_MESSAGES,
  UNAVAILABLE_REASONS,
} from '../../../src/lib/emotion/errors';
import type { EmotionResult } from '../../../src/lib/emotion/scheme';
import type { EmotionLoadOptions, EmotionRequest } from '../../../src/workers/emotion-protocol';
import {
  GENERATED_DIR,
  TINY_GO_EMOTIONS_ID,
  TINY_SENTIMENT_ID,
  generateTinyEmotionModels,
} from '../../fixtures/tiny-classifier';
import { InProcessEmotionWorker, ScriptedEmotionWorker } from './fake-worker';

const OPTIONS: EmotionLoadOptions = {
  models: [
    { id: TINY_GO_EMOTIONS_ID, languages: ['en'] },
    { id: TINY_SENTIMENT_ID, languages: ['zh'] },
  ],
  allowRemoteModels: false,
  localModelPath: `${GENERATED_DIR}/`,
};

function result(emotion: EmotionResult['top'][number]['emotion'], valence: number): EmotionResult {
  return { top: [{ emotion, score: 1 }], valence, arousal: 0.3, confidence: 0.9, model: 'scripted' };
}

/** A worker that loads fine and answers each text with `result(...)` by its first word. */
function happyPathScript(message: EmotionRequest, worker: ScriptedEmotionWorker): void {
  if (message.kind === 'load') worker.reply({ kind: 'ready', models: [] });
  if (message.kind === 'classify') {
    worker.reply({
      kind: 'result',
      id: message.id,
      results: message.texts.map((text) =>
        text.startsWith('sad') ? result('sadness', -0.7) : result('joy', 0.8),
      ),
    });
  }
}

function counted<W extends EmotionWorkerLike>(make: () => W) {
  const made: W[] = [];
  return {
    made,
    factory: () => {
      const worker = make();
      made.push(worker);
      return worker;
    },
  };
}

beforeAll(() => {
  generateTinyEmotionModels(GENERATED_DIR);
});

describe('emotion client with the real handler in a worker', () => {
  it('loads lazily on the first text and returns mapped results in order', async () => {
    const workers = counted(() => new InProcessEmotionWorker());
    const statuses: EmotionStatus['state'][] = [];
    const client = new EmotionClient(OPTIONS, { createWorker: workers.factory });
    client.subscribe((status) => statuses.push(status.state));
    expect(client.status.state).toBe('idle');
    expect(workers.made).toHaveLength(0);

    const results = await client.classify(['I feel happy', '我很难过', 'I was scared']);
    expect(results.map((r) => r.top[0]?.emotion)).toEqual(['joy', 'sadness', 'fear']);
    expect(workers.made).toHaveLength(1);
    expect(workers.made[0]?.sent.map((m) => m.kind)).toEqual(['load', 'classify']);
    // Progress updates repeat `loading`; the states themselves go idle -> loading -> ready.
    expect(statuses.filter((state, i) => state !== statuses[i - 1])).toEqual(['loading', 'ready']);
    expect(client.status.state === 'ready' && client.status.models.map((m) => m.id)).toEqual([
      TINY_GO_EMOTIONS_ID,
      TINY_SENTIMENT_ID,
    ]);
    client.dispose();
  });

  it('gives each of several concurrent calls its own results', async () => {
    const client = new EmotionClient(OPTIONS, { createWorker: () => new InProcessEmotionWorker() });
    const [a, b, c] = await Promise.all([
      client.classify(['I am sad']),
      client.classify(['I am happy', 'thanks']),
      client.classify(['我害怕']),
    ]);
    expect(a?.map((r) => r.top[0]?.emotion)).toEqual(['sadness']);
    expect(b?.map((r) => r.top[0]?.emotion)).toEqual(['joy', 'gratitude']);
    expect(c?.map((r) => r.top[0]?.emotion)).toEqual(['fear']);
    client.dispose();
  });

  it('says "not downloaded" when the model is missing, without crashing, and works after a retry', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'solace-models-'));
    const workers = counted(() => new InProcessEmotionWorker());
    const client = new EmotionClient(
      { ...OPTIONS, localModelPath: `${empty}/` },
      { createWorker: workers.factory },
    );
    const outcome = await client.tryClassify(['I am sad']);
    expect(outcome).toMatchObject({ ok: false, reason: 'not-downloaded' });
    expect(!outcome.ok && outcome.error).toBeInstanceOf(ModelUnavailableError);
    expect(client.status).toMatchObject({ state: 'unavailable', reason: 'not-downloaded' });

    // A switched-off download stays unavailable until asked again: no new load per message.
    const again = await client.tryClassify(['I am sad']);
    expect(again).toMatchObject({ ok: false, reason: 'not-downloaded' });
    expect(workers.made[0]?.sent.filter((m) => m.kind === 'load')).toHaveLength(1);

    generateTinyEmotionModels(empty);
    await client.load();
    const retried = await client.tryClassify(['I am sad']);
    expect(retried.ok && retried.results[0]?.top[0]?.emotion).toBe('sadness');
    client.dispose();
  });
});

describe('emotion client against scripted workers', () => {
  it('matches replies to requests by id when they come back out of order', async () => {
    const held: Extract<EmotionRequest, { kind: 'classify' }>[] = [];
    const worker = new ScriptedEmotionWorker((message, self) => {
      if (message.kind === 'load') self.reply({ kind: 'ready', models: [] });
      if (message.kind === 'classify') {
        held.push(message);
        if (held.length === 2) {
          for (const request of [...held].reverse()) happyPathScript(request, self);
        }
      }
    });
    const client = new EmotionClient(OPTIONS, { createWorker: () => worker });
    const [first, second] = await Promise.all([client.classify(['sad day']), client.classify(['good day'])]);
    expect(first?.[0]?.top[0]?.emotion).toBe('sadness');
    expect(second?.[0]?.top[0]?.emotion).toBe('joy');
    const ids = worker.sent.flatMap((m) => (m.kind === 'classify' ? [m.id] : []));
    expect(new Set(ids).size).toBe(2);
  });

  it('retries an offline load with the next text, and recovers when the network is back', async () => {
    let online = false;
    const worker = new ScriptedEmotionWorker((message, self) => {
      if (message.kind === 'load' && !online) {
        self.reply({
          kind: 'error',
          name: 'ModelUnavailableError',
          message: 'Failed to fetch',
          reason: 'offline',
        });
        return;
      }
      happyPathScript(message, self);
    });
    const client = new EmotionClient(OPTIONS, { createWorker: () => worker });
    expect(await client.tryClassify(['good'])).toMatchObject({ ok: false, reason: 'offline' });
    expect(client.status).toMatchObject({ state: 'unavailable', reason: 'offline' });
    online = true;
    const outcome = await client.tryClassify(['good']);
    expect(outcome.ok && outcome.results[0]?.top[0]?.emotion).toBe('joy');
    expect(worker.sent.filter((m) => m.kind === 'load')).toHaveLength(2);
    expect(client.status.state).toBe('ready');
  });

  it('reports a failed run as "failed" and keeps the classifier ready for the next text', async () => {
    let failNext = true;
    const worker = new ScriptedEmotionWorker((message, self) => {
      if (message.kind === 'classify' && failNext) {
        failNext = false;
        self.reply({ kind: 'error', id: message.id, name: 'ClassificationError', message: 'ORT failed' });
        return;
      }
      happyPathScript(message, self);
    });
    const client = new EmotionClient(OPTIONS, { createWorker: () => worker });
    const outcome = await client.tryClassify(['good']);
    expect(outcome).toMatchObject({ ok: false, reason: 'failed' });
    expect(!outcome.ok && outcome.error).toBeInstanceOf(ClassificationError);
    expect(client.status.state).toBe('ready');
    expect((await client.tryClassify(['good'])).ok).toBe(true);
  });

  it('rejects what is in flight when the worker crashes, and starts a fresh worker on load()', async () => {
    const workers = counted(
      () =>
        new ScriptedEmotionWorker((message, self) => {
          if (message.kind === 'classify' && workers.made.length === 1) {
            self.crash('out of memory');
            return;
          }
          happyPathScript(message, self);
        }),
    );
    const client = new EmotionClient(OPTIONS, { createWorker: workers.factory });
    await expect(client.classify(['good'])).rejects.toBeInstanceOf(EmotionWorkerClosedError);
    expect(workers.made[0]?.terminated).toBe(true);
    expect(client.status).toMatchObject({ state: 'unavailable', reason: 'load-failed' });
    expect(await client.tryClassify(['good'])).toMatchObject({ ok: false, reason: 'load-failed' });

    await client.load();
    expect(workers.made).toHaveLength(2);
    expect((await client.classify(['sad'])).map((r) => r.top[0]?.emotion)).toEqual(['sadness']);
  });

  it('answers no texts without starting a worker, and forwards download progress', async () => {
    const progress: number[] = [];
    const workers = counted(
      () =>
        new ScriptedEmotionWorker((message, self) => {
          if (message.kind === 'load') {
            self.reply({ kind: 'progress', model: 'm', status: 'progress_total', progress: 40 });
            self.reply({ kind: 'progress', model: 'm', status: 'progress_total', progress: 100 });
          }
          happyPathScript(message, self);
        }),
    );
    const client = new EmotionClient(OPTIONS, {
      createWorker: workers.factory,
      onProgress: (event) => progress.push(event.progress ?? -1),
    });
    expect(await client.classify([])).toEqual([]);
    expect(workers.made).toHaveLength(0);
    const loadingProgress: (number | null)[] = [];
    client.subscribe((status) => {
      if (status.state === 'loading') loadingProgress.push(status.progress);
    });
    await client.load();
    expect(progress).toEqual([40, 100]);
    expect(loadingProgress).toEqual([null, 40, 100]);
  });

  it('dispose frees the models, stops the worker and rejects what was waiting', async () => {
    const worker = new ScriptedEmotionWorker((message, self) => {
      if (message.kind === 'load') self.reply({ kind: 'ready', models: [] });
    });
    const client = new EmotionClient(OPTIONS, { createWorker: () => worker });
    await client.load();
    const waiting = client.classify(['never answered']);
    await new Promise((resolve) => setTimeout(resolve, 5));
    client.dispose();
    await expect(waiting).rejects.toBeInstanceOf(EmotionWorkerClosedError);
    expect(worker.sent.at(-1)?.kind).toBe('unload');
    expect(worker.terminated).toBe(true);
    expect(client.status.state).toBe('idle');
  });
});

describe('errors across the worker boundary', () => {
  it('become the named errors again', () => {
    const unavailable = errorFromData({ name: 'ModelUnavailableError', message: 'm', reason: 'offline' });
    expect(unavailable).toBeInstanceOf(ModelUnavailableError);
    expect((unavailable as ModelUnavailableError).reason).toBe('offline');
    expect(errorFromData({ name: 'ClassificationError', message: 'm' })).toBeInstanceOf(ClassificationError);
    const other = errorFromData({ name: 'RangeError', message: 'm' });
    expect(other.name).toBe('RangeError');
  });

  it('have a message in both languages for every reason', () => {
    for (const reason of UNAVAILABLE_REASONS) {
      expect(UNAVAILABLE_MESSAGES[reason].en).toMatch(/Everything else works/);
      expect(UNAVAILABLE_MESSAGES[reason]['zh-CN']).toMatch(/其他功能都可以正常使用/);
    }
  });
});

describe('main-thread bundle', () => {
  it('the client and the module index reach neither transformers.js nor the handler through their imports', () => {
    const root = resolve(import.meta.dirname, '../../../src');
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      // Type-only imports vanish at build time; only value imports reach the bundle.
      for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
        const spec = match[1] ?? '';
        expect(spec).not.toMatch(/@huggingface\/transformers|classifier-handler/);
        if (spec.startsWith('.')) visit(resolve(dirname(file), `${spec}.ts`));
      }
    };
    visit(join(root, 'lib/emotion/index.ts'));
    expect(seen.has(join(root, 'lib/emotion/emotion-client.ts'))).toBe(true);
    expect(seen.size).toBeGreaterThan(5);
  });
});
