/**
 * Every message the LLM workers accept and send, in one place, shared by both sides.
 *
 * Requests: `load | generate | interrupt | reset | unload`, each with an `id` the replies carry back.
 * Replies: `progress` (loading), `ready` (load finished), `token` (a streamed piece of a reply),
 * `complete` (generation finished), `done` (interrupt/reset/unload acknowledged) and `error`.
 * Errors cross as data and become named error classes again on the main thread (`lib/llm/errors.ts`).
 *
 * The CPU worker speaks this protocol directly. The WebLLM worker speaks web-llm's own protocol, but its
 * adapter reports progress, results and errors with these same types, so the UI sees one shape.
 */

/** Which engine runs the model. */
export type EngineKind = 'webllm' | 'cpu';

/** One chat message as the model sees it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What the CPU worker needs to load a transformers.js model (a model folder with an `onnx/` subfolder). */
export interface CpuLoadSpec {
  engine: 'cpu';
  /** Model id, the folder name under the model root, e.g. `onnx-community/Qwen2.5-0.5B-Instruct`. */
  modelId: string;
  /** Same-origin path of a model root served with the app, e.g. `/models/`. Tried before any remote host. */
  localModelPath?: string;
  /** Remote host from the deployment config, e.g. `https://clinic.example/models/`. Unset: no remote loads. */
  remoteHost?: string;
  /** Path under `remoteHost`; transformers.js fills `{model}` and `{revision}`. */
  remotePathTemplate?: string;
  /** ONNX weights variant: `q8` reads `model_quantized.onnx`, `fp32` reads `model.onnx`, `q4` reads `model_q4.onnx`. */
  dtype?: 'fp32' | 'fp16' | 'q8' | 'q4' | 'q4f16';
  /** `wasm` in the browser; left out in Node (onnxruntime-node's CPU). */
  device?: 'wasm' | 'webgpu';
  /** Where the ONNX Runtime wasm files are served (same origin), instead of a CDN. */
  wasmPaths?: string;
  /** Context window in tokens, from the catalog; generation never goes past it. */
  contextWindow: number;
}

/** A custom web-llm model record: weights and model library on the deployment's host. */
export interface WebLlmModelRecord {
  model: string;
  model_id: string;
  model_lib: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  required_features?: string[];
  overrides?: { context_window_size?: number };
}

/** What the WebLLM adapter needs to load a model. */
export interface WebLlmLoadSpec {
  engine: 'webllm';
  modelId: string;
  /** Model list for web-llm's `appConfig`; the catalog builds it (host rewritten to a mirror if configured). */
  modelList: WebLlmModelRecord[];
  cacheBackend?: 'cache' | 'indexeddb' | 'opfs' | 'cross-origin';
  contextWindow: number;
}

export type LoadSpec = CpuLoadSpec | WebLlmLoadSpec;

/** Coarse step of a model load, for the progress line. */
export type LoadPhase = 'start' | 'download' | 'load' | 'compile' | 'warmup' | 'ready';

/** Load progress as the model manager shows it: a real bar, MB of total, speed, time left, step. */
export interface LoadProgress {
  phase: LoadPhase;
  /** 0..100 for the whole current phase. */
  percent: number;
  loadedBytes?: number;
  totalBytes?: number;
  /** Average download speed since the phase began. */
  bytesPerSecond?: number;
  secondsLeft?: number;
  /** The engine's own words for the current step (English, for the details line and logs). */
  step: string;
  /** File being fetched, when the engine says. */
  file?: string;
}

/** What a loaded model reports. */
export interface ModelInfo {
  engine: EngineKind;
  modelId: string;
  contextWindow: number;
  loadMs: number;
}

/** Options for one reply. */
export interface GenerateOptions {
  maxNewTokens: number;
  /** 0 or unset: greedy (deterministic). */
  temperature?: number;
  topP?: number;
  repetitionPenalty?: number;
  /**
   * Set when the caller changed earlier history (regenerate, trimming, a summary): the engine drops its
   * KV cache instead of trusting it. The CPU engine also checks the tokens itself.
   */
  historyEdited?: boolean;
}

/** How the KV cache was used for a reply. */
export type CacheUse = 'reused' | 'trimmed' | 'fresh';

/** WebLLM's own `usage.extra` figures. */
export interface WebLlmUsageExtra {
  e2e_latency_s?: number;
  prefill_tokens_per_s?: number;
  decode_tokens_per_s?: number;
  time_to_first_token_s?: number;
  time_per_output_token_s?: number;
}

/** Figures for one reply, for the bench and the details panel. */
export interface GenerationStats {
  /** Tokens in the whole rendered prompt (history included). */
  promptTokens: number;
  /** Prompt tokens actually processed this turn (prefill): the rest came from the KV cache. */
  prefillTokens: number;
  /** Prompt tokens taken from the KV cache. */
  cachedTokens: number;
  cache: CacheUse;
  /** Tokens generated. */
  newTokens: number;
  timeToFirstTokenMs: number;
  /** Generated tokens per second after the first one. */
  decodeTokensPerSecond: number;
  totalMs: number;
  /** Present when WebLLM produced the reply. */
  webllm?: WebLlmUsageExtra;
}

/** Why a reply ended. `interrupted`: the person pressed stop; the partial text is the reply. */
export type FinishReason = 'stop' | 'length' | 'interrupted';

export interface GenerationResult {
  text: string;
  finishReason: FinishReason;
  stats: GenerationStats;
}

/** Every request a worker accepts. */
export type LlmRequest =
  | { kind: 'load'; id: number; spec: LoadSpec }
  | { kind: 'generate'; id: number; messages: ChatMessage[]; options: GenerateOptions }
  | { kind: 'interrupt'; id: number }
  | { kind: 'reset'; id: number }
  | { kind: 'unload'; id: number };

/** An error as data: `name` picks the class on the other side, `code` is the stable key for messages. */
export interface ErrorData {
  name: string;
  message: string;
  code: string;
}

/** Every message a worker sends. `id` is the request's. */
export type LlmResponse =
  | { kind: 'progress'; id: number; progress: LoadProgress }
  | { kind: 'ready'; id: number; info: ModelInfo }
  | { kind: 'token'; id: number; text: string }
  | { kind: 'complete'; id: number; result: GenerationResult }
  | { kind: 'done'; id: number }
  | ({ kind: 'error'; id: number } & ErrorData);

export type LlmRequestKind = LlmRequest['kind'];
