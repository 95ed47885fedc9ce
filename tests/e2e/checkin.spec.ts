import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { INSTRUMENTS, RESULT_DISCLAIMER } from '../../src/lib/assessments';
import { CheckinPage } from './support/checkin-pages';
import { SolaceApp } from './support/solace-app';

const SHOTS = 'test-results/screenshots';
const COUNSELOR = {
  name: { en: 'Campus Counseling Centre', 'zh-CN': '校园心理咨询中心' },
  description: { en: 'Free, confidential sessions.', 'zh-CN': '免费、保密的咨询。' },
  booking: 'https://example.org/book',
  phone: '555-0142',
};

async function routeConfig(page: Page, config: object) {
  await page.route('**/solace.config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }),
  );
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

async function openCheckin(page: Page, storage: 'device' | 'anonymous' = 'anonymous', locale?: 'zh-CN') {
  const app = new SolaceApp(page);
  await app.goto();
  if (locale) await app.switchLanguage(locale);
  await app.acceptConsent(storage);
  await app.open('checkin');
  return { app, checkin: new CheckinPage(app) };
}

test('PHQ-9 in English: result with its band, then a trend after a second result', async ({ page }) => {
  await routeConfig(page, { counselors: [COUNSELOR] });
  const { app, checkin } = await openCheckin(page);
  await expect(page.getByRole('heading', { name: app.t('checkin.historyEmptyTitle') })).toBeVisible();

  await checkin.start('phq9');
  await checkin.answerAll('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0]);
  await checkin.expectResult('phq9', '8 / 27', 'mild');
  await expect(page.getByText(RESULT_DISCLAIMER.en)).toBeVisible();
  await expect(checkin.result.getByTestId('checkin-change')).toHaveText(
    app.t('checkin.firstResult', { name: 'PHQ-9' }),
  );
  await expect(page.getByText(/diagnos/i)).toHaveCount(0);
  await checkin.backToCheckins();
  await expect(checkin.trend('phq9').getByRole('row')).toHaveCount(2);

  await checkin.start('phq9');
  await checkin.answerAll('phq9', [2, 2, 2, 2, 1, 1, 1, 1, 0]);
  await checkin.expectResult('phq9', '12 / 27', 'moderate');
  await expect(checkin.result.getByTestId('checkin-change')).toContainText('a change of 4 points');
  // Moderate suggests talking to a professional, with the deployment's directory.
  await expect(checkin.result.getByRole('link', { name: 'Call 555-0142' })).toHaveAttribute(
    'href',
    'tel:5550142',
  );
  await expect(
    checkin.result.getByRole('link', { name: app.t('checkin.book', { name: COUNSELOR.name.en }) }),
  ).toHaveAttribute('href', COUNSELOR.booking);
  await checkin.backToCheckins();

  const trend = checkin.trend('phq9');
  await expect(
    trend.getByRole('heading', { name: app.t('checkin.trendTitle', { name: 'PHQ-9' }) }),
  ).toBeVisible();
  await expect(trend.getByRole('table')).toBeAttached();
  await expect(trend.getByRole('row')).toHaveCount(3);
  await expect(trend.locator('.uplot canvas').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/checkin-en-history.png`, fullPage: true });
});

test('PHQ-9 in Chinese shows the published wording and the band in Chinese', async ({ page }) => {
  const { checkin } = await openCheckin(page, 'anonymous', 'zh-CN');
  await checkin.start('phq9');
  await expect(page.getByRole('group', { name: INSTRUMENTS.phq9.items[0]!.text['zh-CN'] })).toBeVisible();
  await expect(page.getByText(INSTRUMENTS.phq9.stem['zh-CN'])).toBeVisible();
  await checkin.answerAll('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0]);
  await checkin.expectResult('phq9', '24 / 27', 'severe');
  await expect(page.getByText(RESULT_DISCLAIMER['zh-CN'])).toBeVisible();
  await expect(page.getByText(/诊断/)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/checkin-zh-result.png`, fullPage: true });
});

test('PHQ-9 item 9 above 0 shows the crisis lines and the Columbia questions before the result', async ({
  page,
}) => {
  const { app, checkin } = await openCheckin(page);
  await checkin.start('phq9');
  for (const value of [0, 0, 0, 0, 0, 0, 0, 0]) await checkin.answer('phq9', value);
  await checkin.answer('phq9', 1);
  await expect(page.getByRole('heading', { name: app.t('checkin.safetyTitle') })).toBeVisible();
  await expect(page.getByTestId('crisis-card')).toBeVisible();
  await expect(
    page
      .getByTestId('crisis-card')
      .getByRole('link', { name: /^Call / })
      .first(),
  ).toBeVisible();
  await expect(page.getByTestId('cssrs-flow')).toBeVisible();
  await expect(checkin.result).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/checkin-en-safety.png`, fullPage: true });

  await page.getByRole('button', { name: app.t('checkin.safetyContinue'), exact: true }).click();
  await checkin.nextButton.click(); // the optional difficulty question
  await checkin.expectResult('phq9', '1 / 27', 'minimal');
  await expect(checkin.result.getByRole('alert')).toBeVisible();
});

test('the print view holds only the report, and the FHIR export carries the score', async ({ page }) => {
  const { app, checkin } = await openCheckin(page);
  await checkin.start('phq9');
  await checkin.answerAll('phq9', [2, 1, 1, 1, 1, 1, 1, 1, 0]);
  await checkin.expectResult('phq9', '9 / 27', 'mild');
  await checkin.backToCheckins();

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: app.t('checkin.exportButton') }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^solace-check-ins-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
  const bundle = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    resourceType: string;
    entry: {
      resource: { resourceType: string; code?: { coding: { code: string }[] }; valueInteger?: number };
    }[];
  };
  expect(bundle.resourceType).toBe('Bundle');
  const observation = bundle.entry.find((e) => e.resource.resourceType === 'Observation')!.resource;
  expect(observation.code!.coding[0]!.code).toBe('44261-6');
  expect(observation.valueInteger).toBe(9);

  await page.getByRole('button', { name: app.t('checkin.reportOpen') }).click();
  const report = page.getByTestId('print-report');
  await expect(report.getByRole('heading', { name: app.t('checkin.reportHeading') })).toBeVisible();
  await expect(report.getByRole('cell', { name: '9 / 27' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(app.nav).toBeHidden();
  await expect(page.getByRole('button', { name: app.t('checkin.reportPrint') })).toBeHidden();
  await expect(report).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/checkin-en-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('an interrupted questionnaire resumes after a reload (device storage)', async ({ page }) => {
  const { app, checkin } = await openCheckin(page, 'device');
  await checkin.start('gad7');
  for (const value of [1, 2, 3]) await checkin.answer('gad7', value);
  await expect(checkin.counter).toHaveText(app.t('checkin.progress', { current: 4, total: 7 }));
  await page.waitForTimeout(500); // the progress save is asynchronous
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
  await expect(page.getByRole('heading', { name: app.t('checkin.resumeTitle') })).toBeVisible();
  await expect(
    page.getByText(app.t('checkin.resumeBody', { name: 'GAD-7', answered: 3, total: 7 })),
  ).toBeVisible();
  await page.getByRole('button', { name: app.t('checkin.resume') }).click();
  await expect(checkin.counter).toHaveText(app.t('checkin.progress', { current: 4, total: 7 }));
  for (const value of [0, 0, 0, 0]) await checkin.answer('gad7', value);
  await checkin.expectResult('gad7', '6 / 21', 'mild');
});

test('screening mode stores nothing and offers the full app', async ({ page }) => {
  await routeConfig(page, {
    screening: { enabled: true, instruments: ['phq2', 'gad2'] },
    counselors: [COUNSELOR],
  });
  const app = new SolaceApp(page);
  const checkin = new CheckinPage(app);
  await app.goto();
  await expect(page.getByRole('heading', { level: 1, name: app.t('screening.title') })).toBeVisible();
  await expect(page.getByText(app.t('consent.isNot1'))).toBeVisible();
  await page.getByLabel(app.t('consent.ageConfirm', { age: 16 })).check();
  await page.getByRole('button', { name: app.t('screening.begin') }).click();
  await expect(checkin.counter).toHaveText(app.t('checkin.progress', { current: 1, total: 2 }));
  await checkin.answerAll('phq2', [2, 2]);
  await expect(page.getByText(INSTRUMENTS.gad2.items[0]!.text.en)).toBeVisible();
  await expectNoSeriousViolations(page, 'screening question');
  await checkin.answerAll('gad2', [0, 1]);
  await expect(page.getByRole('heading', { level: 1, name: app.t('screening.resultsTitle') })).toBeVisible();
  await expect(checkin.result).toHaveCount(2);
  await expect(checkin.result.first().getByTestId('checkin-band')).toHaveText(
    'At or above the screening threshold',
  );
  await expect(
    page.getByRole('button', { name: app.t('checkin.offerStart', { name: 'PHQ-9' }) }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call 555-0142' }).first()).toBeVisible();
  await expectNoSeriousViolations(page, 'screening result');

  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }));
  expect(stored).toEqual({ local: 0, session: 0, databases: 0, caches: 0 });

  await page.getByRole('button', { name: app.t('screening.continue') }).click();
  await expect(app.consentHeading).toBeVisible();
  await expect(page.getByText(app.t('consent.storageTitle'))).toBeVisible();
});

test('axe finds no serious issue on the questionnaire step and the result', async ({ page }) => {
  const { checkin } = await openCheckin(page);
  await checkin.start('who5');
  await expectNoSeriousViolations(page, 'questionnaire step');
  await checkin.answerAll('who5', [1, 1, 1, 1, 1]);
  await checkin.expectResult('who5', '20%', 'very_poor_wellbeing');
  await expectNoSeriousViolations(page, 'result');
  await checkin.backToCheckins();
  await expect(checkin.trend('who5').locator('.uplot')).toBeVisible();
  await expectNoSeriousViolations(page, 'history');
});
