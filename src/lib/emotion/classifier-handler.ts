/**
 * The emotion worker's logic, as a class the tests drive directly in Node with real tiny models: it
 * configures transformers.js from the load request, keeps one lazily loaded `text-classification`
 * pipeline per model (loaded once, warmed up once), picks the model by the text's language, and maps
 * every output into the app's emotion scheme. transformers.js is imported only when a model first loads.
 */
import type {
  EmotionDevice,
  EmotionLoadOptions,
  EmotionProgress,
  EmotionRequest,
  EmotionResponse,
  LoadedModelInfo,
} from '../../workers/emotion-protocol';
import { ClassificationError, ModelUnavailableError, type UnavailableReason } from './errors';
import { selectMapper, type LabelMapper } from './labels';
import { toEmotionResult, type LabelScore } from './map-result';
import { modelForLanguage, type EmotionModelSpec } from './models';
import type { EmotionResult } from './scheme';
import { detectLanguage } from './text';

/** The part of a transformers.js text-classification pipeline this handler uses. */
export interface ClassifierPipeline {
  (texts: string[], options: { top_k: null }): Promise<LabelScore[][]>;
  readonly model: { readonly config: { readonly id2label?: Readonly<Record<string, string>> } };
  dispose(): Promise<void>;
}

/** A transformers.js progress event, loosely typed: the handler forwards what it recognises. */
export interface ProgressEvent {
  readonly status: string;
  readonly file?: string;
  readonly progress?: number;
  readonly loaded?: number;
  readonly total?: number;
}

/** The part of the transformers.js module this handler uses. */
export interface TransformersModule {
  readonly env: {
    allowRemoteModels: boolean;
    allowLocalModels: boolean;
    localModelPath: string;
    remoteHost: string;
    remotePathTemplate: string;
    backends: { onnx: { wasm?: { wasmPaths?: unknown } } };
  };
  pipeline(
    task: 'text-classification',
    model: string,
    options: {
      device?: string;
      dtype?: string;
      progress_callback?: (event: ProgressEvent) => void;
    },
  ): Promise<unknown>;
}

export interface ClassifierHandlerDeps {
  /** Sends a message to the main thread (`postMessage` in the worker). */
  readonly post: (message: EmotionResponse) => void;
  /** Loads transformers.js; by default a dynamic import, so it costs nothing until a model loads. */
  readonly loadTransformers?: () => Promise<TransformersModule>;
  /** `webgpu` when an adapter exists, `wasm` otherwise. Absent (Node): the library's default device. */
  readonly detectDevice?: () => Promise<'webgpu' | 'wasm'>;
  /** `navigator.onLine`; absent means "assume online". */
  readonly isOnline?: () => boolean;
}

interface LoadedModel {
  readonly spec: EmotionModelSpec;
  readonly pipe: ClassifierPipeline;
  readonly mapper: LabelMapper;
  readonly info: LoadedModelInfo;
}

const WARM_UP_TEXT = 'ok';

const PROGRESS_STATUSES: ReadonlySet<string> = new Set<EmotionProgress['status']>([
  'initiate',
  'download',
  'progress',
  'progress_total',
  'done',
  'ready',
]);

async function importTransformers(): Promise<TransformersModule> {
  return (await import('@huggingface/transformers')) as unknown as TransformersModule;
}

