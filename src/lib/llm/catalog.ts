/**
 * The curated chat models, the deployment's say over them, and the recommendation for a device.
 *
 * WebLLM figures (VRAM, context window, model library file, low-resource flag) are web-llm 0.2.86's
 * `prebuiltAppConfig`; a unit test compares them, so an upgrade that changes them fails loudly.
 * Download sizes are estimates from the parameter count and the quantization (q4f16_1 stores 4.5 bits
 * per weight, q4f32_1 5 bits, q8 8 bits); the progress bar shows the real total once a download starts.
 */
import type { DeploymentConfig } from '../config/defaults';
import type { Locale } from '../config/schema';
import type {
  CpuLoadSpec,
  EngineKind,
  LoadSpec,
  WebLlmLoadSpec,
  WebLlmModelRecord,
} from '../../workers/llm-protocol';
import type { DeviceReport } from './device';

export type ModelFamily = 'qwen2.5' | 'llama3.2' | 'smollm2' | 'phi3.5';
export type Quantization = 'q4f16_1' | 'q4f32_1' | 'q8' | 'q4' | 'q4f16' | 'fp32';

/** One chat model the app offers. */
export interface CatalogModel {
  id: string;
  engine: EngineKind;
  family: ModelFamily;
  /** Human name, the same in every language. */
  label: string;
  /** Parameters, in billions. */
  paramsB: number;
  quantization: Quantization;
  /** Estimated download size. */
  downloadMB: number;
  /** GPU memory web-llm says the model needs; for CPU models, the RAM it takes. */
  vramMB: number;
  contextWindow: number;
  /** Languages it answers well in (of the app's two). */
  languages: Locale[];
  licence: string;
  /** Needs the WebGPU `shader-f16` feature (every q4f16 model). */
  needsShaderF16: boolean;
  /** web-llm's `low_resource_required`: fits phones and integrated GPUs. */
  lowResource: boolean;
  /** For a q4f16 model: the q4f32 twin for GPUs without `shader-f16`. */
  f32Variant?: string;
  /** WebLLM: the model library file name, under `libs/` on a mirror. */
  modelLib?: string;
  /** WebLLM: where web-llm fetches it by default (the public hub); a mirror replaces it. */
  upstreamModel?: string;
  upstreamModelLib?: string;
  /** CPU: the transformers.js dtype (picks the ONNX file). */
  dtype?: CpuLoadSpec['dtype'];
}

const HF = 'https://huggingface.co/mlc-ai/';
const LIBS = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/';
const BITS: Record<Quantization, number> = { q4f16_1: 4.5, q4f32_1: 5, q8: 8, q4: 4.5, q4f16: 4.5, fp32: 32 };
const estimateMB = (paramsB: number, q: Quantization) => Math.round((paramsB * 1e9 * BITS[q]) / 8 / 2 ** 20);

const BOTH: Locale[] = ['zh-CN', 'en'];
const EN: Locale[] = ['en'];

interface WebLlmRow {
  id: string;
  family: ModelFamily;
  label: string;
  paramsB: number;
  vramMB: number;
  lowResource: boolean;
  lib: string;
  languages: Locale[];
  licence: string;
}

function webllm(row: WebLlmRow): CatalogModel {
  const quantization: Quantization = row.id.includes('q4f16_1') ? 'q4f16_1' : 'q4f32_1';
  const f16 = quantization === 'q4f16_1';
  return {
    id: row.id,
    engine: 'webllm',
    family: row.family,
    label: row.label,
    paramsB: row.paramsB,
    quantization,
    downloadMB: estimateMB(row.paramsB, quantization),
    vramMB: row.vramMB,
    contextWindow: 4096,
    languages: row.languages,
    licence: row.licence,
    needsShaderF16: f16,
    lowResource: row.lowResource,
    ...(f16 ? { f32Variant: row.id.replace('q4f16_1', 'q4f32_1') } : {}),
    modelLib: row.lib,
    upstreamModel: HF + row.id,
    upstreamModelLib: LIBS + row.lib,
  };
}

