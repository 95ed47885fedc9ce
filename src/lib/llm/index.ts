/**
 * The local LLM layer, as the main thread uses it. Nothing here imports web-llm or transformers.js
 * statically: web-llm loads on first use of the WebGPU engine, transformers.js only inside the CPU worker.
 */
export * from './catalog';
export * from './context-budget';
export * from './device';
export type { ChatEngine, GenerateCallbacks, LoadCallbacks, TokenStream } from './engine';
export * from './engine-client';
export * from './errors';
export * from './prompt';
export * from './webllm-engine';
export * from './workers';
export type * from '../../workers/llm-protocol';
