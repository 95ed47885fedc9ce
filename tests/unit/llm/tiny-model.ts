/** Shared setup for tests that run the real CPU engine on the generated tiny chat model. */
import { fileURLToPath } from 'node:url';
import { generateTinyDecoder, TINY_CONTEXT_WINDOW, TINY_DECODER_ID } from '../../fixtures/tiny-decoder';
import type { CpuLoadSpec } from '../../../src/workers/llm-protocol';

export const MODELS_DIR = fileURLToPath(new URL('../../fixtures/generated/', import.meta.url));

/** Generate the tiny model (idempotent) and return a load spec for it. */
export function tinyModelSpec(): CpuLoadSpec {
  generateTinyDecoder(MODELS_DIR);
  return {
    engine: 'cpu',
    modelId: TINY_DECODER_ID,
    localModelPath: MODELS_DIR,
    contextWindow: TINY_CONTEXT_WINDOW,
  };
}