/** WebLLM models, best first for Chinese: the Qwen family leads. */
export const WEBLLM_MODELS: readonly CatalogModel[] = [
  // prettier-ignore
  ...[
    ['Qwen2.5-1.5B-Instruct-q4f16_1-MLC', 'qwen2.5', 'Qwen2.5 1.5B', 1.54, 1629.75, true, 'Qwen2-1.5B-Instruct-q4f16_1_cs1k-webgpu.wasm', BOTH, 'Apache-2.0'],
    ['Qwen2.5-1.5B-Instruct-q4f32_1-MLC', 'qwen2.5', 'Qwen2.5 1.5B', 1.54, 1888.97, true, 'Qwen2-1.5B-Instruct-q4f32_1_cs1k-webgpu.wasm', BOTH, 'Apache-2.0'],
    ['Qwen2.5-3B-Instruct-q4f16_1-MLC', 'qwen2.5', 'Qwen2.5 3B', 3.09, 2504.76, true, 'Qwen2.5-3B-Instruct-q4f16_1_cs1k-webgpu.wasm', BOTH, 'Qwen Research License'],
    ['Qwen2.5-3B-Instruct-q4f32_1-MLC', 'qwen2.5', 'Qwen2.5 3B', 3.09, 2893.64, true, 'Qwen2.5-3B-Instruct-q4f32_1_cs1k-webgpu.wasm', BOTH, 'Qwen Research License'],
    ['Qwen2.5-0.5B-Instruct-q4f16_1-MLC', 'qwen2.5', 'Qwen2.5 0.5B', 0.49, 944.62, true, 'Qwen2-0.5B-Instruct-q4f16_1_cs1k-webgpu.wasm', BOTH, 'Apache-2.0'],
    ['Qwen2.5-0.5B-Instruct-q4f32_1-MLC', 'qwen2.5', 'Qwen2.5 0.5B', 0.49, 1060.2, true, 'Qwen2-0.5B-Instruct-q4f32_1_cs1k-webgpu.wasm', BOTH, 'Apache-2.0'],
    ['Phi-3.5-mini-instruct-q4f16_1-MLC', 'phi3.5', 'Phi-3.5 mini', 3.82, 3672.07, false, 'Phi-3.5-mini-instruct-q4f16_1_cs1k-webgpu.wasm', BOTH, 'MIT'],
    ['Phi-3.5-mini-instruct-q4f32_1-MLC', 'phi3.5', 'Phi-3.5 mini', 3.82, 5483.12, false, 'Phi-3.5-mini-instruct-q4f32_1_cs1k-webgpu.wasm', BOTH, 'MIT'],
    ['Llama-3.2-3B-Instruct-q4f16_1-MLC', 'llama3.2', 'Llama 3.2 3B', 3.21, 2263.69, true, 'Llama-3.2-3B-Instruct-q4f16_1_cs1k-webgpu.wasm', EN, 'Llama 3.2 Community License'],
    ['Llama-3.2-3B-Instruct-q4f32_1-MLC', 'llama3.2', 'Llama 3.2 3B', 3.21, 2951.51, true, 'Llama-3.2-3B-Instruct-q4f32_1_cs1k-webgpu.wasm', EN, 'Llama 3.2 Community License'],
    ['Llama-3.2-1B-Instruct-q4f16_1-MLC', 'llama3.2', 'Llama 3.2 1B', 1.24, 879.04, true, 'Llama-3.2-1B-Instruct-q4f16_1_cs1k-webgpu.wasm', EN, 'Llama 3.2 Community License'],
    ['Llama-3.2-1B-Instruct-q4f32_1-MLC', 'llama3.2', 'Llama 3.2 1B', 1.24, 1128.82, true, 'Llama-3.2-1B-Instruct-q4f32_1_cs1k-webgpu.wasm', EN, 'Llama 3.2 Community License'],
    ['SmolLM2-1.7B-Instruct-q4f16_1-MLC', 'smollm2', 'SmolLM2 1.7B', 1.71, 1774.19, true, 'SmolLM2-1.7B-Instruct-q4f16_1_cs1k-webgpu.wasm', EN, 'Apache-2.0'],
    ['SmolLM2-1.7B-Instruct-q4f32_1-MLC', 'smollm2', 'SmolLM2 1.7B', 1.71, 2692.38, true, 'SmolLM2-1.7B-Instruct-q4f32_1_cs1k-webgpu.wasm', EN, 'Apache-2.0'],
    ['SmolLM2-360M-Instruct-q4f16_1-MLC', 'smollm2', 'SmolLM2 360M', 0.36, 376.06, true, 'SmolLM2-360M-Instruct-q4f16_1_cs1k-webgpu.wasm', EN, 'Apache-2.0'],
    ['SmolLM2-360M-Instruct-q4f32_1-MLC', 'smollm2', 'SmolLM2 360M', 0.36, 579.61, true, 'SmolLM2-360M-Instruct-q4f32_1_cs1k-webgpu.wasm', EN, 'Apache-2.0'],
  ].map(([id, family, label, paramsB, vramMB, lowResource, lib, languages, licence]) =>
    webllm({ id, family, label, paramsB, vramMB, lowResource, lib, languages, licence } as WebLlmRow),
  ),
];

