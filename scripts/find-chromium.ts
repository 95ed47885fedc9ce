/**
 * Finds a Chromium for the end-to-end tests and benchmarks: Playwright's own browser if it is installed,
 * else Debian's /usr/bin/chromium. Run directly, it prints the path, or one line saying how to get one.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium(): string | undefined {
  const fromEnv = process.env.SOLACE_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright throws when its browsers were never downloaded; fall through to the system one.
  }
  return SYSTEM_CHROMIUM.find((path) => existsSync(path));
}

/** Flags that let Chromium run headless as root on a machine without internet access. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-quic',
];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = findChromium();
  if (!path) {
    console.error(
      'No Chromium found: install one with `sudo apt-get install chromium` (or `npx playwright install chromium`), or set SOLACE_CHROMIUM to its path.',
    );
    process.exit(1);
  }
  console.log(`Chromium: ${path}`);
}
