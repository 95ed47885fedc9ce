import { expect, test } from '@playwright/test';
import { SolaceApp } from './support/solace-app';

const CLINIC = {
  organization: { name: { en: 'Riverside Clinic', 'zh-CN': '河畔诊所' }, shortName: 'Riverside' },
  locales: { default: 'en', enabled: ['en', 'zh-CN'] },
  region: 'US',
  minimumAge: 18,
  theme: { color: '#7a3b69' },
  crisisResources: {
    US: {
      name: 'Riverside County',
      emergency: ['911'],
      lines: [{ name: 'Riverside Crisis Team', phone: '555-0100', hours: '24/7' }],
    },
  },
  disclaimer: { en: 'Riverside Clinic staff cannot read anything you write here.' },
};

test('a clinic config sets the name, minimum age, colour, disclaimer and its own crisis lines', async ({
  page,
}) => {
  await page.route('**/solace.config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(CLINIC) }),
  );
  const app = new SolaceApp(page);
  await app.goto();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Riverside Clinic' })).toBeVisible();
  await expect(page.getByText(CLINIC.disclaimer.en)).toBeVisible();
  await expect(page.getByText(/call 911 now.*Riverside Crisis Team 555-0100/)).toBeVisible();
  await app.acceptConsent('anonymous', 18);
  await expect(page.locator('header')).toContainText('Riverside Clinic');
  const accent = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--accent'),
  );
  expect(accent.trim()).toBe('#7a3b69');
  await app.helpButton.click();
  await expect(app.helpDialog.getByRole('link', { name: 'Call 555-0100' })).toHaveAttribute(
    'href',
    'tel:5550100',
  );
});

test('an invalid config shows a screen naming the bad field, and the built-in crisis lines', async ({
  page,
}) => {
  await page.route('**/solace.config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ minimumAge: 'eighteen', crisisLines: [] }),
    }),
  );
  const app = new SolaceApp(page);
  await app.goto();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: app.t('config.errorTitle') })).toBeVisible();
  await expect(alert).toContainText('minimumAge: expected a number');
  await expect(alert).toContainText('crisisLines: unknown field');
  await expect(page.getByRole('link', { name: 'Call 988' })).toBeVisible();
});

test('a config that is not JSON is reported as such', async ({ page }) => {
  await page.route('**/solace.config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{ "organization": ' }),
  );
  const app = new SolaceApp(page);
  await app.goto();
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
});

test('a missing config means the built-in defaults', async ({ page }) => {
  await page.route('**/solace.config.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  const app = new SolaceApp(page);
  await app.goto();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Solace' })).toBeVisible();
});
