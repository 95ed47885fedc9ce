import { readFile } from 'node:fs/promises';
import { join, normalize, relative } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { emotionName } from '../../src/lib/emotion';
import {
  GENERATED_DIR,
  TINY_GO_EMOTIONS_ID,
  TINY_SENTIMENT_ID,
  generateTinyEmotionModels,
} from '../fixtures/tiny-classifier';
import { SolaceApp } from './support/solace-app';

const SHOTS = 'test-results/screenshots';
const CONFIG = { models: { emotionModels: [TINY_GO_EMOTIONS_ID, TINY_SENTIMENT_ID] } };

test.beforeAll(() => {
  generateTinyEmotionModels(GENERATED_DIR);
});

/** The deployment config names the tiny models; `/models/...` serves them from the generated folder, or 404s. */
async function routeModels(page: Page, available: boolean) {
  await page.route('**/solace.config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(CONFIG) }),
  );
  await page.route('**/models/**', async (route) => {
    // The app asks for `models/<id>/resolve/main/<file>` (the hub layout); the generated folder is `<id>/<file>`.
    const path = decodeURIComponent(new URL(route.request().url()).pathname)
      .replace(/^.*?\/models\//, '')
      .replace('/resolve/main/', '/');
    const file = normalize(join(GENERATED_DIR, path));
    if (!available || relative(GENERATED_DIR, file).startsWith('..')) {
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
    }
    try {
      const body = await readFile(file);
      const contentType = file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
      return await route.fulfill({ status: 200, contentType, body });
    } catch {
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
    }
  });
}

async function openMood(page: Page, locale?: 'zh-CN') {
  const app = new SolaceApp(page);
  await app.goto();
  if (locale) await app.switchLanguage(locale);
  await app.acceptConsent('anonymous');
  await app.open('mood');
  return app;
}

async function checkIn(page: Page, app: SolaceApp, score: number, tags: string[], note = '') {
  const form = page.getByRole('region', { name: app.t('mood.checkInTitle') });
  await form.getByRole('radio', { name: String(score), exact: true }).check();
  for (const tag of tags) await form.getByRole('checkbox', { name: tag, exact: true }).check();
  if (note) await form.getByLabel(app.t('mood.noteLabel')).fill(note);
  await form.getByRole('button', { name: app.t('mood.save') }).click();
  await expect(form.getByRole('status')).toHaveText(app.t('mood.savedSession'));
}

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

test('a check-in appears in the chart and its table; free writing gives a report with the mapped emotion', async ({
  page,
}) => {
  await routeModels(page, true);
  const app = await openMood(page);
  await expect(page.getByRole('heading', { name: app.t('mood.emptyTitle') })).toBeVisible();

  await checkIn(page, app, 3, [emotionName('sadness', 'en')], 'long day');
  const chart = page.getByRole('region', { name: app.t('mood.chartTitle') });
  await expect(chart.locator('canvas')).toBeVisible();
  const table = page.getByRole('table', { name: app.t('mood.tableCaption', { n: 7 }) });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('3');
  await expect(table.getByRole('row').nth(1)).toContainText(emotionName('sadness', 'en'));
  await chart.getByRole('radio', { name: app.t('mood.rangeDays', { n: 30 }) }).check();
  await expect(page.getByRole('table', { name: app.t('mood.tableCaption', { n: 30 }) })).toBeAttached();
  await expect(page.getByTestId('mood-trend')).toBeVisible();

  const writing = page.getByRole('region', { name: app.t('mood.writingTitle') });
  await writing
    .getByLabel(app.t('mood.writingLabel'))
    .fill('I am so happy this week. I feel glad and happy with my friends.');
  await writing.getByRole('button', { name: app.t('mood.analyse') }).click();
  const report = writing.getByTestId('reflection-report');
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(report.locator('li[data-emotion]').first()).toHaveAttribute('data-emotion', 'joy');
  await expect(report).toContainText(emotionName('joy', 'en'));
  await expect(report.getByRole('link', { name: app.t('mood.openTools') })).toHaveAttribute(
    'href',
    '#/tools',
  );
  await expect(writing.getByRole('status')).toHaveText(app.t('mood.reportSavedSession'));
  await expect(page.getByRole('region', { name: app.t('mood.modelTitle') }).getByRole('status')).toHaveText(
    app.t('mood.modelReady'),
  );

  const past = page.getByRole('region', { name: app.t('mood.pastTitle') });
  await expect(past.locator('details')).toHaveCount(1);
  await past.locator('summary').click();
  await expect(past.getByTestId('reflection-report').locator('li[data-emotion]').first()).toHaveAttribute(
    'data-emotion',
    'joy',
  );
  await expect(past).toContainText('I feel glad and happy with my friends.');
});

test('without a model the screen says so, keeps the writing, and check-ins still work', async ({ page }) => {
  await routeModels(page, false);
  const app = await openMood(page);
  const text = 'This week was heavy. I slept badly.';
  const writing = page.getByRole('region', { name: app.t('mood.writingTitle') });
  const field = writing.getByLabel(app.t('mood.writingLabel'));
  await field.fill(text);
  await writing.getByRole('button', { name: app.t('mood.analyse') }).click();
  const alert = writing.getByRole('alert');
  await expect(alert).toContainText(app.t('mood.writingUnavailable', { reason: '' }).trim(), {
    timeout: 30_000,
  });
  await expect(field).toHaveValue(text);
  const status = page.getByRole('region', { name: app.t('mood.modelTitle') }).getByRole('status');
  await expect(status).toHaveAttribute('data-state', 'unavailable');
  await expect(page.getByRole('region', { name: app.t('mood.modelTitle') }).getByRole('button')).toHaveText(
    app.t('mood.modelRetry'),
  );

  await checkIn(page, app, 6, []);
  const table = page.getByRole('table', { name: app.t('mood.tableCaption', { n: 7 }) });
  await expect(table.getByRole('row').nth(1)).toContainText('6');
});

for (const locale of ['en', 'zh-CN'] as const) {
  test(`screenshots of the mood screen in ${locale}, light and dark, with no serious axe violations`, async ({
    page,
  }) => {
    await routeModels(page, true);
    const app = await openMood(page, locale === 'zh-CN' ? locale : undefined);
    await checkIn(page, app, 7, [emotionName('calm', locale), emotionName('hope', locale)]);
    await expect(page.locator('.plot canvas')).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `${locale} ${scheme}`);
      await page.screenshot({ path: `${SHOTS}/mood-${locale}-${scheme}.png`, fullPage: true });
    }
  });
}
