/**
 * Every message the emotion worker accepts or sends, shared by both sides. Replies to `classify` carry
 * its `id`; errors travel as data (`name`, `message`, `reason`) and become named errors on the main thread.
 */
import type { UnavailableReason } from '../lib/emotion/errors';
import type { LabelMapper } from '../lib/emotion/labels';
import type { EmotionModelSpec } from '../lib/emotion/models';
import type { EmotionResult } from '../lib/emotion/scheme';
import type { TextLanguage } from '../lib/emotion/text';

/** Where inference runs. `auto`: WebGPU when an adapter exists, WASM otherwise (CPU in Node). */
export type EmotionDevice = 'auto' | 'webgpu' | 'wasm' | 'cpu';

/** Which ONNX file is loaded: `q8` -> `onnx/model_quantized.onnx`, `fp32` -> `onnx/model.onnx`. */
export type EmotionDtype = 'q8' | 'fp32' | 'fp16' | 'q4' | 'q4f16';

/** Everything the worker needs to find and run the models; the worker itself knows no URL. */
export interface EmotionLoadOptions {
  readonly models: readonly EmotionModelSpec[];
  /** Languages whose model loads now; the others load on their first text. Default: all of them. */
  readonly preload?: readonly TextLanguage[];
  /** False: only files already on this device or under `localModelPath` are used. */
  readonly allowRemoteModels: boolean;
  /** A path on the app's origin such as `/models/` (not an absolute URL: transformers.js 4.3 then skips the tokenizer). */
  readonly localModelPath?: string;
  /** The deployment's model host, e.g. `https://models.example.org/`. */
  readonly remoteHost?: string;
  /** Path under `remoteHost`, with `{model}` and `{revision}`, e.g. `{model}/resolve/{revision}/`. */
  readonly remotePathTemplate?: string;
  /**
   * Where the locally served ONNX Runtime files (`ort-wasm-simd-threaded.asyncify.{mjs,wasm}`) are: a URL
   * prefix, or each file's URL (what a bundler's hashed asset names need). Never a CDN.
   */
  readonly wasmPaths?: string | { readonly mjs?: string; readonly wasm?: string };
  /** Default `auto`. */
  readonly device?: EmotionDevice;
  /** Default: the library's choice for the device (`q8` on WASM, `fp32` elsewhere). The browser should pass `q8`. */
  readonly dtype?: EmotionDtype;
}

/** What the worker accepts. */
export type EmotionRequest =
  | { readonly kind: 'load'; readonly options: EmotionLoadOptions }
  | { readonly kind: 'classify'; readonly id: number; readonly texts: readonly string[] }
  | { readonly kind: 'unload' };

/** A model the worker has loaded, as `ready` reports it. */
export interface LoadedModelInfo {
  readonly id: string;
  readonly languages: readonly TextLanguage[];
  /** The model's own labels (its config's id2label). */
  readonly labels: readonly string[];
  readonly mapping: LabelMapper['kind'];
  /** The device it actually runs on. */
  readonly device: Exclude<EmotionDevice, 'auto'> | 'default';
}

/** Download and load progress of one model file (transformers.js progress events, flattened). */
export interface EmotionProgress {
  readonly kind: 'progress';
  readonly model: string;
  readonly status: 'initiate' | 'download' | 'progress' | 'progress_total' | 'done' | 'ready';
  readonly file?: string;
  /** 0..100 */
  readonly progress?: number;
  readonly loaded?: number;
  readonly total?: number;
}

/** What the worker sends. */
export type EmotionResponse =
  | EmotionProgress
  | { readonly kind: 'ready'; readonly models: readonly LoadedModelInfo[] }
  | { readonly kind: 'result'; readonly id: number; readonly results: readonly EmotionResult[] }
  | {
      readonly kind: 'error';
      /** The `classify` id it answers; absent for a failed `load`. */
      readonly id?: number;
      readonly name: string;
      readonly message: string;
      readonly reason?: UnavailableReason;
    };
