/**
 * Worker factories. Vite bundles a worker only from a literal `new Worker(new URL(...), ...)`, so they
 * live here, and the engines receive them as injectable factories (tests pass fakes).
 */
import type { WorkerLike } from './engine-client';

/** A fresh CPU chat worker (transformers.js loads inside it, never on the main thread). */
export function createCpuLlmWorker(): WorkerLike {
  return new Worker(new URL('../../workers/cpu-llm.worker.ts', import.meta.url), {
    type: 'module',
    name: 'solace-cpu-llm',
  });
}

/** A fresh WebLLM worker (web-llm's engine runs inside it). */
export function createWebLlmWorker(): Worker {
  return new Worker(new URL('../../workers/webllm.worker.ts', import.meta.url), {
    type: 'module',
    name: 'solace-webllm',
  });
}
