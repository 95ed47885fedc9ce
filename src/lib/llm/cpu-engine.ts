/**
 * The CPU engine: a transformers.js causal LM (ONNX Runtime on WASM in the browser, onnxruntime-node in
 * Node), behind `cpu-llm.worker.ts`.
 *
 * It keeps the KV cache across turns. transformers.js only checks the cache's length, not that it belongs
 * to the prompt, so this engine keeps the exact token sequence the cache covers and, on each turn, compares
 * it with the new prompt's tokens: a matching prefix is reused and only the new tokens are processed; a
 * mismatch (edited history, a reply that re-tokenizes differently) trims the cache to the common prefix,
 * which is exact for a causal decoder; `historyEdited` drops it. So a long conversation costs no more per
 * turn than a short one, and the model never sees a stale context.
 */
import type {
  DynamicCache,
  PreTrainedModel,
  PreTrainedTokenizer,
  ProgressInfo,
  Tensor,
} from '@huggingface/transformers';
import type {
  CacheUse,
  ChatMessage,
  CpuLoadSpec,
  GenerateOptions,
  GenerationResult,
  LoadProgress,
  LoadSpec,
  ModelInfo,
} from '../../workers/llm-protocol';
import type { EngineHandler } from './engine';
import {
  ContextTooLongError,
  EngineBusyError,
  ModelLoadFailedError,
  ModelNotLoadedError,
  toLlmError,
} from './errors';

type Transformers = typeof import('@huggingface/transformers');

/** How much of the cache a turn can use. */
export interface CachePlan {
  /** Cached tokens to keep (a prefix of both the cached and the new token sequence). */
  keep: number;
  use: CacheUse;
}

/**
 * Decide how much of the KV cache the next prompt can reuse. At least one prompt token is always left
 * to process, because generation needs a fresh forward pass to produce logits.
 */
export function planCacheReuse(
  cachedTokens: readonly number[],
  promptTokens: readonly number[],
  historyEdited = false,
): CachePlan {
  if (historyEdited || cachedTokens.length === 0) return { keep: 0, use: 'fresh' };
  let common = 0;
  const max = Math.min(cachedTokens.length, promptTokens.length);
  while (common < max && cachedTokens[common] === promptTokens[common]) common++;
  const keep = Math.min(common, promptTokens.length - 1);
  if (keep <= 0) return { keep: 0, use: 'fresh' };
  return { keep, use: keep === cachedTokens.length ? 'reused' : 'trimmed' };
}

/** Running totals of a transformers.js load, turned into the protocol's progress. */
export class TransformersProgress {
  readonly #files = new Map<string, { loaded: number; total: number }>();
  #startedAt: number | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Map one transformers.js progress event; undefined when it says nothing new. */
  map(info: ProgressInfo): LoadProgress | undefined {
    switch (info.status) {
      case 'initiate':
        return { phase: 'download', percent: this.#percent(), step: `Loading ${info.file}`, file: info.file };
      case 'progress':
        this.#files.set(info.file, { loaded: info.loaded, total: info.total });
        return this.#download(info.file);
      case 'progress_total':
        return undefined; // per-file events already add up to the same totals
      case 'done': {
        const f = this.#files.get(info.file);
        if (f) f.loaded = f.total;
        return this.#download(info.file);
      }
      case 'ready':
        return { phase: 'load', percent: 100, step: 'Model files ready' };
      default:
        return undefined;
    }
  }

  #percent(): number {
    let loaded = 0;
    let total = 0;
    for (const f of this.#files.values()) {
      loaded += f.loaded;
      total += f.total;
    }
    return total > 0 ? Math.min(100, (loaded / total) * 100) : 0;
  }

  #download(file: string): LoadProgress {
    this.#startedAt ??= this.now();
    let loadedBytes = 0;
    let totalBytes = 0;
    for (const f of this.#files.values()) {
      loadedBytes += f.loaded;
      totalBytes += f.total;
    }
    const seconds = (this.now() - this.#startedAt) / 1000;
    const bytesPerSecond = seconds > 0.2 ? loadedBytes / seconds : undefined;
    const secondsLeft =
      bytesPerSecond && bytesPerSecond > 0
        ? Math.max(0, (totalBytes - loadedBytes) / bytesPerSecond)
        : undefined;
    return {
      phase: 'download',
      percent: totalBytes > 0 ? Math.min(100, (loadedBytes / totalBytes) * 100) : 0,
      loadedBytes,
      totalBytes,
      bytesPerSecond,
      secondsLeft,
      step: `Downloading ${file}`,
      file,
    };
  }
}

/** Options for tests and tools; the worker uses the defaults. */
export interface CpuEngineOptions {
  /** Run one short generation after loading so the first reply is not slowed by ORT's lazy setup. */
  warmUp?: boolean;
  now?: () => number;
}

