import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import {
  availableModels,
  CATALOG,
  CPU_MODELS,
  f32VariantOf,
  fitsStorage,
  loadSpecFor,
  modelHost,
  recommend,
  WEBLLM_MODELS,
  webLlmRecord,
} from '../../../src/lib/llm/catalog';
import type { DeviceReport } from '../../../src/lib/llm/device';

const NO_HOSTS = { hosts: [] };

function gpuDevice(overrides: Partial<DeviceReport> = {}): DeviceReport {
  return {
    webgpu: 'adapter',
    shaderF16: true,
    maxStorageBufferBindingSize: 2 ** 30,
    isFallbackAdapter: false,
    deviceMemoryGB: 8,
    storage: { quotaBytes: 50 * 2 ** 30, usageBytes: 0 },
    engine: 'webllm',
    engineReason: 'webgpu',
    ...overrides,
  };
}

describe('catalog figures', () => {
  it('match web-llm’s own prebuilt config (VRAM, context window, library, low-resource flag)', () => {
    for (const model of WEBLLM_MODELS) {
      const record = prebuiltAppConfig.model_list.find((r) => r.model_id === model.id);
      expect(record, model.id).toBeDefined();
      expect(model.vramMB).toBe(record!.vram_required_MB);
      expect(model.contextWindow).toBe(record!.overrides?.context_window_size);
      expect(model.lowResource).toBe(record!.low_resource_required);
      expect(model.upstreamModel).toBe(record!.model);
      expect(model.upstreamModelLib).toBe(record!.model_lib);
    }
  });

  it('lists Qwen first, and has a q4f32 twin for every model that needs shader-f16', () => {
    expect(WEBLLM_MODELS[0]!.family).toBe('qwen2.5');
    for (const model of WEBLLM_MODELS.filter((m) => m.needsShaderF16)) {
      const twin = f32VariantOf(model);
      expect(twin?.needsShaderF16, model.id).toBe(false);
      expect(twin?.family).toBe(model.family);
    }
    expect(
      CATALOG.filter((m) => m.engine === 'webllm' && m.needsShaderF16).every(
        (m) => m.quantization === 'q4f16_1',
      ),
    ).toBe(true);
  });

  it('has a CPU model that speaks Chinese and English', () => {
    expect(CPU_MODELS[0]).toMatchObject({
      id: 'onnx-community/Qwen2.5-0.5B-Instruct',
      languages: ['zh-CN', 'en'],
    });
    expect(CPU_MODELS[0]!.downloadMB).toBeGreaterThan(300);
  });
});

describe('deployment config', () => {
  it('restricts the list to the allowed models', () => {
    const allowed = ['Qwen2.5-0.5B-Instruct-q4f32_1-MLC', 'onnx-community/Qwen2.5-0.5B-Instruct'];
    expect(availableModels({ hosts: [], chatModels: allowed }).map((m) => m.id)).toEqual(allowed);
    expect(availableModels(NO_HOSTS)).toHaveLength(CATALOG.length);
  });

  it('points every model and library URL at the mirror', () => {
    const host = modelHost({ hosts: ['https://clinic.example/llm'] }, 'https://app.example/');
    expect(host).toBe('https://clinic.example/llm/');
    const record = webLlmRecord(WEBLLM_MODELS[0]!, host);
    expect(record.model).toBe('https://clinic.example/llm/Qwen2.5-1.5B-Instruct-q4f16_1-MLC/resolve/main/');
    expect(record.model_lib).toBe(
      'https://clinic.example/llm/libs/Qwen2-1.5B-Instruct-q4f16_1_cs1k-webgpu.wasm',
    );
    expect(record.required_features).toEqual(['shader-f16']);
  });

  it('defaults to models/ next to the app, never a third party', () => {
    expect(modelHost(NO_HOSTS, 'https://app.example/solace/index.html')).toBe(
      'https://app.example/solace/models/',
    );
    const spec = loadSpecFor(CPU_MODELS[0]!, { host: 'https://app.example/solace/models/' });
    expect(spec).toMatchObject({
      engine: 'cpu',
      remoteHost: 'https://app.example/solace/models/',
      device: 'wasm',
      dtype: 'q8',
    });
    const web = loadSpecFor(WEBLLM_MODELS[0]!, { host: 'https://app.example/m/', cacheBackend: 'indexeddb' });
    expect(
      web.engine === 'webllm' && web.modelList.every((r) => r.model.startsWith('https://app.example/m/')),
    ).toBe(true);
  });
});

