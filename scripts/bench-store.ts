/**
 * npm run bench:store — the same workload through the encrypted store and through plain Dexie (no
 * encryption), in headless Chromium with real IndexedDB: write 10,000 messages across 50 conversations (one
 * write per message, as the chat saves them), open a 1,000-message conversation (median of several opens),
 * export everything. The encrypted store's passphrase is set up once with the production PBKDF2 iterations;
 * that one-time cost is printed apart. The last line is machine-readable:
 *   store: write_ratio=<encrypted/plain> open_ratio=<encrypted/plain> open_1000_ms=<median> export_ms=<n>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build as viteBuild, preview } from 'vite';
import { launch, median } from './bench-support.ts';
import type { BenchResult, Workload } from './bench/store-page.ts';

const PORT = 4194;
const WORKLOAD: Workload = { conversations: 50, messages: 10_000, bigConversation: 1_000, opens: 9 };

const root = resolve(import.meta.dirname, 'bench');
const outDir = mkdtempSync(join(tmpdir(), 'solace-bench-store-'));
await viteBuild({
  configFile: false,
  root,
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true, target: 'es2022', rollupOptions: { input: join(root, 'store.html') } },
});
const server = await preview({
  configFile: false,
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: { host: '127.0.0.1', port: PORT, strictPort: true },
});
const browser = await launch();
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(600_000);
  await page.goto(`http://127.0.0.1:${PORT}/store.html`);
  await page.waitForFunction(() => document.title === 'bench:store ready');
  // Plain first, then encrypted, then plain again: the plain figure is the better of the two, so the ratio
  // is not flattered by a cold first run.
  const run = (kind: 'plain' | 'encrypted'): Promise<BenchResult> =>
    page.evaluate(([k, w]) => window.storeBench[k](w), [kind, WORKLOAD] as const);
  const plainA = await run('plain');
  const enc = await run('encrypted');
  const plainB = await run('plain');
  const plainWrite = Math.min(plainA.writeMs, plainB.writeMs);
  const plainOpen = Math.min(median(plainA.openMs), median(plainB.openMs));
  const plainExport = Math.min(plainA.exportMs, plainB.exportMs);
  const encOpen = median(enc.openMs);

  const f = (n: number) => n.toFixed(0);
  console.log(
    `workload: ${WORKLOAD.messages} messages in ${WORKLOAD.conversations} conversations, open ${WORKLOAD.bigConversation} x${WORKLOAD.opens}`,
  );
  console.log(`passphrase setup (PBKDF2, production iterations, one-time): ${f(enc.setupMs ?? 0)} ms`);
  console.log(
    `write:  encrypted ${f(enc.writeMs)} ms (${(enc.writeMs / WORKLOAD.messages).toFixed(3)} ms/message), plain ${f(plainWrite)} ms`,
  );
  console.log(
    `open:   encrypted median ${encOpen.toFixed(1)} ms [${enc.openMs.map(f).join(' ')}], plain median ${plainOpen.toFixed(1)} ms`,
  );
  console.log(
    `        of the encrypted open, reading the sealed rows alone takes ${median(enc.readOnlyMs ?? [0]).toFixed(1)} ms; the rest is decrypting and parsing`,
  );
  console.log(
    `export: encrypted ${f(enc.exportMs)} ms (${(enc.exportBytes / 1e6).toFixed(1)} MB, includes one PBKDF2 derivation), plain JSON ${f(plainExport)} ms`,
  );
  const writeRatio = enc.writeMs / plainWrite;
  const openRatio = encOpen / plainOpen;
  console.log(
    `targets: write_ratio <= 1.5 ${writeRatio <= 1.5 ? 'met' : 'MISSED'}, open_ratio <= 1.5 ${openRatio <= 1.5 ? 'met' : 'MISSED'}, open_1000 <= 100 ms ${encOpen <= 100 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `store: write_ratio=${writeRatio.toFixed(2)} open_ratio=${openRatio.toFixed(2)} open_1000_ms=${encOpen.toFixed(0)} export_ms=${enc.exportMs.toFixed(0)}`,
  );
} finally {
  await browser.close();
  await new Promise<void>((done) => server.httpServer.close(() => done()));
  rmSync(outDir, { recursive: true, force: true });
}