/** transformers.js models for devices without a usable GPU (ONNX on WASM). */
export const CPU_MODELS: readonly CatalogModel[] = [
  {
    id: 'onnx-community/Qwen2.5-0.5B-Instruct',
    engine: 'cpu',
    family: 'qwen2.5',
    label: 'Qwen2.5 0.5B (CPU)',
    paramsB: 0.49,
    quantization: 'q8',
    dtype: 'q8',
    downloadMB: estimateMB(0.49, 'q8'),
    vramMB: 1024,
    contextWindow: 4096,
    languages: BOTH,
    licence: 'Apache-2.0',
    needsShaderF16: false,
    lowResource: true,
  },
];

export const CATALOG: readonly CatalogModel[] = [...WEBLLM_MODELS, ...CPU_MODELS];

type ModelsConfig = DeploymentConfig['models'];

/** The models the deployment allows, in catalog order; `extra` adds entries (a clinic's or a test's own). */
export function availableModels(config: ModelsConfig, extra: readonly CatalogModel[] = []): CatalogModel[] {
  const all = [...CATALOG, ...extra];
  const allowed = config.chatModels;
  return allowed && allowed.length > 0 ? all.filter((m) => allowed.includes(m.id)) : all;
}

/**
 * The base URL model files come from, ending in `/`: the deployment's first model host, or `models/`
 * next to the app (the Content-Security-Policy allows no other origin unless the config names it).
 */
export function modelHost(config: ModelsConfig, appBaseUrl: string): string {
  const host = config.hosts[0] ?? new URL('models/', appBaseUrl).href;
  return host.endsWith('/') ? host : `${host}/`;
}

/**
 * web-llm's record for a model on a mirror: weights at `<host><id>/resolve/main/` (web-llm would append
 * `resolve/main/` itself; it is written out so the layout is explicit), library at `<host>libs/<file>`.
 */
export function webLlmRecord(model: CatalogModel, host: string): WebLlmModelRecord {
  if (model.engine !== 'webllm' || !model.modelLib) throw new Error(`${model.id} is not a WebLLM model.`);
  return {
    model_id: model.id,
    model: `${host}${model.id}/resolve/main/`,
    model_lib: `${host}libs/${model.modelLib}`,
    vram_required_MB: model.vramMB,
    low_resource_required: model.lowResource,
    ...(model.needsShaderF16 ? { required_features: ['shader-f16'] } : {}),
    overrides: { context_window_size: model.contextWindow },
  };
}

export interface LoadSpecOptions {
  /** From `modelHost`. */
  host: string;
  cacheBackend?: WebLlmLoadSpec['cacheBackend'];
  /** CPU: where ONNX Runtime's wasm files are served. */
  wasmPaths?: string;
  /** CPU: `wasm` in the browser (the default). */
  device?: CpuLoadSpec['device'];
}

/** The load request for a catalog model. */
export function loadSpecFor(model: CatalogModel, options: LoadSpecOptions): LoadSpec {
  if (model.engine === 'webllm') {
    return {
      engine: 'webllm',
      modelId: model.id,
      modelList: [webLlmRecord(model, options.host)],
      contextWindow: model.contextWindow,
      ...(options.cacheBackend ? { cacheBackend: options.cacheBackend } : {}),
    };
  }
  return {
    engine: 'cpu',
    modelId: model.id,
    remoteHost: options.host,
    remotePathTemplate: '{model}/resolve/{revision}/',
    contextWindow: model.contextWindow,
    device: options.device ?? 'wasm',
    ...(model.dtype ? { dtype: model.dtype } : {}),
    ...(options.wasmPaths ? { wasmPaths: options.wasmPaths } : {}),
  };
}

/** Why a model was recommended: a stable key the UI maps to words, with `params` to fill in. */
export type RecommendReason =
  | 'deployment-default'
  | 'webgpu-best-fit'
  | 'webgpu-no-shader-f16'
  | 'webgpu-tight-memory'
  | 'cpu-no-webgpu'
  | 'cpu-no-adapter'
  | 'cpu-fallback-adapter'
  | 'none-available';

export interface Recommendation {
  model: CatalogModel | undefined;
  reason: RecommendReason;
  params: Record<string, string | number>;
  /** Other models that would run here, best first (for "choose another"). */
  alternatives: CatalogModel[];
}

/** GPU memory to plan for, from the (capped, coarse) device memory: a third, at most 3 GB. */
export function gpuBudgetMB(device: Pick<DeviceReport, 'deviceMemoryGB'>): number {
  const gb = device.deviceMemoryGB;
  if (gb === undefined) return 2048; // Safari and Firefox do not say: assume a mid-range device
  return Math.min(3072, Math.round((gb * 1024) / 3));
}

/**
 * Pick the model for this device and language. Prefers the deployment's default when it runs here,
 * then the largest model in the person's language that fits the GPU budget (q4f32 where `shader-f16` is
 * missing), then the CPU path where WebGPU is missing or only a software adapter exists.
 */
