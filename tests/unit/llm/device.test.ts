import { describe, expect, it } from 'vitest';
import { detectDevice, type GpuAdapterLike, type GpuLike } from '../../../src/lib/llm/device';

const storage = { estimate: () => Promise.resolve({ quota: 8 * 2 ** 30, usage: 2 ** 30 }) };

function adapter(
  features: string[],
  info: GpuAdapterLike['info'],
  extra: Partial<GpuAdapterLike> = {},
): GpuAdapterLike {
  return {
    features: new Set(features),
    limits: { maxStorageBufferBindingSize: 2 ** 30, maxBufferSize: 2 ** 31 },
    info,
    ...extra,
  };
}
const gpu = (a: GpuAdapterLike | null | Error): GpuLike => ({
  requestAdapter: () => (a instanceof Error ? Promise.reject(a) : Promise.resolve(a)),
});

describe('detectDevice', () => {
  it('reports no WebGPU and chooses the CPU engine', async () => {
    const d = await detectDevice({ deviceMemory: 4, storage });
    expect(d).toMatchObject({ webgpu: 'none', engine: 'cpu', engineReason: 'no-webgpu', deviceMemoryGB: 4 });
    expect(d.storage).toEqual({ quotaBytes: 8 * 2 ** 30, usageBytes: 2 ** 30, availableBytes: 7 * 2 ** 30 });
  });

  it('reports WebGPU without an adapter (Chromium without a GPU) and chooses the CPU engine', async () => {
    const d = await detectDevice({ gpu: gpu(null), storage });
    expect(d).toMatchObject({ webgpu: 'no-adapter', engine: 'cpu', engineReason: 'no-adapter' });
  });

  it('treats an adapter request that throws or hangs as no adapter', async () => {
    expect((await detectDevice({ gpu: gpu(new Error('GPU process crashed')) })).webgpu).toBe('no-adapter');
    const hang: GpuLike = { requestAdapter: () => new Promise(() => {}) };
    expect((await detectDevice({ gpu: hang, adapterTimeoutMs: 20 })).webgpu).toBe('no-adapter');
  });

  it('reads a real GPU: shader-f16, limits, vendor, and chooses WebLLM', async () => {
    const d = await detectDevice({
      gpu: gpu(
        adapter(['shader-f16'], { vendor: 'apple', architecture: 'metal-3', isFallbackAdapter: false }),
      ),
      deviceMemory: 8,
      storage,
    });
    expect(d).toMatchObject({
      webgpu: 'adapter',
      shaderF16: true,
      maxStorageBufferBindingSize: 2 ** 30,
      maxBufferSize: 2 ** 31,
      vendor: 'apple',
      architecture: 'metal-3',
      isFallbackAdapter: false,
      engine: 'webllm',
      engineReason: 'webgpu',
    });
  });

  it('recognises a software adapter like SwiftShader (no shader-f16) and keeps to the CPU engine', async () => {
    const d = await detectDevice({
      gpu: gpu(adapter([], { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true })),
    });
    expect(d).toMatchObject({
      shaderF16: false,
      isFallbackAdapter: true,
      engine: 'cpu',
      engineReason: 'fallback-adapter',
    });
  });

  it('reads adapter info through requestAdapterInfo on older browsers', async () => {
    const old = adapter(['shader-f16'], undefined, {
      requestAdapterInfo: () => Promise.resolve({ vendor: 'nvidia', architecture: 'ampere' }),
    });
    const d = await detectDevice({ gpu: gpu(old) });
    expect(d).toMatchObject({ vendor: 'nvidia', architecture: 'ampere', engine: 'webllm' });
  });

  it('leaves storage out when the estimate fails', async () => {
    const d = await detectDevice({ storage: { estimate: () => Promise.reject(new Error('denied')) } });
    expect(d.storage).toEqual({});
  });
});
