/// <reference lib="webworker" />
/**
 * The baseline of `npm run bench:emotion`: the same transformers.js pipeline as the app's emotion worker,
 * with the same settings (local models, bundled ONNX Runtime .wasm, q8, WASM), called directly with no
 * protocol, no language detection and no label mapping. It answers `{ id, texts }` with the raw output.
 */
import { env, pipeline } from '@huggingface/transformers';

declare const self: DedicatedWorkerGlobalScope;

interface Setup {
  readonly model: string;
  readonly localModelPath: string;
  readonly wasm: string;
}

type Classify = (texts: string[], options: { top_k: null }) => Promise<unknown>;
let classify: Classify | null = null;

async function load(setup: Setup): Promise<void> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = setup.localModelPath;
  if (env.backends.onnx.wasm) env.backends.onnx.wasm.wasmPaths = { wasm: setup.wasm };
  const pipe = (await pipeline('text-classification', setup.model, {
    device: 'wasm',
    dtype: 'q8',
  })) as unknown as Classify;
  await pipe(['warm up'], { top_k: null });
  classify = pipe;
}

self.addEventListener(
  'message',
  (
    event: MessageEvent<{ kind: 'load'; setup: Setup } | { kind: 'classify'; id: number; texts: string[] }>,
  ) => {
    const message = event.data;
    if (message.kind === 'load') {
      load(message.setup).then(
        () => self.postMessage({ kind: 'ready' }),
        (error: unknown) => self.postMessage({ kind: 'error', message: String(error) }),
      );
      return;
    }
    const run = classify;
    if (!run) {
      self.postMessage({ kind: 'error', id: message.id, message: 'not loaded' });
      return;
    }
    run(message.texts, { top_k: null }).then(
      (results) => self.postMessage({ kind: 'result', id: message.id, results }),
      (error: unknown) => self.postMessage({ kind: 'error', id: message.id, message: String(error) }),
    );
  },
);
