/**
 * npm run bench:emotion — emotion classification in headless Chromium with the tiny generated classifier
 * (tests/fixtures/tiny-classifier.ts), on WASM:
 * - latency of one message through the app's worker and client (`EmotionClient`: protocol, language
 *   detection, label mapping) against the same transformers.js pipeline called directly in a plain worker,
 *   p50 and p95, and their ratio (p50 app / p50 direct);
 * - the longest main-thread task (PerformanceObserver 'longtask', which reports tasks of 50 ms or more;
 *   0 means none) while 100 messages are classified through the app's client.
 * The last line is machine-readable:
 *   emotion: p50_ms=<n> p95_ms=<n> overhead_ratio=<x> longest_task_ms=<n>
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build as viteBuild, preview } from 'vite';
import { generateTinyEmotionModels, TINY_GO_EMOTIONS_ID } from '../tests/fixtures/tiny-classifier.ts';
import { launch, median, percentile } from './bench-support.ts';
import type { LatencyResult } from './bench/emotion-page.ts';

const PORT = 4195;
const ROUNDS = 500;
const MESSAGES = 100;

/** Messages of the length a chat sees, in both languages (the tiny model reads either). */
const TEXTS = [
  'I feel happy today, things went well at work.',
  'I am so tired and sad, nothing seems to help lately.',
  "I'm scared about the exam tomorrow and I can't sleep.",
  '今天心情很开心，和朋友一起吃了饭。',
  '最近压力很大，感觉很难过，也睡不好。',
  'Honestly I am angry at myself for how I reacted, and a bit ashamed.',
  'Not much to say, it was an ordinary day.',
  '我有点害怕明天的面试，但也有点期待。',
];

const root = resolve(import.meta.dirname, 'bench');
const outDir = mkdtempSync(join(tmpdir(), 'solace-bench-emotion-'));
const modelsDir = mkdtempSync(join(tmpdir(), 'solace-bench-emotion-models-'));
generateTinyEmotionModels(modelsDir);
await viteBuild({
  configFile: false,
  root,
  logLevel: 'warn',
  plugins: [svelte()],
  worker: { format: 'es' },
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: join(root, 'emotion.html') },
  },
});
cpSync(modelsDir, join(outDir, 'models'), { recursive: true });
// The app asks for the hub layout (`models/<id>/resolve/main/<file>`); the direct pipeline reads `models/<id>/`.
for (const id of readdirSync(modelsDir)) {
  cpSync(join(modelsDir, id), join(outDir, 'models', id, 'resolve', 'main'), { recursive: true });
}
const server = await preview({
  configFile: false,
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: {
    host: '127.0.0.1',
    port: PORT,
    strictPort: true,
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs: the tiny model
    // answers in about a millisecond, so coarse timers would decide the ratio.
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
});
const browser = await launch();
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(600_000);
  await page.goto(`http://127.0.0.1:${PORT}/emotion.html`);
  await page.waitForFunction(() => document.title === 'bench:emotion ready');
  const isolated = await page.evaluate(() => crossOriginIsolated);
  await page.evaluate((model) => window.emotionBench.load(model), TINY_GO_EMOTIONS_ID);
  // Warm both paths (JIT, ORT buffers) before anything is counted.
  await page.evaluate((texts) => window.emotionBench.latency(texts, 40), TEXTS);
  const result: LatencyResult = await page.evaluate(
    ([texts, rounds]) => window.emotionBench.latency(texts, rounds),
    [TEXTS, ROUNDS] as const,
  );
  const messages = Array.from({ length: MESSAGES }, (_, i) => TEXTS[i % TEXTS.length]!);
  const tasks = await page.evaluate((texts) => window.emotionBench.longestTask(texts), messages);

  const appP50 = median(result.appMs);
  const appP95 = percentile(result.appMs, 95);
  const directP50 = median(result.directMs);
  const directP95 = percentile(result.directMs, 95);
  const ratio = appP50 / directP50;
  const f = (n: number) => n.toFixed(3);
  console.log(
    `model: ${TINY_GO_EMOTIONS_ID} (generated, a few KB), WASM, one message per call, ${ROUNDS} rounds, cross-origin isolated: ${isolated}`,
  );
  console.log(`app worker (EmotionClient): p50 ${f(appP50)} ms, p95 ${f(appP95)} ms`);
  console.log(`direct pipeline in a worker: p50 ${f(directP50)} ms, p95 ${f(directP95)} ms`);
  console.log(
    `${MESSAGES} messages through the app's client: ${tasks.totalMs.toFixed(0)} ms; long tasks (>= 50 ms) on the main thread: ${tasks.longTasks}`,
  );
  console.log(
    `targets: overhead_ratio <= 1.1 ${ratio <= 1.1 ? 'met' : 'MISSED'}, longest_task <= 50 ms ${tasks.longestMs <= 50 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `emotion: p50_ms=${f(appP50)} p95_ms=${f(appP95)} overhead_ratio=${ratio.toFixed(2)} longest_task_ms=${tasks.longestMs.toFixed(0)}`,
  );
} finally {
  await browser.close();
  await new Promise<void>((done) => server.httpServer.close(() => done()));
  rmSync(outDir, { recursive: true, force: true });
  rmSync(modelsDir, { recursive: true, force: true });
}
