/**
 * What this device can run: WebGPU (adapter, `shader-f16`, buffer limits, fallback/software adapter),
 * memory and storage. Everything comes in through `DeviceEnv`, so the logic is tested in Node with
 * fakes and in Chromium for real.
 */
import type { EngineKind } from '../../workers/llm-protocol';

/** The parts of `GPUAdapter` read here. */
export interface GpuAdapterLike {
  features: { has(name: string): boolean };
  limits: { maxStorageBufferBindingSize: number; maxBufferSize?: number };
  /** Chrome 114+: `adapter.info`; older: `requestAdapterInfo()`. */
  info?: GpuAdapterInfoLike;
  requestAdapterInfo?: () => Promise<GpuAdapterInfoLike>;
  /** Older Chrome put it on the adapter; newer on `info`. */
  isFallbackAdapter?: boolean;
}

export interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

export interface GpuLike {
  requestAdapter(options?: {
    powerPreference?: 'high-performance' | 'low-power';
  }): Promise<GpuAdapterLike | null>;
}

/** Injected browser surfaces (`navigator.gpu`, `navigator.deviceMemory`, `navigator.storage`). */
export interface DeviceEnv {
  gpu?: GpuLike;
  /** GB, rounded down and capped at 8 by the browser; missing outside Chromium. */
  deviceMemory?: number;
  storage?: { estimate(): Promise<{ quota?: number; usage?: number }> };
  hardwareConcurrency?: number;
  /** How long to wait for an adapter before calling it missing. */
  adapterTimeoutMs?: number;
}

export type WebGpuSupport = 'none' | 'no-adapter' | 'adapter';

/** Why an engine was chosen; a stable key the UI maps to words in each language. */
export type EngineReason = 'webgpu' | 'no-webgpu' | 'no-adapter' | 'fallback-adapter';

export interface DeviceReport {
  webgpu: WebGpuSupport;
  shaderF16: boolean;
  maxStorageBufferBindingSize?: number;
  maxBufferSize?: number;
  /** A software adapter (SwiftShader and the like): WebGPU works, but far too slowly for a chat model. */
  isFallbackAdapter: boolean;
  vendor?: string;
  architecture?: string;
  description?: string;
  deviceMemoryGB?: number;
  cores?: number;
  storage: { quotaBytes?: number; usageBytes?: number; availableBytes?: number };
  engine: EngineKind;
  engineReason: EngineReason;
}

const ADAPTER_TIMEOUT_MS = 5000;

async function adapterOrNull(gpu: GpuLike, timeoutMs: number): Promise<GpuAdapterLike | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  try {
    return await Promise.race([gpu.requestAdapter({ powerPreference: 'high-performance' }), timeout]);
  } catch {
    return null; // a blocklisted or crashed GPU process throws instead of returning null
  } finally {
    clearTimeout(timer);
  }
}

async function adapterInfo(adapter: GpuAdapterLike): Promise<GpuAdapterInfoLike> {
  if (adapter.info) return adapter.info;
  try {
    return (await adapter.requestAdapterInfo?.()) ?? {};
  } catch {
    return {};
  }
}

async function storageEstimate(env: DeviceEnv): Promise<DeviceReport['storage']> {
  try {
    const { quota, usage } = (await env.storage?.estimate()) ?? {};
    const availableBytes = quota !== undefined ? Math.max(0, quota - (usage ?? 0)) : undefined;
    return { quotaBytes: quota, usageBytes: usage, availableBytes };
  } catch {
    return {};
  }
}

/** Probe the device. Never throws: what cannot be read is left out. */
export async function detectDevice(env: DeviceEnv): Promise<DeviceReport> {
  const storage = await storageEstimate(env);
  const base = {
    deviceMemoryGB: env.deviceMemory,
    cores: env.hardwareConcurrency,
    storage,
  };
  if (!env.gpu) {
    return {
      ...base,
      webgpu: 'none',
      shaderF16: false,
      isFallbackAdapter: false,
      engine: 'cpu',
      engineReason: 'no-webgpu',
    };
  }
  const adapter = await adapterOrNull(env.gpu, env.adapterTimeoutMs ?? ADAPTER_TIMEOUT_MS);
  if (!adapter) {
    return {
      ...base,
      webgpu: 'no-adapter',
      shaderF16: false,
      isFallbackAdapter: false,
      engine: 'cpu',
      engineReason: 'no-adapter',
    };
  }
  const info = await adapterInfo(adapter);
  const isFallbackAdapter = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter);
  return {
    ...base,
    webgpu: 'adapter',
    shaderF16: adapter.features.has('shader-f16'),
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    maxBufferSize: adapter.limits.maxBufferSize,
    isFallbackAdapter,
    vendor: info.vendor || undefined,
    architecture: info.architecture || undefined,
    description: info.description || undefined,
    engine: isFallbackAdapter ? 'cpu' : 'webllm',
    engineReason: isFallbackAdapter ? 'fallback-adapter' : 'webgpu',
  };
}

/** The real browser's surfaces (call in the browser only). */
export function browserDeviceEnv(): DeviceEnv {
  const nav = navigator as Navigator & { gpu?: GpuLike; deviceMemory?: number };
  return {
    gpu: nav.gpu,
    deviceMemory: nav.deviceMemory,
    storage: nav.storage,
    hardwareConcurrency: nav.hardwareConcurrency,
  };
}
