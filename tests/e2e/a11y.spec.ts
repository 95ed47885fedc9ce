import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SCREENS, SolaceApp } from './support/solace-app';

const SHOTS = 'test-results/screenshots';

// Each test walks every screen with axe and full-page screenshots: slow on a 2-core machine.
test.describe.configure({ timeout: 240_000 });

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

for (const locale of ['en', 'zh-CN'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no serious issue on any screen (${locale}, ${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      const app = new SolaceApp(page);
      await app.goto();
      if (locale !== 'en') await app.switchLanguage(locale);
      await expectNoSeriousViolations(page, 'consent');
      await page.screenshot({ path: `${SHOTS}/${locale}-${colorScheme}-consent.png`, fullPage: true });
      await app.acceptConsent('anonymous');
      for (const screen of SCREENS) {
        await app.open(screen.route);
        await expectNoSeriousViolations(page, screen.route);
        await page.screenshot({
          path: `${SHOTS}/${locale}-${colorScheme}-${screen.route}.png`,
          fullPage: true,
        });
      }
      await app.helpButton.click();
      await expect(app.helpDialog).toBeVisible();
      await expectNoSeriousViolations(page, 'help dialog');
      await page.screenshot({ path: `${SHOTS}/${locale}-${colorScheme}-help.png` });
    });
  }
}

test('axe finds no serious issue on the config error screen', async ({ page }) => {
  await page.route('**/solace.config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{"minimumAge": 3}' }),
  );
  const app = new SolaceApp(page);
  await app.goto();
  await expect(page.getByRole('alert')).toContainText('minimumAge');
  await expectNoSeriousViolations(page, 'config error');
  await page.screenshot({ path: `${SHOTS}/en-light-config-error.png`, fullPage: true });
});

test.describe('a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  for (const locale of ['en', 'zh-CN'] as const) {
    test(`every screen fits without sideways scrolling (${locale})`, async ({ page }) => {
      const app = new SolaceApp(page);
      await app.goto();
      if (locale !== 'en') await app.switchLanguage(locale);
      const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(await fits()).toBe(true);
      await page.screenshot({ path: `${SHOTS}/mobile-${locale}-consent.png`, fullPage: true });
      await app.acceptConsent('anonymous');
      for (const screen of SCREENS) {
        await app.open(screen.route);
        expect(await fits(), screen.route).toBe(true);
        // The bottom tab bar must not cover the help button or the content's end.
        await expect(app.helpButton).toBeInViewport();
        await page.screenshot({ path: `${SHOTS}/mobile-${locale}-${screen.route}.png`, fullPage: true });
      }
    });
  }
});
