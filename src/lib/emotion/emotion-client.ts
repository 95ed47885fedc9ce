/**
 * The main-thread client of the emotion worker. It owns the Worker (made by an injectable factory, so
 * tests pass a fake speaking the protocol), loads the classifier lazily on the first text, matches
 * replies to requests by id, and turns failures into named errors. `tryClassify` never throws: when the
 * model is not there the caller gets `{ ok: false, reason }` and the rest of the app carries on.
 *
 * It imports neither transformers.js nor the handler: both load inside the worker.
 */
import type {
  EmotionLoadOptions,
  EmotionProgress,
  EmotionRequest,
  EmotionResponse,
  LoadedModelInfo,
} from '../../workers/emotion-protocol';
import {
  ClassificationError,
  EmotionWorkerClosedError,
  ModelUnavailableError,
  isUnavailableReason,
  type UnavailableReason,
} from './errors';
import type { EmotionResult } from './scheme';

/** The part of a `Worker` the client uses; tests pass a fake with the same shape. */
export interface EmotionWorkerLike {
  postMessage(message: EmotionRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<EmotionResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

/** Makes a fresh worker; called on first use, and again after the worker died. */
export type EmotionWorkerFactory = () => EmotionWorkerLike;

/** The app's emotion worker, bundled by Vite as a module worker. */
export const createEmotionWorker: EmotionWorkerFactory = () =>
  new Worker(new URL('../../workers/emotion.worker.ts', import.meta.url), {
    type: 'module',
    name: 'emotion',
  });

/** Where the classifier stands, for a status line or a settings toggle. */
export type EmotionStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'loading'; readonly progress: number | null }
  | { readonly state: 'ready'; readonly models: readonly LoadedModelInfo[] }
  | { readonly state: 'unavailable'; readonly reason: UnavailableReason; readonly message: string };

/** The outcome of `tryClassify`: results, or why there are none. */
export type ClassifyOutcome =
  | { readonly ok: true; readonly results: readonly EmotionResult[] }
  | {
      readonly ok: false;
      /** `failed`: the model is there but this classification failed (the next may work). */
      readonly reason: UnavailableReason | 'failed';
      readonly error: Error;
    };

export interface EmotionClientOptions {
  /** Default: the app's bundled worker. */
  readonly createWorker?: EmotionWorkerFactory;
  /** Progress of model downloads and loads, per file. */
  readonly onProgress?: (progress: EmotionProgress) => void;
}

interface Pending {
  readonly resolve: (results: readonly EmotionResult[]) => void;
  readonly reject: (error: Error) => void;
}

interface PendingLoad {
  readonly promise: Promise<readonly LoadedModelInfo[]>;
  readonly resolve: (models: readonly LoadedModelInfo[]) => void;
  readonly reject: (error: Error) => void;
}

/** Turn an `error` message back into the named error it was. */
export function errorFromData(data: { name: string; message: string; reason?: UnavailableReason }): Error {
  if (data.name === 'ModelUnavailableError' || isUnavailableReason(data.reason)) {
    return new ModelUnavailableError(
      isUnavailableReason(data.reason) ? data.reason : 'load-failed',
      data.message,
    );
  }
  if (data.name === 'ClassificationError') return new ClassificationError(data.message);
  const error = new Error(data.message);
  error.name = data.name;
  return error;
}

/** One per app: owns the emotion worker. */
export class EmotionClient {
  readonly #createWorker: EmotionWorkerFactory;
  readonly #onProgress: ((progress: EmotionProgress) => void) | undefined;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Set<(status: EmotionStatus) => void>();
  #loadOptions: EmotionLoadOptions;
  #worker: EmotionWorkerLike | null = null;
  #load: PendingLoad | null = null;
  #loaded: Promise<readonly LoadedModelInfo[]> | null = null;
  #status: EmotionStatus = { state: 'idle' };
  #nextId = 1;

  constructor(loadOptions: EmotionLoadOptions, options: EmotionClientOptions = {}) {
    this.#loadOptions = loadOptions;
    this.#createWorker = options.createWorker ?? createEmotionWorker;
    this.#onProgress = options.onProgress;
  }

  get status(): EmotionStatus {
    return this.#status;
  }