function errorText(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Which unavailable reason a load failure is, from what transformers.js and fetch throw. */
export function unavailableReason(error: unknown, online: boolean): UnavailableReason {
  const { name, message } = errorText(error);
  if (/allowRemoteModels=false|local_files_only/i.test(message)) return 'not-downloaded';
  if (!online) return 'offline';
  if (name === 'TypeError' && /fetch|network|load failed/i.test(message)) return 'offline';
  return 'load-failed';
}

function sameOptions(a: EmotionLoadOptions | null, b: EmotionLoadOptions): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** Handles the emotion protocol. One instance per worker. */
export class EmotionClassifierHandler {
  readonly #deps: ClassifierHandlerDeps;
  #options: EmotionLoadOptions | null = null;
  #transformers: Promise<TransformersModule> | null = null;
  readonly #instances = new Map<string, Promise<LoadedModel>>();
  /** Classifications run one at a time: ONNX Runtime sessions do not take concurrent runs on every backend. */
  #queue: Promise<void> = Promise.resolve();

  constructor(deps: ClassifierHandlerDeps) {
    this.#deps = deps;
  }

  /** Handle one request. Never throws: every failure is posted as an `error` message. */
  async handle(request: EmotionRequest): Promise<void> {
    switch (request.kind) {
      case 'load':
        await this.#load(request.options);
        return;
      case 'classify': {
        const run = this.#queue.then(() => this.#classify(request.id, request.texts));
        this.#queue = run.catch(() => undefined);
        await run;
        return;
      }
      case 'unload':
        await this.#unload();
        return;
    }
  }

  async #load(options: EmotionLoadOptions): Promise<void> {
    try {
      if (!sameOptions(this.#options, options)) await this.#unload();
      this.#options = options;
      const preload = options.preload ?? [...new Set(options.models.flatMap((spec) => spec.languages))];
      const specs = new Map<string, EmotionModelSpec>();
      for (const language of preload) {
        const spec = modelForLanguage(options.models, language);
        if (spec) specs.set(spec.id, spec);
      }
      const loaded = await Promise.all([...specs.values()].map((spec) => this.getInstance(spec)));
      this.#deps.post({ kind: 'ready', models: loaded.map((model) => model.info) });
    } catch (error) {
      this.#postError(error);
    }
  }

  async #classify(id: number, texts: readonly string[]): Promise<void> {
    try {
      const options = this.#options;
      if (!options) throw new ModelUnavailableError('not-loaded', 'Emotion classifier was not loaded.');
      const groups = new Map<string, { spec: EmotionModelSpec; indexes: number[] }>();
      texts.forEach((text, index) => {
        const spec = modelForLanguage(options.models, detectLanguage(text));
        if (!spec) throw new ModelUnavailableError('not-loaded', 'No emotion model is configured.');
        const group = groups.get(spec.id) ?? { spec, indexes: [] };
        group.indexes.push(index);
        groups.set(spec.id, group);
      });
      const results: EmotionResult[] = new Array<EmotionResult>(texts.length);
      for (const { spec, indexes } of groups.values()) {
        const model = await this.getInstance(spec);
        const batch = indexes.map((index) => texts[index] ?? '');
        let outputs: LabelScore[][];
        try {
          outputs = await model.pipe(batch, { top_k: null });
        } catch (error) {
          throw new ClassificationError(errorText(error).message);
        }
        indexes.forEach((index, position) => {
          results[index] = toEmotionResult(outputs[position] ?? [], model.mapper, {
            model: spec.id,
            text: batch[position] ?? '',
          });
        });
      }
      this.#deps.post({ kind: 'result', id, results });
    } catch (error) {
      this.#postError(error, id);
    }
  }

  /**
   * The loaded pipeline for `spec`, loading and warming it up on first use (one load per model, however
   * many callers ask at once). A failed load is forgotten so the next request tries again.
   * @throws ModelUnavailableError
   */
  getInstance(spec: EmotionModelSpec): Promise<LoadedModel> {
    const existing = this.#instances.get(spec.id);
    if (existing) return existing;
    const loading = this.#createInstance(spec);
    this.#instances.set(spec.id, loading);
    loading.catch(() => {
      if (this.#instances.get(spec.id) === loading) this.#instances.delete(spec.id);
    });
    return loading;
  }

  async #createInstance(spec: EmotionModelSpec): Promise<LoadedModel> {
    const options = this.#options;
    if (!options) throw new ModelUnavailableError('not-loaded', 'Emotion classifier was not loaded.');
    const online = this.#deps.isOnline?.() ?? true;
    let transformers: TransformersModule;
    try {
      transformers = await this.#configuredTransformers(options);
    } catch (error) {
      throw new ModelUnavailableError(
        'load-failed',
        `transformers.js did not load: ${errorText(error).message}`,
      );
    }
    const requested: EmotionDevice = options.device ?? 'auto';
    const detected = requested === 'auto' ? await this.#deps.detectDevice?.() : requested;
    try {
      return await this.#loadPipeline(transformers, spec, detected, options);
    } catch (error) {
      const reason = unavailableReason(error, online);
      // A WebGPU adapter that cannot run the model (driver, limits) is not the end: WASM runs everywhere.
      if (reason === 'load-failed' && detected === 'webgpu' && requested === 'auto') {
        try {
          return await this.#loadPipeline(transformers, spec, 'wasm', options);
        } catch (fallbackError) {
          throw new ModelUnavailableError(
            unavailableReason(fallbackError, online),
            `${spec.id}: ${errorText(fallbackError).message}`,
          );
        }
      }
      throw new ModelUnavailableError(reason, `${spec.id}: ${errorText(error).message}`);
    }
  }

  async #loadPipeline(
    transformers: TransformersModule,
    spec: EmotionModelSpec,
    device: Exclude<EmotionDevice, 'auto'> | undefined,
    options: EmotionLoadOptions,
  ): Promise<LoadedModel> {
    const lastPercent = new Map<string, number>();
    const pipe = (await transformers.pipeline('text-classification', spec.id, {
      ...(device ? { device } : {}),
      ...(options.dtype ? { dtype: options.dtype } : {}),
      progress_callback: (event) => {
        if (!PROGRESS_STATUSES.has(event.status)) return;
        // Byte-level events arrive by the hundred; whole percents are enough for a progress bar.
        if (event.status === 'progress' || event.status === 'progress_total') {
          const key = `${event.status}:${event.file ?? ''}`;
          const percent = Math.floor(event.progress ?? 0);
          if (lastPercent.get(key) === percent) return;
          lastPercent.set(key, percent);
        }
        this.#deps.post({
          kind: 'progress',
          model: spec.id,
          status: event.status as EmotionProgress['status'],
          ...(event.file !== undefined ? { file: event.file } : {}),
          ...(event.progress !== undefined ? { progress: event.progress } : {}),
          ...(event.loaded !== undefined ? { loaded: event.loaded } : {}),
          ...(event.total !== undefined ? { total: event.total } : {}),
        });
      },
    })) as ClassifierPipeline;
    const labels = Object.values(pipe.model.config.id2label ?? {});
    const mapper = selectMapper(labels);
    // The first run compiles kernels and allocates buffers; paying it now keeps the first message fast.
    await pipe([WARM_UP_TEXT], { top_k: null });
    return {
      spec,
      pipe,
      mapper,
      info: {
        id: spec.id,
        languages: spec.languages,
        labels,
        mapping: mapper.kind,
        device: device ?? 'default',
      },
    };
  }

  #configuredTransformers(options: EmotionLoadOptions): Promise<TransformersModule> {
    this.#transformers ??= (this.#deps.loadTransformers ?? importTransformers)();
    return this.#transformers.then((transformers) => {
      const { env } = transformers;
      env.allowRemoteModels = options.allowRemoteModels;
      if (options.localModelPath !== undefined) {
        env.allowLocalModels = true;
        env.localModelPath = options.localModelPath;
      }
      if (options.remoteHost !== undefined) env.remoteHost = options.remoteHost;
      if (options.remotePathTemplate !== undefined) env.remotePathTemplate = options.remotePathTemplate;
      if (options.wasmPaths !== undefined && env.backends.onnx.wasm) {
        env.backends.onnx.wasm.wasmPaths = options.wasmPaths;
      }
      return transformers;
    });
  }

  async #unload(): Promise<void> {
    const instances = [...this.#instances.values()];
    this.#instances.clear();
    this.#options = null;
    await Promise.all(
      instances.map(async (loading) => {
        try {
          await (await loading).pipe.dispose();
        } catch {
          // A model that never loaded has nothing to free.
        }
      }),
    );
  }

  #postError(error: unknown, id?: number): void {
    const { name, message } = errorText(error);
    this.#deps.post({
      kind: 'error',
      ...(id !== undefined ? { id } : {}),
      name,
      message,
      ...(error instanceof ModelUnavailableError ? { reason: error.reason } : {}),
    });
  }
}
