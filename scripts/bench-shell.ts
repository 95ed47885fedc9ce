/**
 * npm run bench:shell — builds the app, serves it, and loads it in headless Chromium.
 * Prints the gzip size of the JS and CSS the first screen loads and the cold load time for someone opening
 * the link for the first time (fresh browser profile, emulated 4G link: 40 ms round trip, 10 Mbit/s), the
 * same for a returning person without a cache (for information), and the warm load time with the network
 * off (a returning person, served by the service worker), each the median of several loads.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { build, launch, median, serve } from './bench-support.ts';

const PORT = 4193;
const RUNS = 7;
const CONSENT = JSON.stringify({
  version: 1,
  ageConfirmed: true,
  storage: 'device',
  at: '2026-01-01T00:00:00.000Z',
});

/** A returning person who agreed to storage on this device. */
async function returningVisitor(browser: Browser, url: string): Promise<BrowserContext> {
  return browser.newContext({
    storageState: {
      cookies: [],
      origins: [{ origin: new URL(url).origin, localStorage: [{ name: 'solace.consent', value: CONSENT }] }],
    },
  });
}

async function firstScreenMs(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('solace:first-screen').length > 0);
  return page.evaluate(() => performance.getEntriesByName('solace:first-screen')[0]!.startTime);
}

async function coldLoad(browser: Browser, url: string, returning: boolean) {
  const context = returning ? await returningVisitor(browser, url) : await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 40,
    downloadThroughput: (10 * 1024 * 1024) / 8,
    uploadThroughput: (5 * 1024 * 1024) / 8,
  });
  const bodies = new Map<string, { type: string; gz: number }>();
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    void response
      .body()
      .then((body) => bodies.set(response.url(), { type, gz: gzipSync(body).length }))
      .catch(() => undefined);
  });
  await page.goto(url);
  const ms = await firstScreenMs(page);
  // Only what was requested before the first screen appeared counts (lazy chunks come later).
  const before = await page.evaluate(
    (mark) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < mark)
        .map((e) => e.name),
    ms,
  );
  await page.waitForLoadState('networkidle');
  let js = 0;
  let css = 0;
  for (const name of before) {
    const body = bodies.get(name);
    if (body?.type === 'script') js += body.gz;
    if (body?.type === 'stylesheet') css += body.gz;
  }
  await context.close();
  return { ms, js, css };
}

async function warmOfflineLoads(browser: Browser, url: string): Promise<number[]> {
  const context = await returningVisitor(browser, url);
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
  });
  await context.setOffline(true);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    times.push(await firstScreenMs(page));
  }
  await context.close();
  return times;
}

build();
const server = await serve(PORT);
const browser = await launch();
try {
  // Someone opening the link for the first time: the first screen is the consent screen.
  const cold = [];
  for (let i = 0; i < RUNS; i++) cold.push(await coldLoad(browser, server.url, false));
  // A returning person on a new device or with a cleared cache: the store opens before the first screen.
  const returning = [];
  for (let i = 0; i < 3; i++) returning.push(await coldLoad(browser, server.url, true));
  const warm = await warmOfflineLoads(browser, server.url);
  const jsKb = median(cold.map((c) => c.js)) / 1024;
  const cssKb = median(cold.map((c) => c.css)) / 1024;
  const coldMs = median(cold.map((c) => c.ms));
  const warmMs = median(warm);
  console.log(`first visit, cold loads (ms, 4G emulation): ${cold.map((c) => c.ms.toFixed(0)).join(' ')}`);
  console.log(
    `returning visitor without cache: JS ${(median(returning.map((c) => c.js)) / 1024).toFixed(1)} KB gzip, ${median(returning.map((c) => c.ms)).toFixed(0)} ms`,
  );
  console.log(`warm offline loads (ms): ${warm.map((t) => t.toFixed(0)).join(' ')}`);
  console.log(
    `first-screen JS ${jsKb.toFixed(1)} KB gzip (target <= 100), warm/cold ${(warmMs / coldMs).toFixed(2)} (target <= 0.5)`,
  );
  console.log(
    `shell: js_gz_kb=${jsKb.toFixed(1)} css_gz_kb=${cssKb.toFixed(1)} cold_ms=${coldMs.toFixed(0)} warm_offline_ms=${warmMs.toFixed(0)}`,
  );
} finally {
  await browser.close();
  server.stop();
}
