/**
 * npm run bench:chat — the chat's speed in headless Chromium with the tiny generated decoder
 * (tests/fixtures/tiny-decoder.ts) on WASM, served same-origin:
 * (a) tokens per second of a long reply through the whole app path (LlmEngineClient, the real CPU worker,
 *     the protocol, every token rendered into the DOM through the app's Markdown renderer) against the same
 *     model called directly with transformers.js on the same page (same prompt, same token limit, greedy),
 *     median of several runs, as a ratio app/direct;
 * (b) prompt tokens processed per turn over a 20-turn conversation through the app path, each request built
 *     as the chat builds it (buildMessages with earlier turns' `sent`, then fitContext);
 * (c) the longest main-thread task while app replies stream (PerformanceObserver 'longtask', buffered).
 * WebLLM's own `usage.extra` figures are printed when a WebLLM model produced a reply (never here).
 * The last line is machine-readable:
 *   chat: throughput_ratio=<x> turn1_prefill=<n> turn20_prefill=<n> turn20_new=<n> longest_task_ms=<n>
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build as viteBuild, preview } from 'vite';
import { generateTinyDecoder, TINY_DECODER_ID } from '../tests/fixtures/tiny-decoder.ts';
import { buildMessages } from '../src/lib/llm/prompt.ts';
import { launch, median } from './bench-support.ts';
import type { ReplyRun, ThroughputResult, TurnFigures } from './bench/chat-page.ts';

const PORT = 4295;
/** The chat's reply limit (MAX_REPLY_TOKENS in chat-manager.svelte.ts) and the tokens it reserves. */
const MAX_REPLY_TOKENS = 512;
const CONTEXT_WINDOW = 4096;
const RUNS = 9;
const TURNS = 20;
/** Per-turn reply limit in the conversation: the tiny model answers `I hear you.` (5 tokens) and stops. */
const TURN_REPLY_TOKENS = 64;

/** The long reply: ` marathon` makes the tiny model repeat `I hear you.` until the token limit. */
const LONG_PROMPT = buildMessages({
  locale: 'en',
  history: [],
  userText: 'I ran a marathon today and my head is still racing. Can you talk with me for a while?',
  turnContext: { emotionSummary: 'seems restless', stylePreferences: 'warm, unhurried' },
}).messages;

/** Messages of the length a chat sees (none contains the tiny model's marker words). */
const USER_TEXTS = [
  'I could not sleep again last night.',
  'Work keeps piling up on me.',
  'My sister and I argued today.',
  'I keep thinking I am not enough.',
  'Today was a bit better.',
  'I do not know how to say no.',
  'I just want to be left alone.',
  'The breathing helped a little.',
];

