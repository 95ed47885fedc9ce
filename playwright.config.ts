import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.ts';

// Overridable so that several builds can be tested side by side (each with its own outDir and port).
export const E2E_PORT = Number(process.env.SOLACE_E2E_PORT ?? 4183);
const DIST = process.env.SOLACE_DIST ?? 'dist';
const executablePath = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results/output',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}/`,
    trace: 'on-first-retry',
    serviceWorkers: 'allow',
    locale: 'en-US',
    timezoneId: 'America/New_York',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    // A device without WebGPU: the flag is absent, so requestAdapter() returns null.
    { name: 'chromium', grepInvert: /@webgpu/ },
    // A device with WebGPU through SwiftShader (no shader-f16).
    {
      name: 'chromium-webgpu',
      grep: /@webgpu/,
      use: { launchOptions: { executablePath, args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'] } },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${E2E_PORT} --outDir ${DIST}`,
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
