/**
 * The WebGPU engine: web-llm's `MLCEngine` in its own worker (`webllm.worker.ts` runs web-llm's
 * `WebWorkerMLCEngineHandler`), driven from the main thread by this adapter. web-llm is imported
 * dynamically, on first use, so the ~6 MB chunk never loads at start-up or on the CPU path.
 *
 * The adapter speaks the app's types (`LoadProgress`, `GenerationResult`, named errors), so the chat
 * treats both engines alike. Tests drive it with a fake engine of the same shape; no MLC weights load here.
 */
import type {
  ChatMessage,
  GenerateOptions,
  GenerationResult,
  GenerationStats,
  LoadProgress,
  LoadSpec,
  ModelInfo,
  WebLlmLoadSpec,
  WebLlmUsageExtra,
} from '../../workers/llm-protocol';
import type { ChatEngine, GenerateCallbacks, LoadCallbacks, TokenStream } from './engine';
import {
  InterruptedError,
  ModelLoadFailedError,
  ModelNotLoadedError,
  toLlmError,
  WorkerCrashedError,
  type LlmError,
} from './errors';
import { createTokenStream } from './token-stream';
import { createWebLlmWorker } from './workers';

/** web-llm's progress report (`InitProgressReport`). */
export interface WebLlmProgressReport {
  progress: number;
  timeElapsed: number;
  text: string;
}

/** The parts of web-llm's `AppConfig` this app sets. */
export interface WebLlmAppConfig {
  model_list: WebLlmLoadSpec['modelList'];
  cacheBackend?: WebLlmLoadSpec['cacheBackend'];
}

/** One streamed chunk, as far as the adapter reads it. */
export interface WebLlmChunk {
  choices: { delta?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number; extra?: WebLlmUsageExtra } | null;
}

/** The request the adapter sends to `chat.completions.create`. */
export interface WebLlmChatRequest {
  messages: ChatMessage[];
  stream: true;
  stream_options: { include_usage: true };
  max_tokens: number;
  temperature: number;
  top_p?: number;
  repetition_penalty?: number;
}

/** The subset of web-llm's `WebWorkerMLCEngine` the adapter uses (the test fake implements the same). */
export interface MlcEngineLike {
  reload(modelId: string): Promise<void>;
  chat: { completions: { create(request: WebLlmChatRequest): Promise<AsyncIterable<WebLlmChunk>> } };
  interruptGenerate(): void;
  resetChat(): Promise<void>;
  unload(): Promise<void>;
}