const root = resolve(import.meta.dirname, 'bench');
const outDir = mkdtempSync(join(tmpdir(), 'solace-bench-chat-'));
const modelsDir = mkdtempSync(join(tmpdir(), 'solace-bench-chat-models-'));
generateTinyDecoder(modelsDir);
await viteBuild({
  configFile: false,
  root,
  logLevel: 'warn',
  worker: { format: 'es' },
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: join(root, 'chat.html') },
  },
});
cpSync(modelsDir, join(outDir, 'models'), { recursive: true });
const server = await preview({
  configFile: false,
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: {
    host: '127.0.0.1',
    port: PORT,
    strictPort: true,
    // As the app is served: cross-origin isolated, so ONNX Runtime may use threads in both paths alike.
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
});
const browser = await launch();
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(600_000);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${PORT}/chat.html`);
  await page.waitForFunction(() => document.title === 'bench:chat ready');
  const isolated = await page.evaluate(() => crossOriginIsolated);
  const loaded = await page.evaluate(
    ([model, contextWindow]) => window.chatBench.load(model, contextWindow),
    [TINY_DECODER_ID, CONTEXT_WINDOW] as const,
  );
  // Warm both paths (JIT, ORT buffers) before anything is counted.
  await page.evaluate(([messages, max]) => window.chatBench.throughput(messages, max, 2), [
    LONG_PROMPT,
    MAX_REPLY_TOKENS,
  ] as const);
  const result: ThroughputResult = await page.evaluate(
    ([messages, max, runs]) => window.chatBench.throughput(messages, max, runs),
    [LONG_PROMPT, MAX_REPLY_TOKENS, RUNS] as const,
  );
  const userTexts = Array.from({ length: TURNS }, (_, i) => USER_TEXTS[i % USER_TEXTS.length]!);
  const turns: TurnFigures[] = await page.evaluate(
    ([texts, max, reserve]) => window.chatBench.conversation(texts, max, reserve),
    [userTexts, TURN_REPLY_TOKENS, MAX_REPLY_TOKENS] as const,
  );
  const tasks = await page.evaluate(() => window.chatBench.longTasks());

  const rate = (runs: ReplyRun[], ms: (r: ReplyRun) => number) =>
    median(runs.map((r) => (r.tokens / ms(r)) * 1000));
  const appRate = rate(result.app, (r) => r.totalMs);
  const directRate = rate(result.direct, (r) => r.totalMs);
  const ratio = appRate / directRate;
  const appStream = rate(result.app, (r) => r.streamMs);
  const unrenderedRate = rate(result.appUnrendered, (r) => r.totalMs);
  const directStream = rate(result.direct, (r) => r.streamMs);
  const first = turns[0]!;
  const last = turns.at(-1)!;
  const f1 = (n: number) => n.toFixed(1);

  console.log(
    `model: ${TINY_DECODER_ID} (generated, ~47 KB), WASM, q8, cross-origin isolated: ${isolated}; load: app ${f1(loaded.appLoadMs)} ms (worker, warm-up included), direct ${f1(loaded.directLoadMs)} ms`,
  );
  console.log(
    `(a) long reply: ${result.promptTokens} prompt tokens, ${MAX_REPLY_TOKENS} new tokens, greedy, ${RUNS} runs each, order rotated, cache reset before every app run`,
  );
  console.log(
    `    app path (client + worker + protocol + Markdown into the DOM): median ${f1(appRate)} tokens/s from request to last token on screen; ${f1(appStream)} tokens/s first to last streamed text`,
  );
  console.log(
    `    direct transformers.js on the page:                          median ${f1(directRate)} tokens/s from call to return; ${f1(directStream)} tokens/s first to last streamed text`,
  );
  console.log(
    `    app path, tokens collected but not rendered (to tell rendering apart): median ${f1(unrenderedRate)} tokens/s (ratio ${(unrenderedRate / directRate).toFixed(2)})`,
  );
  const ms = (runs: ReplyRun[]) => runs.map((r) => r.totalMs.toFixed(0)).join(' ');
  console.log(
    `    runs (ms): app ${ms(result.app)}; direct ${ms(result.direct)}; not rendered ${ms(result.appUnrendered)}`,
  );
  const renderMs = median(result.app.map((r) => r.renderMs ?? 0));
  const appMs = median(result.app.map((r) => r.totalMs));
  console.log(
    `    rendering (renderMarkdown of the whole reply + innerHTML, at most once per frame): median ${f1(renderMs)} ms of ${f1(appMs)} ms per reply, longest once ${f1(Math.max(...result.app.map((r) => r.maxRenderMs ?? 0)))} ms`,
  );
  const s = result.appStats;
  console.log(
    `    app engine (last run): prefill ${s.prefillTokens} tokens (${s.cache}), first token after ${f1(s.timeToFirstTokenMs)} ms, decode ${f1(s.decodeTokensPerSecond)} tokens/s inside the worker, rendered ${result.renderedChars} characters`,
  );
  console.log(
    `(b) ${TURNS}-turn conversation through the app path (buildMessages with earlier \`sent\`, fitContext):`,
  );
  console.log('    turn  prompt  cached  prefill  new  reply  cache');
  for (const t of turns) {
    console.log(
      `    ${String(t.turn).padStart(4)}  ${String(t.promptTokens).padStart(6)}  ${String(t.cachedTokens).padStart(6)}  ${String(t.prefillTokens).padStart(7)}  ${String(t.newPromptTokens).padStart(3)}  ${String(t.replyTokens).padStart(5)}  ${t.cache}${t.historyEdited ? ' (history edited)' : ''}`,
    );
  }
  console.log(
    `(c) long tasks on the main thread while app replies streamed (${f1(tasks.observedMs)} ms observed): ${tasks.count}` +
      (tasks.count === 0
        ? ' (the browser reports only tasks of 50 ms or more, so 0 means none that long)'
        : ''),
  );
  const webllm = turns.find((t) => t.webllm);
  console.log(
    webllm
      ? `WebLLM usage.extra: ${JSON.stringify(webllm.webllm)}`
      : 'WebLLM: not run (no WebGPU model on this machine)',
  );
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(
    `targets: throughput_ratio >= 0.95 ${met(ratio >= 0.95)}, turn20_prefill <= 1.2 x turn20_new ${met(last.prefillTokens <= 1.2 * last.newPromptTokens)}, longest_task <= 50 ms ${met(tasks.longestMs <= 50)}`,
  );
  console.log(
    `chat: throughput_ratio=${ratio.toFixed(2)} turn1_prefill=${first.prefillTokens} turn20_prefill=${last.prefillTokens} turn20_new=${last.newPromptTokens} longest_task_ms=${tasks.longestMs.toFixed(0)}`,
  );
} finally {
  await browser.close();
  await new Promise<void>((done) => server.httpServer.close(() => done()));
  rmSync(outDir, { recursive: true, force: true });
  rmSync(modelsDir, { recursive: true, force: true });
}
