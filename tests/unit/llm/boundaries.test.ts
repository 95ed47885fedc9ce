import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../../src/lib/llm/', import.meta.url);
/** Modules that run only inside a worker may load the engines. */
const WORKER_ONLY = new Set(['cpu-engine.ts', 'worker-host.ts']);
const STATIC_ENGINE_IMPORT =
  /^import\s+(?!type\b)[^;]*from\s+'(@mlc-ai\/web-llm|@huggingface\/transformers)'/m;

describe('main-thread modules', () => {
  it('never import web-llm or transformers.js statically (they would load at start-up)', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !WORKER_ONLY.has(f));
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      expect(STATIC_ENGINE_IMPORT.test(source), file).toBe(false);
    }
  });
});
