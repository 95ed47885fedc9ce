import type { CatalogModel, ChatEngine, DeviceReport, LoadProgress, LlmError, Recommendation } from '../llm';
import { app } from './app-manager.svelte';

/** The llm module (catalog, engines, device probe) loads with the chat screen, never at start-up. */
const loadLlm = () => import('../llm');

export type ModelStatus = 'idle' | 'detecting' | 'loading' | 'ready' | 'error';

/**
 * The on-device model: probes the device, recommends a model, downloads and loads it in a worker with a
 * real progress report, and can cancel or retry. The chat talks to `engine` once `status` is `ready`.
 */
export class ModelManager {
  #device = $state.raw<DeviceReport | undefined>(undefined);
  #models = $state.raw<CatalogModel[]>([]);
  #recommendation = $state.raw<Recommendation | undefined>(undefined);
  #status = $state<ModelStatus>('idle');
  #progress = $state.raw<LoadProgress | undefined>(undefined);
  #error = $state.raw<LlmError | undefined>(undefined);
  #model = $state.raw<CatalogModel | undefined>(undefined);
  #engine: ChatEngine | undefined;

  get device() {
    return this.#device;
  }
  get models() {
    return this.#models;
  }
  get recommendation() {
    return this.#recommendation;
  }
  get status() {
    return this.#status;
  }
  get progress() {
    return this.#progress;
  }
  get error() {
    return this.#error;
  }
  get model() {
    return this.#model;
  }
  get engine(): ChatEngine | undefined {
    return this.#status === 'ready' ? this.#engine : undefined;
  }

  /** Probes WebGPU, memory and storage once, and recommends a model for this device and language. */
  async detect(): Promise<void> {
    if (this.#device || this.#status === 'detecting') return;
    this.#status = 'detecting';
    const llm = await loadLlm();
    const device = await llm.detectDevice(llm.browserDeviceEnv());
    this.#device = device;
    this.#models = llm.availableModels(app.config.models);
    this.#recommendation = llm.recommend(
      device,
      app.locale,
      this.#models,
      app.config.models.defaultChatModel,
    );
    this.#status = 'idle';
  }

  /** Models that can run on this device (CPU models everywhere, WebLLM ones only with a real adapter). */
  get runnable(): CatalogModel[] {
    const device = this.#device;
    if (!device) return [];
    return this.#models.filter(
      (m) =>
        m.engine === 'cpu' ||
        (device.webgpu === 'adapter' && !device.isFallbackAdapter && (!m.needsShaderF16 || device.shaderF16)),
    );
  }

  async load(model: CatalogModel): Promise<void> {
    const llm = await loadLlm();
    this.#engine?.dispose();
    this.#model = model;
    this.#error = undefined;
    this.#progress = { phase: 'start', percent: 0, step: '' };
    this.#status = 'loading';
    // A large download should not be evicted when space runs low.
    await navigator.storage?.persist?.().catch(() => false);
    const engine: ChatEngine =
      model.engine === 'webllm'
        ? new llm.WebLlmEngineClient()
        : new llm.LlmEngineClient(llm.createCpuLlmWorker, { kind: 'cpu' });
    this.#engine = engine;
    const { ORT_WASM_PATHS } = await import('../ml/ort-assets');
    const spec = llm.loadSpecFor(model, {
      // The deployment's first model host, else `models/` beside the app.
      host: llm.modelHost(app.config.models, location.href),
      cacheBackend: 'cache',
      wasmPaths: ORT_WASM_PATHS as unknown as string,
    });
    try {
      await engine.load(spec, { onProgress: (progress) => (this.#progress = progress) });
      if (this.#engine !== engine) return;
      this.#status = 'ready';
    } catch (error) {
      if (this.#engine !== engine) return;
      this.#error = llm.toLlmError(error);
      this.#status = 'error';
      engine.dispose();
      this.#engine = undefined;
    }
  }

  /** Stops a download or load; what was half-fetched is cleaned up before the next try. */
  cancel(): void {
    this.#engine?.dispose();
    this.#engine = undefined;
    this.#status = 'idle';
    this.#progress = undefined;
  }

  async retry(): Promise<void> {
    if (this.#model) await this.load(this.#model);
  }

  /** After a crash or a lost device: a fresh worker with the same model; the conversation stays. */
  async recover(): Promise<void> {
    await this.retry();
  }
}

export const modelManager = new ModelManager();
