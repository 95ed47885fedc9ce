import { expect, test, type Request } from '@playwright/test';
import { SCREENS, SolaceApp } from './support/solace-app';

test('every request while clicking through every screen goes to the app’s own origin, and the CSP holds', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  const record = (request: Request) => requests.push(request.url());
  context.on('request', record);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });

  const app = new SolaceApp(page);
  await app.goto();
  await app.acceptConsent('device');
  for (const locale of ['en', 'zh-CN'] as const) {
    if (locale !== app.locale) await app.switchLanguage(locale);
    for (const screen of SCREENS) {
      await app.open(screen.route);
      await app.helpButton.click();
      await expect(app.helpDialog).toBeVisible();
      await page.keyboard.press('Escape');
    }
  }
  // Let the service worker install and precache, so its requests are recorded too.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect(app.nav).toBeVisible();

  expect(requests.length).toBeGreaterThan(5);
  const foreign = requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:'));
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});

test('the page carries a strict Content-Security-Policy and the server sends the security headers', async ({
  page,
}) => {
  const response = await page.goto('./');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  expect(headers['x-content-type-options']).toBe('nosniff');
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toMatch(/script-src 'self' 'wasm-unsafe-eval' blob:(;|$)/);
  expect(meta).not.toContain('unsafe-inline');
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test('the browser refuses a request to a third party', async ({ page }) => {
  const app = new SolaceApp(page);
  await app.goto();
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('https://cdn.example.com/font.woff2');
      return 'sent';
    } catch {
      return 'blocked';
    }
  });
  expect(outcome).toBe('blocked');
});