/** A worker as the adapter needs it: web-llm posts to it; the adapter watches for its death. */
export interface WebLlmWorkerLike {
  terminate(): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

/** What the adapter takes from the web-llm package; injectable so tests need no GPU. */
export interface WebLlmModule {
  createEngine(
    worker: WebLlmWorkerLike,
    config: { appConfig: WebLlmAppConfig; initProgressCallback: (report: WebLlmProgressReport) => void },
  ): MlcEngineLike;
  hasModelInCache(modelId: string, appConfig: WebLlmAppConfig): Promise<boolean>;
  deleteModelAllInfoInCache(modelId: string, appConfig: WebLlmAppConfig): Promise<void>;
}

/** The real web-llm, loaded on first use. */
export async function importWebLlm(): Promise<WebLlmModule> {
  const webllm = await import('@mlc-ai/web-llm');
  return {
    // The worker is a real Worker from `createWebLlmWorker`; the narrow type is only for the fakes.
    createEngine: (worker, config) =>
      new webllm.WebWorkerMLCEngine(
        worker as unknown as ConstructorParameters<typeof webllm.WebWorkerMLCEngine>[0],
        config,
      ),
    hasModelInCache: (id, appConfig) => webllm.hasModelInCache(id, appConfig),
    deleteModelAllInfoInCache: (id, appConfig) => webllm.deleteModelAllInfoInCache(id, appConfig),
  };
}

const MB = 1024 * 1024;

/**
 * Turn web-llm's progress report into the app's progress. web-llm reports a fraction and an English line
 * such as `Fetching param cache[3/24]: 120MB fetched. 12% completed, 9 secs elapsed.`; the MB, the total
 * (MB / fraction), the speed and the time left are derived from it.
 */
export function mapWebLlmProgress(report: WebLlmProgressReport): LoadProgress {
  const percent = Math.max(0, Math.min(100, (Number.isFinite(report.progress) ? report.progress : 0) * 100));
  const step = report.text;
  const fetched = /Fetching param cache\[\d+\/\d+\]: (\d+)MB fetched/.exec(step);
  if (fetched) {
    const loadedBytes = Number(fetched[1]) * MB;
    const totalBytes = report.progress > 0 ? Math.round(loadedBytes / report.progress) : undefined;
    const bytesPerSecond = report.timeElapsed > 0 ? loadedBytes / report.timeElapsed : undefined;
    const secondsLeft =
      bytesPerSecond && totalBytes !== undefined
        ? Math.max(0, (totalBytes - loadedBytes) / bytesPerSecond)
        : undefined;
    return { phase: 'download', percent, loadedBytes, totalBytes, bytesPerSecond, secondsLeft, step };
  }
  if (/^Start to fetch params/.test(step)) return { phase: 'download', percent, step };
  const loaded = /Loading model from cache\[\d+\/\d+\]: (\d+)MB loaded/.exec(step);
  if (loaded) return { phase: 'load', percent, loadedBytes: Number(loaded[1]) * MB, step };
  if (/Loading GPU shader modules/.test(step)) return { phase: 'compile', percent, step };
  if (/^Finish loading/.test(step)) return { phase: 'ready', percent: 100, step };
  return { phase: 'start', percent, step };
}

/** web-llm's app config for a load spec. */
export function toAppConfig(spec: WebLlmLoadSpec): WebLlmAppConfig {
  return {
    model_list: spec.modelList,
    ...(spec.cacheBackend ? { cacheBackend: spec.cacheBackend } : {}),
  };
}

export interface WebLlmEngineOptions {
  createWorker?: () => WebLlmWorkerLike;
  importModule?: () => Promise<WebLlmModule>;
  now?: () => number;
}

/** The `ChatEngine` for WebGPU devices. */
export class WebLlmEngineClient implements ChatEngine {
  readonly kind = 'webllm' as const;
  readonly #createWorker: () => WebLlmWorkerLike;
  readonly #importModule: () => Promise<WebLlmModule>;
  readonly #now: () => number;
  #module: WebLlmModule | undefined;
  #worker: WebLlmWorkerLike | undefined;
  #engine: MlcEngineLike | undefined;
  #spec: WebLlmLoadSpec | undefined;
  /** Rejects when the worker dies; every engine call races it. */
  #failure: { promise: Promise<never>; reject: (error: LlmError) => void } | undefined;
  #interrupted = false;
  #generating = false;
  /** The conversation web-llm holds in its KV cache: the last request's messages plus its reply. */
  #conversation: ChatMessage[] = [];

  constructor(options: WebLlmEngineOptions = {}) {
    this.#createWorker = options.createWorker ?? createWebLlmWorker;
    this.#importModule = options.importModule ?? importWebLlm;
    this.#now = options.now ?? (() => performance.now());
  }

  get generating(): boolean {
    return this.#generating;
  }

