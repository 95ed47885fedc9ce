/** The test models themselves: small, deterministic, laid out as transformers.js expects. */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO_EMOTIONS_LABELS } from '../../../src/lib/emotion/labels';
import { generateTinyClassifier, generateTinyEmotionModels } from '../../fixtures/tiny-classifier';

const FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/model.onnx',
  'onnx/model_quantized.onnx',
];

describe('tiny classifier generator', () => {
  it('writes the transformers.js layout, a few KB in all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'solace-tiny-'));
    const { goEmotions, sentiment } = generateTinyEmotionModels(dir);
    for (const root of [goEmotions, sentiment]) {
      const total = FILES.reduce((sum, file) => sum + statSync(join(root, file)).size, 0);
      expect(total).toBeLessThan(64 * 1024);
    }
    const config = JSON.parse(readFileSync(join(goEmotions, 'config.json'), 'utf8')) as {
      model_type: string;
      problem_type: string;
      id2label: Record<string, string>;
    };
    expect(config.model_type).toBe('bert');
    expect(config.problem_type).toBe('multi_label_classification');
    expect(Object.values(config.id2label)).toEqual([...GO_EMOTIONS_LABELS]);
  });

  it('is deterministic and leaves files that are up to date untouched', () => {
    const a = mkdtempSync(join(tmpdir(), 'solace-tiny-'));
    const b = mkdtempSync(join(tmpdir(), 'solace-tiny-'));
    const options = { id: 'm', labels: ['positive', 'neutral', 'negative'], cues: { positive: ['happy'] } };
    generateTinyClassifier(a, options);
    generateTinyClassifier(b, options);
    const before = FILES.map((file) => statSync(join(a, 'm', file)).mtimeMs);
    generateTinyClassifier(a, options);
    for (const file of FILES) {
      expect(readFileSync(join(a, 'm', file)).equals(readFileSync(join(b, 'm', file)))).toBe(true);
    }
    expect(FILES.map((file) => statSync(join(a, 'm', file)).mtimeMs)).toEqual(before);
  });
});
