import { describe, expect, it } from 'vitest';
import { DEFAULT_EMOTION_MODELS } from '../../src/lib/emotion';
import { buildEmotionLoadOptions } from '../../src/lib/state/emotion-manager.svelte';

const PAGE = 'https://wellbeing.example.org/solace/index.html';
const WASM = { wasm: './assets/ort-abc.wasm' };

/** Every URL a load request names. */
function urls(options: ReturnType<typeof buildEmotionLoadOptions>): string[] {
  const wasm = options.wasmPaths;
  const wasmUrls = typeof wasm === 'string' ? [wasm] : [wasm?.mjs ?? '', wasm?.wasm ?? ''];
  return [...wasmUrls, options.remoteHost ?? '', options.localModelPath ?? ''].filter(Boolean);
}

describe('emotion manager load options', () => {
  it('without model hosts: only the models folder beside the app, in the hub layout', () => {
    const options = buildEmotionLoadOptions({ hosts: [] }, PAGE, 'en', WASM);
    expect(options.remoteHost).toBe('https://wellbeing.example.org/solace/models/');
    expect(options.remotePathTemplate).toBe('{model}/resolve/{revision}/');
    expect(options.localModelPath).toBeUndefined();
    // The .mjs is not named: transformers.js would turn it into a blob: URL, which the CSP blocks.
    expect(options.wasmPaths).toEqual({ wasm: 'https://wellbeing.example.org/solace/assets/ort-abc.wasm' });
    expect(options.models).toEqual(DEFAULT_EMOTION_MODELS);
    expect(options.dtype).toBe('q8');
    expect(options.preload).toEqual(['en']);
  });

  it('with a model host: downloads only from that host, never from a CDN', () => {
    const options = buildEmotionLoadOptions(
      { hosts: ['https://models.example.org/mirror'], emotionModels: ['org/emotion-zh-en'] },
      PAGE,
      'zh-CN',
      WASM,
    );
    expect(options.allowRemoteModels).toBe(true);
    expect(options.remoteHost).toBe('https://models.example.org/mirror/');
    expect(options.remotePathTemplate).toBe('{model}/resolve/{revision}/');
    expect(options.localModelPath).toBeUndefined();
    expect(options.models).toEqual([{ id: 'org/emotion-zh-en', languages: ['en', 'zh'] }]);
    expect(options.preload).toEqual(['zh']);
    for (const url of urls(options)) {
      expect(url).not.toMatch(/jsdelivr|unpkg|cdnjs|huggingface\.co/);
      const origin = url.startsWith('/') ? 'https://wellbeing.example.org' : new URL(url).origin;
      expect(['https://wellbeing.example.org', 'https://models.example.org']).toContain(origin);
    }
  });

  it('the hub as the configured host keeps the hub path layout', () => {
    const options = buildEmotionLoadOptions({ hosts: ['https://huggingface.co'] }, PAGE, 'en', WASM);
    expect(options.remoteHost).toBe('https://huggingface.co/');
    expect(options.remotePathTemplate).toBe('{model}/resolve/{revision}/');
  });

  it('the bundled ONNX Runtime files are same-origin copies', () => {
    const options = buildEmotionLoadOptions({ hosts: [] }, PAGE, 'en');
    const wasm = options.wasmPaths as { wasm: string };
    expect(new URL(wasm.wasm).origin).toBe('https://wellbeing.example.org');
    expect(wasm.wasm).toMatch(/ort-wasm-simd-threaded\.asyncify\.wasm/);
  });
});