export function recommend(
  device: DeviceReport,
  locale: Locale,
  models: readonly CatalogModel[] = CATALOG,
  defaultId?: string,
): Recommendation {
  const speaks = (m: CatalogModel) => m.languages.includes(locale);
  const byLocale = (list: CatalogModel[]) => [...list.filter(speaks), ...list.filter((m) => !speaks(m))];

  if (device.engine === 'cpu') {
    const cpu = byLocale(models.filter((m) => m.engine === 'cpu'));
    const reason: RecommendReason =
      device.engineReason === 'no-adapter'
        ? 'cpu-no-adapter'
        : device.engineReason === 'fallback-adapter'
          ? 'cpu-fallback-adapter'
          : 'cpu-no-webgpu';
    const fromDefault = cpu.find((m) => m.id === defaultId);
    const model = fromDefault ?? cpu[0];
    return {
      model,
      reason: model ? reason : 'none-available',
      params: model ? { model: model.label, sizeMB: model.downloadMB } : {},
      alternatives: cpu.filter((m) => m !== model),
    };
  }

  const budget = gpuBudgetMB(device);
  const runnable = models.filter((m) => m.engine === 'webllm' && (device.shaderF16 || !m.needsShaderF16));
  const fits = runnable.filter((m) => m.vramMB <= budget);
  const smallFirst = [...runnable].sort((a, b) => a.vramMB - b.vramMB);
  // Largest model first; of two variants the smaller (q4f16 where it runs) is faster for the same answers.
  const largeFirst = [...fits].sort((a, b) => b.paramsB - a.paramsB || a.vramMB - b.vramMB);
  const ranked = byLocale(largeFirst);

  const fromDefault = fits.find((m) => m.id === defaultId);
  if (fromDefault) {
    return {
      model: fromDefault,
      reason: 'deployment-default',
      params: { model: fromDefault.label },
      alternatives: ranked.filter((m) => m !== fromDefault),
    };
  }
  // A model that cannot answer in the person's language is no use to them, however well it fits.
  const anySpeaks = runnable.some(speaks);
  const best = anySpeaks ? ranked.find(speaks) : ranked[0];
  if (best) {
    const missingF16 = !device.shaderF16 && models.some((m) => m.engine === 'webllm' && m.needsShaderF16);
    return {
      model: best,
      reason: missingF16 ? 'webgpu-no-shader-f16' : 'webgpu-best-fit',
      params: { model: best.label, vramMB: Math.round(best.vramMB), budgetMB: budget },
      alternatives: ranked.filter((m) => m !== best),
    };
  }
  // Nothing fits the estimate: offer the smallest in the person's language, and say it may not run well.
  const smallest = smallFirst.find(speaks) ?? smallFirst[0];
  if (smallest) {
    return {
      model: smallest,
      reason: 'webgpu-tight-memory',
      params: { model: smallest.label, vramMB: Math.round(smallest.vramMB), budgetMB: budget },
      alternatives: models.filter((m) => m.engine === 'cpu'),
    };
  }
  const cpu = byLocale(models.filter((m) => m.engine === 'cpu'));
  return {
    model: cpu[0],
    reason: cpu[0] ? 'cpu-no-webgpu' : 'none-available',
    params: cpu[0] ? { model: cpu[0].label } : {},
    alternatives: cpu.slice(1),
  };
}

/** Room for a download, for the warning before it starts. */
export interface StorageFit {
  fits: boolean | 'unknown';
  requiredMB: number;
  availableMB?: number;
}

/** Headroom a download needs beyond its own size (cache bookkeeping, the app, the person's data). */
const STORAGE_MARGIN = 1.1;
const STORAGE_RESERVE_MB = 100;

/** Whether a model's download fits the storage estimate (`navigator.storage.estimate()`). */
export function fitsStorage(model: CatalogModel, estimate: { quota?: number; usage?: number }): StorageFit {
  const requiredMB = Math.ceil(model.downloadMB * STORAGE_MARGIN + STORAGE_RESERVE_MB);
  if (estimate.quota === undefined) return { fits: 'unknown', requiredMB };
  const availableMB = Math.floor(Math.max(0, estimate.quota - (estimate.usage ?? 0)) / 2 ** 20);
  return { fits: availableMB >= requiredMB, requiredMB, availableMB };
}

/** The q4f32 twin of a q4f16 model, for a GPU without `shader-f16`. */
export function f32VariantOf(
  model: CatalogModel,
  models: readonly CatalogModel[] = CATALOG,
): CatalogModel | undefined {
  return model.f32Variant ? models.find((m) => m.id === model.f32Variant) : undefined;
}
