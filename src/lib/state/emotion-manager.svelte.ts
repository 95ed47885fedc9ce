/**
 * The app's one door to emotion analysis. It owns the `EmotionClient` (the worker starts on first use,
 * not at start-up), builds the load request from the deployment config, publishes the classifier's
 * status for the screens, and keeps the "analyse my messages" setting. `classify` never throws: when the
 * model is missing, switched off or fails, callers get `null` and carry on without a reading.
 */
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import {
  EmotionClient,
  UNAVAILABLE_MESSAGES,
  resolveEmotionModels,
  type ClassifyOutcome,
  type EmotionStatus,
  type EmotionWorkerFactory,
  type EmotionResult,
} from '../emotion';
import type { Locale } from '../config/schema';
import type { EmotionLoadOptions } from '../../workers/emotion-protocol';
import { app } from './app-manager.svelte';
import { storeManager } from './store-manager.svelte';

/** The setting (in the store's encrypted settings) that switches analysis of messages on or off. */
export const ANALYSE_MESSAGES_SETTING = 'emotion.analyseMessages';

/** Where the app serves model files on its own origin, relative to the page. */
export const LOCAL_MODEL_DIR = 'models/';

/** The deployment's model settings that decide where the classifier comes from. */
export interface EmotionModelConfig {
  readonly hosts: readonly string[];
  readonly emotionModels?: readonly string[];
}

/** The hub's own path layout; any other host is taken to be a plain mirror (`<host>/<model id>/...`). */

/* eslint-disable svelte/prefer-svelte-reactivity -- URL arithmetic on strings; nothing here is reactive */
/**
 * The worker's load request for a deployment. Model files come from the app's origin (`models/` beside
 * the page) unless the deployment names model hosts: then from the first host, and only from there
 * (the two are alternatives: with a local path set, a server that answers a missing file with
 * `index.html` would make the load fail before the host is asked). ONNX Runtime's .wasm is the
 * bundle's own same-origin copy (Vite emits it, hashed), never a CDN.
 * @param pageUrl the page's URL (`document.baseURI`): local paths and wasm URLs are resolved against it.
 * @param locale the interface language, whose model is loaded first.
 */
export function buildEmotionLoadOptions(
  models: EmotionModelConfig,
  pageUrl: string,
  locale: Locale,
  wasm: { wasm: string } = { wasm: ortWasmUrl },
): EmotionLoadOptions {
  const base = {
    models: resolveEmotionModels(models.emotionModels),
    // The interface language's model loads now (so the status is true); the other one with its first text.
    preload: [locale === 'zh-CN' ? 'zh' : 'en'],
    // Only the .wasm: transformers.js bundles ONNX Runtime's JS factory, so ORT uses that copy. Naming the
    // factory's .mjs as well makes transformers.js 4.3 re-serve it as a blob: URL, which the CSP
    // (script-src 'self') rightly blocks, and the classifier never starts.
    wasmPaths: { wasm: new URL(wasm.wasm, pageUrl).href },
    device: 'auto',
    dtype: 'q8',
  } as const satisfies Partial<EmotionLoadOptions>;
  // One mirror layout for every model the app loads (chat and emotion): `<host><id>/resolve/main/<file>`,
  // as on the model hub, so a clinic copies repositories as they are. No host: `models/` beside the app.
  const host = models.hosts[0] ?? new URL(LOCAL_MODEL_DIR, pageUrl).href;
  return {
    ...base,
    allowRemoteModels: true,
    remoteHost: host.endsWith('/') ? host : `${host}/`,
    remotePathTemplate: '{model}/resolve/{revision}/',
  };
}

/* eslint-enable svelte/prefer-svelte-reactivity */

/** Owns the emotion worker for the whole app. One instance: `emotionManager`. */
export class EmotionManager {
  #client: EmotionClient | null = null;
  #unsubscribe: (() => void) | null = null;
  #status = $state.raw<EmotionStatus>({ state: 'idle' });
  #enabled = $state(true);
  /** The store whose setting `#enabled` reflects; read again when another store opens. */
  #settingFrom: object | null = null;
  #createWorker: EmotionWorkerFactory | undefined;

  /** idle (nothing loaded yet) | loading (progress 0..100 or null) | ready | unavailable. */
  get status(): EmotionStatus {
    return this.#status;
  }

  /** "Analyse my messages": on unless the person switched it off. */
  get enabled(): boolean {
    return this.#enabled;
  }

  /** Why the classifier is unavailable, in the current language; '' when it is not. */
  get unavailableMessage(): string {
    const status = this.#status;
    return status.state === 'unavailable' ? UNAVAILABLE_MESSAGES[status.reason][app.locale] : '';
  }

  /** The load request for the current deployment (`app.config`). */
  loadOptions(): EmotionLoadOptions {
    return buildEmotionLoadOptions(app.config.models, document.baseURI, app.locale);
  }

  /**
   * The reading of one text, or `null` when analysis is off, the model is not there or the run failed.
   * Never throws. The chat calls it for each message the person sends.
   */
  async classify(text: string): Promise<EmotionResult | null> {
    if (!text.trim()) return null;
    await this.loadSetting();
    if (!this.#enabled) return null;
    const outcome = await this.#ensureClient().tryClassify([text]);
    return outcome.ok ? (outcome.results[0] ?? null) : null;
  }

  /**
   * Classify several texts regardless of the "analyse my messages" setting (the person asked for this
   * one, e.g. a free-writing report). Never throws: `{ ok: false, reason }` when there is no result.
   */
  classifyTexts(texts: readonly string[]): Promise<ClassifyOutcome> {
    return this.#ensureClient().tryClassify(texts);
  }

  /** Load (download) the classifier now, or try again after a failure. Never throws. */
  async load(): Promise<void> {
    try {
      await this.#ensureClient().load(this.loadOptions());
    } catch {
      // The status says why; the screens show it.
    }
  }

  /** Read the setting from the open store (once per store). Never throws; the default is on. */
  async loadSetting(): Promise<void> {
    const store = storeManager.store;
    if (!store || storeManager.keyState !== 'unlocked' || this.#settingFrom === store) return;
    this.#settingFrom = store;
    try {
      const saved = await store.settings.get(ANALYSE_MESSAGES_SETTING);
      this.#enabled = saved !== false;
    } catch {
      this.#enabled = true;
    }
  }

  /** Switch analysis of messages on or off; off also stops the worker and frees the model's memory. */
  async setEnabled(enabled: boolean): Promise<void> {
    this.#enabled = enabled;
    if (!enabled) this.#disposeClient();
    await storeManager.ready.settings.set(ANALYSE_MESSAGES_SETTING, enabled);
  }

  /** For tests: a fake worker speaking the emotion protocol instead of the bundled one. */
  useWorkerFactory(factory: EmotionWorkerFactory | undefined): void {
    this.#disposeClient();
    this.#createWorker = factory;
  }

  /** Stop the worker and forget everything (erase, tests). */
  reset(): void {
    this.#disposeClient();
    this.#enabled = true;
    this.#settingFrom = null;
  }

  #ensureClient(): EmotionClient {
    if (this.#client) return this.#client;
    const client = new EmotionClient(
      this.loadOptions(),
      this.#createWorker ? { createWorker: this.#createWorker } : {},
    );
    this.#unsubscribe = client.subscribe((status) => (this.#status = status));
    this.#client = client;
    return client;
  }

  #disposeClient(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#client?.dispose();
    this.#client = null;
    this.#status = { state: 'idle' };
  }
}

export const emotionManager = new EmotionManager();
