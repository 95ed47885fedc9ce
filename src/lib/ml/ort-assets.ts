/**
 * ONNX Runtime's WebAssembly files, emitted by Vite as hashed files of the app's own origin. transformers.js
 * would otherwise fetch them from a CDN, which Solace never contacts.
 */
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';

export const ORT_WASM_PATHS = {
  mjs: new URL(ortMjs, location.href).href,
  wasm: new URL(ortWasm, location.href).href,
};
