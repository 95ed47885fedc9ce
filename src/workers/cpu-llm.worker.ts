/** The CPU chat model's worker: transformers.js on WASM, behind the LLM protocol. */
import { CpuEngine } from '../lib/llm/cpu-engine';
import { serveLlmWorker } from '../lib/llm/worker-host';

serveLlmWorker(self, new CpuEngine());
