/**
 * The Content-Security-Policy Solace ships with. Built from the deployment's model hosts so that the
 * browser itself refuses every request that is not to the app's own origin or a configured model host.
 * Pure: used at build time (meta tag), by the preview server (header) and by the tests.
 */

/** Directives a `<meta http-equiv>` policy cannot carry; only a response header can. */
const HEADER_ONLY = ['frame-ancestors'];

/** Normalises `https://models.example.org/some/path` to its origin, the unit CSP matches on. */
export function toOrigin(url: string): string {
  return new URL(url).origin;
}

export function buildCsp(modelHosts: readonly string[], options: { forHeader: boolean }): string {
  const hosts = [...new Set(modelHosts.map(toOrigin))];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    // 'wasm-unsafe-eval' lets the ML runtimes (ONNX Runtime Web, web-llm's TVM) compile WebAssembly;
    // it does not allow eval() of JavaScript. blob: is for ONNX Runtime, which imports its own same-origin
    // wasm glue through a blob: URL; only this origin's scripts can mint one.
    ['script-src', ["'self'", "'wasm-unsafe-eval'", 'blob:']],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...hosts]],
    ['worker-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'"]],
    ['media-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives
    .filter(([name]) => options.forHeader || !HEADER_ONLY.includes(name))
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Headers a static host should send with every file (see the README's nginx example). */
export function securityHeaders(modelHosts: readonly string[]): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp(modelHosts, { forHeader: true }),
    // Cross-origin isolation lets ONNX Runtime use multi-threaded WebAssembly.
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  };
}