  /** Called with every status change; returns the unsubscribe function. */
  subscribe(listener: (status: EmotionStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Load the classifier now (a "download" button, or "try again" after `unavailable`). Resolves with the
   * loaded models. A load already under way, or done, is shared; after a failure this tries again.
   * @throws ModelUnavailableError, EmotionWorkerClosedError
   */
  load(options?: EmotionLoadOptions): Promise<readonly LoadedModelInfo[]> {
    if (options) {
      this.#loadOptions = options;
      this.#loaded = null;
    }
    if (this.#loaded && this.#status.state !== 'unavailable') return this.#loaded;
    const worker = this.#ensureWorker();
    let resolve!: PendingLoad['resolve'];
    let reject!: PendingLoad['reject'];
    const promise = new Promise<readonly LoadedModelInfo[]>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.#load?.reject(new EmotionWorkerClosedError('A newer load replaced this one.'));
    this.#load = { promise, resolve, reject };
    this.#loaded = promise;
    this.#setStatus({ state: 'loading', progress: null });
    worker.postMessage({ kind: 'load', options: this.#loadOptions });
    return promise;
  }

  /**
   * Classify texts (one result per text, in order), loading the classifier first if needed. After a failed
   * load it fails at once with the same reason until `load()` is called, except when the reason was
   * `offline`, which is retried with each call.
   * @throws ModelUnavailableError when the model is not there, ClassificationError when a run failed,
   *   EmotionWorkerClosedError when the worker stopped.
   */
  async classify(texts: readonly string[]): Promise<readonly EmotionResult[]> {
    if (texts.length === 0) return [];
    const status = this.#status;
    // Offline heals itself, so every text tries again; a broken or switched-off download waits for `load()`
    // (re-fetching a broken 125 MB file on every message would be worse than no emotion analysis).
    if (status.state === 'unavailable' && status.reason !== 'offline') {
      throw new ModelUnavailableError(status.reason, status.message);
    }
    await this.load();
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise<readonly EmotionResult[]>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ kind: 'classify', id, texts: [...texts] });
    });
  }

  /** `classify` that never throws: `{ ok: false, reason }` when there is no result, so nothing crashes. */
  async tryClassify(texts: readonly string[]): Promise<ClassifyOutcome> {
    try {
      return { ok: true, results: await this.classify(texts) };
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      const reason = error instanceof ModelUnavailableError ? error.reason : 'failed';
      return { ok: false, reason, error };
    }
  }

  /** Free the models and stop the worker (the setting was switched off, or everything is being erased). */
  dispose(): void {
    const worker = this.#worker;
    if (worker) {
      worker.postMessage({ kind: 'unload' });
      worker.terminate();
    }
    this.#closeWorker(new EmotionWorkerClosedError('Emotion analysis was switched off.'));
    this.#setStatus({ state: 'idle' });
  }

  #ensureWorker(): EmotionWorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#createWorker();
    worker.addEventListener('message', (event) => this.#onMessage(event.data));
    const onCrash = (event: Event) => {
      if (this.#worker !== worker) return;
      const message = 'message' in event && typeof event.message === 'string' ? event.message : '';
      const detail = message ? `: ${message}` : '';
      worker.terminate();
      this.#closeWorker(new EmotionWorkerClosedError(`The emotion worker stopped${detail}.`));
      this.#setStatus({
        state: 'unavailable',
        reason: 'load-failed',
        message: `The emotion worker stopped${detail}.`,
      });
    };
    worker.addEventListener('error', onCrash);
    worker.addEventListener('messageerror', onCrash);
    this.#worker = worker;
    return worker;
  }

  /** Reject everything in flight; the next call starts a fresh worker and loads again. */
  #closeWorker(error: Error): void {
    this.#worker = null;
    this.#loaded = null;
    const load = this.#load;
    this.#load = null;
    load?.reject(error);
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const request of pending) request.reject(error);
  }

  #onMessage(message: EmotionResponse): void {
    switch (message.kind) {
      case 'progress':
        if (this.#status.state === 'loading' && message.status === 'progress_total') {
          this.#setStatus({ state: 'loading', progress: message.progress ?? null });
        }
        this.#onProgress?.(message);
        return;
      case 'ready': {
        const load = this.#load;
        this.#load = null;
        this.#setStatus({ state: 'ready', models: message.models });
        load?.resolve(message.models);
        return;
      }
      case 'result': {
        const request = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        request?.resolve(message.results);
        return;
      }
      case 'error': {
        const error = errorFromData(message);
        if (message.id === undefined) {
          // Only a failed load says the classifier is unavailable; one failed text says nothing about the next.
          const reason = error instanceof ModelUnavailableError ? error.reason : 'load-failed';
          this.#setStatus({ state: 'unavailable', reason, message: error.message });
          const load = this.#load;
          this.#load = null;
          load?.reject(
            error instanceof ModelUnavailableError ? error : new ModelUnavailableError(reason, error.message),
          );
          return;
        }
        const request = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        request?.reject(error);
        return;
      }
    }
  }

  #setStatus(status: EmotionStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }
}
