/**
 * The page side of `npm run bench:emotion`, driven by scripts/bench-emotion.ts through `window.emotionBench`:
 * the app's emotion worker through `EmotionClient` (protocol, language detection, label mapping) against
 * the same pipeline called directly in a plain worker, one text per call as the chat sends them, and the
 * longest main-thread task while messages are classified through the app's client.
 */
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { EmotionClient } from '../../src/lib/emotion';
import { buildEmotionLoadOptions } from '../../src/lib/state/emotion-manager.svelte';

export interface LatencyResult {
  appMs: number[];
  directMs: number[];
}

declare global {
  interface Window {
    emotionBench: {
      load(model: string): Promise<void>;
      latency(texts: string[], rounds: number): Promise<LatencyResult>;
      longestTask(texts: string[]): Promise<{ longestMs: number; longTasks: number; totalMs: number }>;
    };
  }
}

let client: EmotionClient | null = null;
let direct: Worker | null = null;
let nextId = 1;
const pending = new Map<number, () => void>();

function directClassify(texts: string[]): Promise<void> {
  const worker = direct;
  if (!worker) throw new Error('The direct worker is not loaded.');
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ kind: 'classify', id, texts });
  });
}

async function load(model: string): Promise<void> {
  const options = buildEmotionLoadOptions({ hosts: [], emotionModels: [model] }, location.href, 'en', {
    wasm: ortWasmUrl,
  });
  client = new EmotionClient({ ...options, device: 'wasm' });
  await client.load();

  direct = new Worker(new URL('./emotion-direct.worker.ts', import.meta.url), { type: 'module' });
  const worker = direct;
  await new Promise<void>((resolve, reject) => {
    worker.addEventListener(
      'message',
      (event: MessageEvent<{ kind: string; id?: number; message?: string }>) => {
        const data = event.data;
        if (data.kind === 'ready') resolve();
        else if (data.kind === 'error' && data.id === undefined) reject(new Error(data.message));
        else if (data.id !== undefined) {
          pending.get(data.id)?.();
          pending.delete(data.id);
        }
      },
    );
    worker.postMessage({
      kind: 'load',
      setup: {
        model,
        localModelPath: options.localModelPath ?? '/models/',
        wasm: new URL(ortWasmUrl, location.href).href,
      },
    });
  });
}

async function latency(texts: string[], rounds: number): Promise<LatencyResult> {
  const app = client;
  if (!app) throw new Error('Not loaded.');
  const appMs: number[] = [];
  const directMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const text = texts[round % texts.length] ?? '';
    // Alternate which goes first so neither path gains from the other's warm caches.
    const order = round % 2 === 0 ? (['app', 'direct'] as const) : (['direct', 'app'] as const);
    for (const which of order) {
      const start = performance.now();
      if (which === 'app') await app.classify([text]);
      else await directClassify([text]);
      (which === 'app' ? appMs : directMs).push(performance.now() - start);
    }
  }
  return { appMs, directMs };
}

async function longestTask(texts: string[]) {
  const app = client;
  if (!app) throw new Error('Not loaded.');
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const start = performance.now();
  for (const text of texts) await app.classify([text]);
  const totalMs = performance.now() - start;
  // Long tasks are reported after they end; give the last one a moment to arrive.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return { longestMs: durations.length ? Math.max(...durations) : 0, longTasks: durations.length, totalMs };
}

window.emotionBench = { load, latency, longestTask };
document.title = 'bench:emotion ready';
