/// <reference lib="webworker" />
/** The emotion worker: a thin shell; all logic lives in EmotionClassifierHandler. */
import { EmotionClassifierHandler } from '../lib/emotion/classifier-handler';
import type { EmotionRequest, EmotionResponse } from './emotion-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** The one WebGPU call used here; the project carries no WebGPU type package. */
type WithGpu = { gpu?: { requestAdapter(): Promise<unknown> } };

const handler = new EmotionClassifierHandler({
  post: (message: EmotionResponse) => self.postMessage(message),
  detectDevice: async () => {
    const adapter = await (navigator as WithGpu).gpu?.requestAdapter().catch(() => null);
    return adapter ? 'webgpu' : 'wasm';
  },
  isOnline: () => navigator.onLine,
});

self.addEventListener('message', (event: MessageEvent<EmotionRequest>) => void handler.handle(event.data));