/** The CPU engine handler. One instance per worker. */
export class CpuEngine implements EngineHandler {
  #tf: Transformers | undefined;
  #tokenizer: PreTrainedTokenizer | undefined;
  #model: PreTrainedModel | undefined;
  #spec: CpuLoadSpec | undefined;
  #cache: DynamicCache | undefined;
  /** Exactly the tokens `#cache` holds keys and values for. */
  #cachedTokens: number[] = [];
  #stopper: { interrupt(): void; interrupted: boolean } | undefined;
  #busy = false;
  /** Tokens each forward pass of the current generation processed (the first is the prefill). */
  #forwardTokens: number[] | undefined;
  readonly #warmUp: boolean;
  readonly #now: () => number;

  constructor(options: CpuEngineOptions = {}) {
    this.#warmUp = options.warmUp ?? true;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Tokens the KV cache currently covers (for tests and the details panel). */
  get cachedTokenCount(): number {
    return this.#cachedTokens.length;
  }

  async load(spec: LoadSpec, onProgress: (progress: LoadProgress) => void): Promise<ModelInfo> {
    if (spec.engine !== 'cpu')
      throw new ModelLoadFailedError(`The CPU engine cannot load a ${spec.engine} model.`);
    if (this.#busy) throw new EngineBusyError();
    const started = this.#now();
    await this.unload();
    try {
      const tf = (this.#tf ??= await import('@huggingface/transformers'));
      configureEnvironment(tf, spec);
      const progress = new TransformersProgress(this.#now);
      const progress_callback = (info: ProgressInfo) => {
        const p = progress.map(info);
        if (p) onProgress(p);
      };
      onProgress({ phase: 'start', percent: 0, step: `Loading ${spec.modelId}` });
      const tokenizer = await tf.AutoTokenizer.from_pretrained(spec.modelId, { progress_callback });
      const model = await tf.AutoModelForCausalLM.from_pretrained(spec.modelId, {
        progress_callback,
        ...(spec.dtype ? { dtype: spec.dtype } : {}),
        ...(spec.device ? { device: spec.device } : {}),
      });
      this.#instrument(model);
      this.#tokenizer = tokenizer;
      this.#model = model;
      this.#spec = spec;
      if (this.#warmUp) {
        onProgress({ phase: 'warmup', percent: 100, step: 'Warming up' });
        await this.generate([{ role: 'user', content: 'Hi' }], { maxNewTokens: 1 }, () => {});
        await this.reset();
      }
      onProgress({ phase: 'ready', percent: 100, step: 'Ready' });
      return {
        engine: 'cpu',
        modelId: spec.modelId,
        contextWindow: spec.contextWindow,
        loadMs: this.#now() - started,
      };
    } catch (error) {
      await this.unload();
      throw toLlmError(error);
    }
  }

  async generate(
    messages: ChatMessage[],
    options: GenerateOptions,
    onToken: (text: string) => void,
  ): Promise<GenerationResult> {
    const tf = this.#tf;
    const tokenizer = this.#tokenizer;
    const model = this.#model;
    const spec = this.#spec;
    if (!tf || !tokenizer || !model || !spec) throw new ModelNotLoadedError();
    if (this.#busy) throw new EngineBusyError();
    this.#busy = true;
    const started = this.#now();
    try {
      const prompt = tokenizer.apply_chat_template<false, false, false>(messages, {
        tokenize: false,
        add_generation_prompt: true,
      });
      const promptIds = tokenizer.encode(prompt, { add_special_tokens: false });
      const promptTokens = promptIds.length;
      if (promptTokens >= spec.contextWindow) {
        throw new ContextTooLongError(
          `The prompt has ${promptTokens} tokens; the context window is ${spec.contextWindow}.`,
        );
      }
      const maxNewTokens = Math.max(1, Math.min(options.maxNewTokens, spec.contextWindow - promptTokens));

      const plan = planCacheReuse(this.#cachedTokens, promptIds, options.historyEdited);
      const cache = this.#prepareCache(tf, plan);

      const stopper = new tf.InterruptableStoppingCriteria();
      this.#stopper = stopper;
      let firstTokenAt: number | undefined;
      const streamer = new tf.TextStreamer(tokenizer, {
        skip_prompt: true,
        skip_special_tokens: true,
        callback_function: (text: string) => {
          if (text) onToken(text);
        },
        token_callback_function: () => {
          firstTokenAt ??= this.#now();
        },
      });
      const forwardTokens: number[] = [];
      this.#forwardTokens = forwardTokens;
      const output = (await model.generate({
        input_ids: new tf.Tensor('int64', BigInt64Array.from(promptIds.map(BigInt)), [1, promptTokens]),
        attention_mask: new tf.Tensor('int64', new BigInt64Array(promptTokens).fill(1n), [1, promptTokens]),
        past_key_values: cache,
        return_dict_in_generate: true,
        max_new_tokens: maxNewTokens,
        do_sample: (options.temperature ?? 0) > 0,
        ...(options.temperature ? { temperature: options.temperature } : {}),
        ...(options.topP ? { top_p: options.topP } : {}),
        ...(options.repetitionPenalty ? { repetition_penalty: options.repetitionPenalty } : {}),
        stopping_criteria: stopper,
        streamer,
      })) as {
        sequences: Tensor;
        past_key_values: DynamicCache;
      };
      const ended = this.#now();

      const sequence = (output.sequences.tolist() as bigint[][])[0]!.map(Number);
      this.#keepCache(output.past_key_values, sequence);

      const generated = sequence.slice(promptTokens);
      const eos = endTokenIds(model);
      const last = generated.at(-1);
      const finishReason = stopper.interrupted
        ? 'interrupted'
        : last !== undefined && eos.has(last)
          ? 'stop'
          : 'length';
      const text = tokenizer.decode(generated, { skip_special_tokens: true });
      const firstAt = firstTokenAt ?? ended;
      const decodeSeconds = (ended - firstAt) / 1000;
      return {
        text,
        finishReason,
        stats: {
          promptTokens,
          prefillTokens: forwardTokens[0] ?? 0,
          cachedTokens: plan.keep,
          cache: plan.use,
          newTokens: generated.length,
          timeToFirstTokenMs: firstAt - started,
          decodeTokensPerSecond:
            generated.length > 1 && decodeSeconds > 0 ? (generated.length - 1) / decodeSeconds : 0,
          totalMs: ended - started,
        },
      };
    } catch (error) {
      this.#dropCache();
      throw toLlmError(error);
    } finally {
      this.#busy = false;
      this.#stopper = undefined;
      this.#forwardTokens = undefined;
    }
  }

  interrupt(): void {
    this.#stopper?.interrupt();
  }

  reset(): Promise<void> {
    this.#dropCache();
    return Promise.resolve();
  }

  async unload(): Promise<void> {
    this.#dropCache();
    const model = this.#model;
    this.#model = undefined;
    this.#tokenizer = undefined;
    this.#spec = undefined;
    await model?.dispose();
  }

  /** Count forward passes and the tokens each processes: the first one of a turn is its prefill. */
  #instrument(model: PreTrainedModel): void {
    const forward = model.forward.bind(model) as (inputs: Record<string, unknown>) => Promise<unknown>;
    (model as unknown as { forward: typeof forward }).forward = (inputs) => {
      const ids = inputs.input_ids as { dims?: number[] } | undefined;
      this.#forwardTokens?.push(ids?.dims?.at(-1) ?? 0);
      return forward(inputs);
    };
  }

  #prepareCache(tf: Transformers, plan: CachePlan): DynamicCache {
    const cache = this.#cache;
    if (!cache || plan.use === 'fresh') {
      this.#dropCache();
      return new tf.DynamicCache();
    }
    if (plan.use === 'reused') return cache;
    // Keep the common prefix: for a causal decoder its keys and values do not depend on what followed.
    const trimmed: Record<string, Tensor> = {};
    for (const [name, tensor] of Object.entries(cache)) {
      const axes: (number[] | null)[] = tensor.dims.map(() => null);
      axes[tensor.dims.length - 2] = [0, plan.keep];
      trimmed[name] = tensor.slice(...axes);
    }
    return new tf.DynamicCache(trimmed);
  }

  /**
   * After a reply the cache covers the prompt and every generated token but the last (generation stops
   * before feeding it back), so the tokens it covers are the first `get_seq_length()` of the sequence.
   */
  #keepCache(cache: DynamicCache, sequence: number[]): void {
    const length = cache.get_seq_length();
    if (length > sequence.length) {
      this.#dropCache();
      return;
    }
    this.#cache = cache;
    this.#cachedTokens = sequence.slice(0, length);
  }

  #dropCache(): void {
    const cache = this.#cache;
    this.#cache = undefined;
    this.#cachedTokens = [];
    void cache?.dispose();
  }
}

function endTokenIds(model: PreTrainedModel): Set<number> {
  const config = (model as unknown as { generation_config?: { eos_token_id?: number | number[] | null } })
    .generation_config;
  const eos = config?.eos_token_id;
  return new Set(eos == null ? [] : Array.isArray(eos) ? eos : [eos]);
}

/** Point transformers.js at the deployment's model host only: never the public hub. */
function configureEnvironment(tf: Transformers, spec: CpuLoadSpec): void {
  const { env } = tf;
  env.allowLocalModels = spec.localModelPath !== undefined;
  if (spec.localModelPath !== undefined) env.localModelPath = spec.localModelPath;
  env.allowRemoteModels = spec.remoteHost !== undefined;
  if (spec.remoteHost !== undefined) env.remoteHost = spec.remoteHost;
  if (spec.remotePathTemplate !== undefined) env.remotePathTemplate = spec.remotePathTemplate;
  const wasm = env.backends.onnx.wasm as { wasmPaths?: unknown } | undefined;
  if (spec.wasmPaths !== undefined && wasm) wasm.wasmPaths = spec.wasmPaths;
}