describe('recommend', () => {
  it('offers the CPU path, in the person’s language, when there is no WebGPU', () => {
    const device = gpuDevice({ webgpu: 'none', shaderF16: false, engine: 'cpu', engineReason: 'no-webgpu' });
    const r = recommend(device, 'zh-CN');
    expect(r.model?.engine).toBe('cpu');
    expect(r.reason).toBe('cpu-no-webgpu');
    expect(r.params.model).toBe('Qwen2.5 0.5B (CPU)');
  });

  it('says why when only a software adapter exists (SwiftShader)', () => {
    const device = gpuDevice({
      shaderF16: false,
      isFallbackAdapter: true,
      engine: 'cpu',
      engineReason: 'fallback-adapter',
    });
    expect(recommend(device, 'en').reason).toBe('cpu-fallback-adapter');
  });

  it('picks a q4f32 model when the GPU lacks shader-f16', () => {
    const r = recommend(gpuDevice({ shaderF16: false, deviceMemoryGB: 4 }), 'zh-CN');
    expect(r.model?.needsShaderF16).toBe(false);
    expect(r.model?.family).toBe('qwen2.5');
    expect(r.reason).toBe('webgpu-no-shader-f16');
    expect(r.alternatives.every((m) => !m.needsShaderF16)).toBe(true);
  });

  it('picks the largest Chinese-speaking model that fits, preferring q4f16 where it runs', () => {
    const r = recommend(gpuDevice({ deviceMemoryGB: 8 }), 'zh-CN');
    expect(r.model?.id).toBe('Qwen2.5-3B-Instruct-q4f16_1-MLC');
    expect(r.reason).toBe('webgpu-best-fit');
    const small = recommend(gpuDevice({ deviceMemoryGB: 4 }), 'zh-CN');
    expect(small.model?.id).toBe('Qwen2.5-0.5B-Instruct-q4f16_1-MLC');
    expect(small.params).toMatchObject({ budgetMB: 1365 });
  });

  it('never recommends an English-only model for Chinese while a Chinese one fits', () => {
    for (const gb of [2, 4, 8]) {
      const r = recommend(gpuDevice({ deviceMemoryGB: gb }), 'zh-CN');
      expect(r.model?.languages, `${gb} GB`).toContain('zh-CN');
    }
  });

  it('honours the deployment default when it fits, and ignores it when it does not', () => {
    const device = gpuDevice({ deviceMemoryGB: 8 });
    const r = recommend(device, 'en', CATALOG, 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC');
    expect(r).toMatchObject({
      reason: 'deployment-default',
      model: { id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC' },
    });
    expect(recommend(device, 'en', CATALOG, 'Phi-3.5-mini-instruct-q4f32_1-MLC').reason).toBe(
      'webgpu-best-fit',
    );
  });

  it('offers the smallest model with a warning when nothing fits', () => {
    const r = recommend(gpuDevice({ deviceMemoryGB: 1 }), 'zh-CN');
    expect(r.reason).toBe('webgpu-tight-memory');
    expect(r.model?.id).toBe('Qwen2.5-0.5B-Instruct-q4f16_1-MLC');
  });

  it('stays within the models the deployment allows', () => {
    const allowed = availableModels({ hosts: [], chatModels: ['Llama-3.2-1B-Instruct-q4f32_1-MLC'] });
    const r = recommend(gpuDevice(), 'zh-CN', allowed);
    expect(r.model?.id).toBe('Llama-3.2-1B-Instruct-q4f32_1-MLC');
    const none = recommend(gpuDevice({ engine: 'cpu', engineReason: 'no-webgpu' }), 'en', allowed);
    expect(none).toMatchObject({ model: undefined, reason: 'none-available' });
  });
});

describe('fitsStorage', () => {
  const model = WEBLLM_MODELS.find((m) => m.id === 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC')!;
  it('warns before a download that will not fit', () => {
    expect(fitsStorage(model, { quota: 500 * 2 ** 20, usage: 0 })).toMatchObject({
      fits: false,
      availableMB: 500,
    });
    expect(fitsStorage(model, { quota: 10 * 2 ** 30, usage: 9.5 * 2 ** 30 }).fits).toBe(false);
  });
  it('allows one that fits with room to spare', () => {
    expect(fitsStorage(model, { quota: 10 * 2 ** 30, usage: 2 ** 30 }).fits).toBe(true);
  });
  it('says unknown when the browser gives no estimate', () => {
    expect(fitsStorage(model, {}).fits).toBe('unknown');
  });
});
