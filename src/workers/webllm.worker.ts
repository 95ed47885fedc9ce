/** The WebGPU chat model's worker: web-llm's own handler; `lib/llm/webllm-engine.ts` is its client. */
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';

const handler = new WebWorkerMLCEngineHandler();
self.onmessage = (event: MessageEvent) => handler.onmessage(event);
