/**
 * The page side of `npm run bench:chat`, driven by scripts/bench-chat.ts through `window.chatBench`:
 * - throughput: a long reply through the whole app path (`LlmEngineClient`, the real CPU worker, the
 *   protocol, every token rendered into the DOM through the app's Markdown renderer) against the same model
 *   called directly with transformers.js on this page (AutoTokenizer, AutoModelForCausalLM, TextStreamer,
 *   same prompt, same token limit, greedy);
 * - a 20-turn conversation through the app path, each request built as the chat builds it (`buildMessages`
 *   with earlier turns' `sent`, then `fitContext`), with the engine's figures per turn;
 * - long tasks on the main thread while app replies stream (PerformanceObserver 'longtask', buffered).
 */
import type { PreTrainedModel, PreTrainedTokenizer, Tensor } from '@huggingface/transformers';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { renderMarkdown } from '../../src/lib/chat/markdown';
import { createFrameRenderer } from '../../src/lib/chat/frame-renderer';
import { historyTurns, type ChatItem } from '../../src/lib/chat/turns';
import { fitContext } from '../../src/lib/llm/context-budget';
import { LlmEngineClient } from '../../src/lib/llm/engine-client';
import { buildMessages, type TurnContext } from '../../src/lib/llm/prompt';
import { createCpuLlmWorker } from '../../src/lib/llm/workers';
import type { ChatMessage, CpuLoadSpec, GenerationStats } from '../../src/workers/llm-protocol';

/** One timed reply. */
export interface ReplyRun {
  /** Tokens generated. */
  tokens: number;
  /** From the call to the last token on screen (app) or the end of `generate` (direct). */
  totalMs: number;
  /** From the first streamed text to the last. */
  streamMs: number;
  /** App path: main-thread time spent rendering Markdown into the DOM, in all and the longest once. */
  renderMs?: number;
  maxRenderMs?: number;
}

export interface ThroughputResult {
  app: ReplyRun[];
  /** The app path with tokens only collected, not rendered: tells rendering apart from the rest. */
  appUnrendered: ReplyRun[];
  direct: ReplyRun[];
  /** The app engine's own figures for its last run. */
  appStats: GenerationStats;
  promptTokens: number;
  /** Characters of the last rendered reply (to show the DOM really grew). */
  renderedChars: number;
}

export interface TurnFigures {
  turn: number;
  promptTokens: number;
  prefillTokens: number;
  cachedTokens: number;
  cache: GenerationStats['cache'];
  /** The new turn's tokens: the prompt minus what the cache already held. */
  newPromptTokens: number;
  replyTokens: number;
  historyEdited: boolean;
  webllm?: GenerationStats['webllm'];
}

export interface LongTasks {
  longestMs: number;
  count: number;
  /** Milliseconds of app streaming observed. */
  observedMs: number;
}

declare global {
  interface Window {
    chatBench: {
      load(modelId: string, contextWindow: number): Promise<{ appLoadMs: number; directLoadMs: number }>;
      throughput(messages: ChatMessage[], maxNewTokens: number, runs: number): Promise<ThroughputResult>;
      conversation(userTexts: string[], maxNewTokens: number, reserveTokens: number): Promise<TurnFigures[]>;
      longTasks(): LongTasks;
    };
  }
}

type Transformers = typeof import('@huggingface/transformers');

const wasmPaths = { wasm: new URL(ortWasmUrl, location.href).href };
const replyElement = document.getElementById('reply')!;

let client: LlmEngineClient | undefined;
let contextWindow = 4096;
let direct: { tf: Transformers; tokenizer: PreTrainedTokenizer; model: PreTrainedModel } | undefined;

// Long tasks from page load on; only those that start while an app reply streams are counted.
const longTaskEntries: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTaskEntries.push(...list.getEntries())).observe({
  type: 'longtask',
  buffered: true,
});
const appWindows: [number, number][] = [];

