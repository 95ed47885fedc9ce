/** Serves the project's tiny generated models to the page, at the paths the real loading code requests. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { generateTinyDecoder, TINY_DECODER_ID } from '../../fixtures/tiny-decoder';

const GENERATED = fileURLToPath(new URL('../../fixtures/generated/', import.meta.url));

/** The CPU catalog model the tiny decoder stands in for. */
export const CPU_MODEL_ID = 'onnx-community/Qwen2.5-0.5B-Instruct';

/** Answers `models/<CPU_MODEL_ID>/resolve/main/<file>` with the tiny decoder's files; 404 for the rest. */
export async function serveTinyChatModel(context: BrowserContext): Promise<{ requests: string[] }> {
  generateTinyDecoder(GENERATED);
  const requests: string[] = [];
  await context.route('**/models/**', async (route) => {
    const url = new URL(route.request().url());
    requests.push(url.pathname);
    const prefix = `/models/${CPU_MODEL_ID}/resolve/main/`;
    const at = url.pathname.indexOf(prefix);
    const file = at >= 0 ? join(GENERATED, TINY_DECODER_ID, url.pathname.slice(at + prefix.length)) : '';
    if (!file || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    await route.fulfill({
      status: 200,
      contentType: file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      body: readFileSync(file),
    });
  });
  return { requests };
}