  async load(spec: LoadSpec, callbacks: LoadCallbacks = {}): Promise<ModelInfo> {
    if (spec.engine !== 'webllm')
      throw new ModelLoadFailedError(`The WebGPU engine cannot load a ${spec.engine} model.`);
    const started = this.#now();
    this.#teardown(new InterruptedError('Another model is loading.'));
    try {
      const module = (this.#module ??= await this.#importModule());
      const worker = this.#startWorker();
      callbacks.onProgress?.({ phase: 'start', percent: 0, step: `Loading ${spec.modelId}` });
      const failure = this.#failure;
      const engine = module.createEngine(worker, {
        appConfig: toAppConfig(spec),
        initProgressCallback: (report) => callbacks.onProgress?.(mapWebLlmProgress(report)),
      });
      this.#engine = engine;
      await this.#guard(engine.reload(spec.modelId), failure);
      this.#spec = spec;
      this.#conversation = [];
      callbacks.onProgress?.({ phase: 'ready', percent: 100, step: 'Ready' });
      return {
        engine: 'webllm',
        modelId: spec.modelId,
        contextWindow: spec.contextWindow,
        loadMs: this.#now() - started,
      };
    } catch (error) {
      const named = toLlmError(error);
      this.#teardown(named);
      throw named;
    }
  }

  async generate(
    messages: ChatMessage[],
    options: GenerateOptions,
    callbacks: GenerateCallbacks = {},
  ): Promise<GenerationResult> {
    const engine = this.#engine;
    if (!engine || !this.#spec) throw new ModelNotLoadedError();
    this.#generating = true;
    this.#interrupted = false;
    const started = this.#now();
    const reuses = !options.historyEdited && extendsConversation(this.#conversation, messages);
    // Captured now: a crash tears down `#failure`, but this reply must still see it.
    const failure = this.#failure;
    const guard = <T>(promise: Promise<T>) => this.#guard(promise, failure);
    try {
      if (!reuses && this.#conversation.length > 0) await guard(engine.resetChat());
      const request: WebLlmChatRequest = {
        messages,
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: options.maxNewTokens,
        temperature: options.temperature ?? 0,
        ...(options.topP !== undefined ? { top_p: options.topP } : {}),
        ...(options.repetitionPenalty !== undefined ? { repetition_penalty: options.repetitionPenalty } : {}),
      };
      const chunks = await guard(engine.chat.completions.create(request));
      let text = '';
      let finish: string | null | undefined;
      let usage: WebLlmChunk['usage'];
      let firstAt: number | undefined;
      const iterator = chunks[Symbol.asyncIterator]();
      for (;;) {
        const next = await guard(iterator.next());
        if (next.done) break;
        const chunk = next.value;
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (delta) {
          firstAt ??= this.#now();
          text += delta;
          callbacks.onToken?.(delta);
        }
        if (choice?.finish_reason) finish = choice.finish_reason;
        if (chunk.usage) usage = chunk.usage;
      }
      const ended = this.#now();
      this.#conversation = [...messages, { role: 'assistant', content: text }];
      const finishReason =
        this.#interrupted || finish === 'abort' ? 'interrupted' : finish === 'length' ? 'length' : 'stop';
      return { text, finishReason, stats: usageToStats(usage, reuses, started, firstAt ?? ended, ended) };
    } catch (error) {
      this.#conversation = [];
      throw toLlmError(error);
    } finally {
      this.#generating = false;
    }
  }

  stream(messages: ChatMessage[], options: GenerateOptions): TokenStream {
    return createTokenStream((onToken) => this.generate(messages, options, { onToken }));
  }

  interrupt(): Promise<void> {
    if (this.#generating && this.#engine) {
      this.#interrupted = true;
      this.#engine.interruptGenerate();
    }
    return Promise.resolve();
  }

  async reset(): Promise<void> {
    this.#conversation = [];
    if (this.#engine) await this.#guard(this.#engine.resetChat());
  }

  async unload(): Promise<void> {
    const engine = this.#engine;
    this.#engine = undefined;
    this.#spec = undefined;
    this.#conversation = [];
    if (engine) await this.#guard(engine.unload()).catch(() => undefined);
  }

  dispose(): void {
    this.#teardown(new InterruptedError('The model was closed.'));
  }

  /** Whether a model's files are fully in the browser's cache (for "Downloaded models"). */
  async hasModelInCache(spec: WebLlmLoadSpec): Promise<boolean> {
    const module = (this.#module ??= await this.#importModule());
    return module.hasModelInCache(spec.modelId, toAppConfig(spec));
  }

  /** Delete a model's weights, library and config from the cache. */
  async deleteModel(spec: WebLlmLoadSpec): Promise<void> {
    const module = (this.#module ??= await this.#importModule());
    await module.deleteModelAllInfoInCache(spec.modelId, toAppConfig(spec));
  }

  /**
   * Load after a failed load: first remove whatever the failed attempt left in the cache, so a
   * half-downloaded or corrupt shard can never keep the model broken.
   */
  async retryLoad(spec: WebLlmLoadSpec, callbacks: LoadCallbacks = {}): Promise<ModelInfo> {
    this.#teardown(new InterruptedError('Retrying.'));
    await this.deleteModel(spec);
    return this.load(spec, callbacks);
  }

  #startWorker(): WebLlmWorkerLike {
    const worker = this.#createWorker();
    let reject!: (error: LlmError) => void;
    const promise = new Promise<never>((_, r) => (reject = r));
    promise.catch(() => undefined); // observed through #guard; never unhandled
    this.#failure = { promise, reject };
    const crashed = (event: Event) => {
      if (this.#worker !== worker) return;
      const detail = (event as ErrorEvent).message;
      this.#teardown(new WorkerCrashedError(detail ? `The model worker crashed: ${detail}` : undefined));
    };
    worker.addEventListener('error', crashed);
    worker.addEventListener('messageerror', crashed);
    this.#worker = worker;
    return worker;
  }

  /** Wait for an engine call, or fail at once if the worker dies (or is disposed) meanwhile. */
  #guard<T>(promise: Promise<T>, failure = this.#failure): Promise<T> {
    return failure ? Promise.race([promise, failure.promise]) : promise;
  }

  #teardown(error: LlmError): void {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#engine = undefined;
    this.#spec = undefined;
    this.#conversation = [];
    this.#generating = false;
    this.#failure?.reject(error);
    this.#failure = undefined;
    worker?.terminate();
  }
}

/** True when `messages` continue `conversation` unchanged: web-llm then keeps its KV cache. */
export function extendsConversation(
  conversation: readonly ChatMessage[],
  messages: readonly ChatMessage[],
): boolean {
  if (conversation.length === 0 || messages.length <= conversation.length) return false;
  return conversation.every((m, i) => messages[i]?.role === m.role && messages[i]?.content === m.content);
}

function usageToStats(
  usage: WebLlmChunk['usage'],
  reused: boolean,
  started: number,
  firstAt: number,
  ended: number,
): GenerationStats {
  // web-llm counts only the new part of the prompt when it continues a conversation.
  const prefillTokens = usage?.prompt_tokens ?? 0;
  const newTokens = usage?.completion_tokens ?? 0;
  const extra = usage?.extra;
  const decodeSeconds = (ended - firstAt) / 1000;
  return {
    promptTokens: prefillTokens,
    prefillTokens,
    cachedTokens: 0,
    cache: reused ? 'reused' : 'fresh',
    newTokens,
    timeToFirstTokenMs:
      extra?.time_to_first_token_s !== undefined ? extra.time_to_first_token_s * 1000 : firstAt - started,
    decodeTokensPerSecond:
      extra?.decode_tokens_per_s ??
      (newTokens > 1 && decodeSeconds > 0 ? (newTokens - 1) / decodeSeconds : 0),
    totalMs: ended - started,
    ...(extra ? { webllm: pickExtra(extra) } : {}),
  };
}

function pickExtra(extra: WebLlmUsageExtra): WebLlmUsageExtra {
  const {
    e2e_latency_s,
    prefill_tokens_per_s,
    decode_tokens_per_s,
    time_to_first_token_s,
    time_per_output_token_s,
  } = extra;
  return {
    e2e_latency_s,
    prefill_tokens_per_s,
    decode_tokens_per_s,
    time_to_first_token_s,
    time_per_output_token_s,
  };
}