async function load(modelId: string, windowTokens: number) {
  contextWindow = windowTokens;
  const spec: CpuLoadSpec = {
    engine: 'cpu',
    modelId,
    localModelPath: '/models/',
    contextWindow: windowTokens,
    device: 'wasm',
    dtype: 'q8',
    // As the app: only ONNX Runtime's .wasm is named (the protocol types it as a string; the app casts too).
    wasmPaths: wasmPaths as unknown as string,
  };
  let started = performance.now();
  client = new LlmEngineClient(createCpuLlmWorker, { kind: 'cpu' });
  await client.load(spec);
  const appLoadMs = performance.now() - started;

  started = performance.now();
  const tf = await import('@huggingface/transformers');
  tf.env.allowRemoteModels = false;
  tf.env.allowLocalModels = true;
  tf.env.localModelPath = '/models/';
  if (tf.env.backends.onnx.wasm) tf.env.backends.onnx.wasm.wasmPaths = wasmPaths;
  const tokenizer = await tf.AutoTokenizer.from_pretrained(modelId);
  const model = await tf.AutoModelForCausalLM.from_pretrained(modelId, { device: 'wasm', dtype: 'q8' });
  direct = { tf, tokenizer, model };
  // The app engine warms up with one token after loading; so does the direct path.
  await directReply([{ role: 'user', content: 'Hi' }], 1);
  return { appLoadMs, directLoadMs: performance.now() - started };
}

/** Let the event loop turn (and the previous run's last task end) before the next run starts. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The whole app path: client, worker, protocol, and each token rendered as the chat renders it. */
async function appReply(messages: ChatMessage[], maxNewTokens: number, render = true) {
  const engine = client;
  if (!engine) throw new Error('Not loaded.');
  // Every run starts from an empty cache, as the direct path does (a repeated prompt would be cached).
  await engine.reset();
  replyElement.innerHTML = '';
  let text = '';
  let firstAt: number | undefined;
  let lastAt = 0;
  let renderMs = 0;
  let maxRenderMs = 0;
  const show = (markdown: string) => {
    const at = performance.now();
    replyElement.innerHTML = renderMarkdown(markdown);
    const took = performance.now() - at;
    renderMs += took;
    maxRenderMs = Math.max(maxRenderMs, took);
  };
  // As the chat does (ChatMessage.svelte): at most one render per frame while the reply streams.
  const renderer = createFrameRenderer(show);
  const started = performance.now();
  const result = await engine.generate(
    messages,
    { maxNewTokens },
    {
      onToken: (token) => {
        text += token;
        if (render) renderer.update(text);
        lastAt = performance.now();
        firstAt ??= lastAt;
      },
    },
  );
  // The chat shows the final text once the reply completes.
  if (render) renderer.flush(result.text);
  const ended = performance.now();
  if (render) appWindows.push([started, ended]);
  const run: ReplyRun = {
    tokens: result.stats.newTokens,
    totalMs: ended - started,
    streamMs: lastAt - (firstAt ?? lastAt),
    ...(render ? { renderMs, maxRenderMs } : {}),
  };
  return { run, stats: result.stats, chars: replyElement.textContent?.length ?? 0 };
}

/** The same model called directly: chat template, greedy `generate` with a TextStreamer. */
async function directReply(messages: ChatMessage[], maxNewTokens: number) {
  const d = direct;
  if (!d) throw new Error('Not loaded.');
  let text = '';
  let firstAt: number | undefined;
  let lastAt = 0;
  const started = performance.now();
  const inputs = d.tokenizer.apply_chat_template(messages, {
    add_generation_prompt: true,
    return_dict: true,
  }) as { input_ids: Tensor; attention_mask: Tensor };
  const promptTokens = inputs.input_ids.dims.at(-1) ?? 0;
  const streamer = new d.tf.TextStreamer(d.tokenizer, {
    skip_prompt: true,
    skip_special_tokens: true,
    callback_function: (piece: string) => {
      text += piece;
      lastAt = performance.now();
      firstAt ??= lastAt;
    },
  });
  const output = (await d.model.generate({
    ...inputs,
    max_new_tokens: maxNewTokens,
    do_sample: false,
    streamer,
  })) as Tensor;
  const ended = performance.now();
  const run: ReplyRun = {
    tokens: (output.dims.at(-1) ?? 0) - promptTokens,
    totalMs: ended - started,
    streamMs: lastAt - (firstAt ?? lastAt),
  };
  return { run, promptTokens, text };
}

async function throughput(messages: ChatMessage[], maxNewTokens: number, runs: number) {
  const app: ReplyRun[] = [];
  const appUnrendered: ReplyRun[] = [];
  const directRuns: ReplyRun[] = [];
  let appStats: GenerationStats | undefined;
  let promptTokens = 0;
  let renderedChars = 0;
  for (let i = 0; i < runs; i++) {
    // Rotate the order so no path always follows the same one.
    const paths = ['app', 'direct', 'unrendered'] as const;
    const order = [0, 1, 2].map((k) => paths[(i + k) % 3]!);
    for (const which of order) {
      // The direct path runs on this thread: let its last task end before an app run is timed.
      await settle();
      if (which === 'unrendered') {
        appUnrendered.push((await appReply(messages, maxNewTokens, false)).run);
      } else if (which === 'app') {
        const r = await appReply(messages, maxNewTokens);
        app.push(r.run);
        appStats = r.stats;
        renderedChars = r.chars;
      } else {
        const r = await directReply(messages, maxNewTokens);
        directRuns.push(r.run);
        promptTokens = r.promptTokens;
      }
    }
  }
  return { app, appUnrendered, direct: directRuns, appStats: appStats!, promptTokens, renderedChars };
}

/** A conversation through the app path, each request built exactly as the chat manager builds it. */
async function conversation(userTexts: string[], maxNewTokens: number, reserveTokens: number) {
  const engine = client;
  if (!engine) throw new Error('Not loaded.');
  await engine.reset();
  const items: ChatItem[] = [];
  const sent = new Map<string, string>();
  let contextState: { start: number; summary?: string } | undefined;
  const figures: TurnFigures[] = [];
  for (const [index, userText] of userTexts.entries()) {
    const userId = `u${index}`;
    items.push({ id: userId, role: 'user', text: userText, status: 'complete' });
    // The emotion reading, as the chat adds it to the latest turn (kept short: the tiny model's byte-level
    // tokenizer makes every character a token, and 20 turns must fit its 4096-token window).
    const turnContext: TurnContext = { emotionSummary: index % 2 ? 'tired' : 'anxious' };
    const history = historyTurns(
      items.filter((i) => i.id !== userId),
      sent,
    );
    const built = buildMessages({ locale: 'en', history, userText, turnContext });
    sent.set(userId, built.sent);
    const [system, ...rest] = built.messages;
    const latest = rest.pop()!;
    const fitted = await fitContext({
      system: system!.content,
      history: rest,
      latest,
      state: contextState,
      contextWindow,
      reserveTokens,
    });
    contextState = fitted.state;
    let text = '';
    const renderer = createFrameRenderer((markdown) => (replyElement.innerHTML = renderMarkdown(markdown)));
    const started = performance.now();
    const result = await engine.generate(
      fitted.messages,
      { maxNewTokens, historyEdited: fitted.edited },
      {
        onToken: (token) => {
          text += token;
          renderer.update(text);
        },
      },
    );
    renderer.flush(result.text);
    appWindows.push([started, performance.now()]);
    items.push({ id: `a${index}`, role: 'assistant', text: result.text, status: 'complete' });
    const s = result.stats;
    figures.push({
      turn: index + 1,
      promptTokens: s.promptTokens,
      prefillTokens: s.prefillTokens,
      cachedTokens: s.cachedTokens,
      cache: s.cache,
      newPromptTokens: s.promptTokens - s.cachedTokens,
      replyTokens: s.newTokens,
      historyEdited: fitted.edited,
      ...(s.webllm ? { webllm: s.webllm } : {}),
    });
  }
  return figures;
}

function longTasks(): LongTasks {
  const inApp = longTaskEntries.filter((entry) =>
    appWindows.some(([start, end]) => entry.startTime >= start && entry.startTime < end),
  );
  return {
    longestMs: inApp.reduce((max, entry) => Math.max(max, entry.duration), 0),
    count: inApp.length,
    observedMs: appWindows.reduce((sum, [start, end]) => sum + end - start, 0),
  };
}

window.chatBench = { load, throughput, conversation, longTasks };
document.title = 'bench:chat ready';
