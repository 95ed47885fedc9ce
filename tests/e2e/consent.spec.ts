import { expect, test } from '@playwright/test';
import { SolaceApp } from './support/solace-app';

test.describe('first run', () => {
  test('shows the consent screen before anything else, with what Solace is not and the emergency numbers', async ({
    page,
  }) => {
    const app = new SolaceApp(page);
    await app.goto();
    await expect(app.consentHeading).toBeVisible();
    await expect(app.nav).toHaveCount(0);
    await expect(page.getByText(app.t('consent.isNot1'))).toBeVisible();
    await expect(page.getByText(app.t('consent.isNot3'))).toBeVisible();
    // The default test browser is in New York: US emergency and crisis numbers.
    await expect(page.getByText(/call 911 now.*988/)).toBeVisible();
  });

  test('asks for both the age confirmation and the storage choice', async ({ page }) => {
    const app = new SolaceApp(page);
    await app.goto();
    await page.getByRole('button', { name: app.t('consent.continue') }).click();
    await expect(page.getByRole('alert')).toHaveText(app.t('consent.needAge'));
    await page.getByLabel(app.t('consent.ageConfirm', { age: 16 })).check();
    await page.getByRole('button', { name: app.t('consent.continue') }).click();
    await expect(page.getByRole('alert')).toHaveText(app.t('consent.needStorage'));
    await expect(app.nav).toHaveCount(0);
  });

  test('someone under the minimum age is pointed to people and help lines, not into the app', async ({
    page,
  }) => {
    const app = new SolaceApp(page);
    await app.goto();
    await page.getByLabel(app.t('consent.ageUnder', { age: 16 })).check();
    await expect(page.getByText(/for people aged 16 and over/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
    await expect(page.getByRole('button', { name: app.t('consent.continue') })).toHaveCount(0);
  });

  test('saving on the device is remembered after a reload', async ({ page }) => {
    const app = new SolaceApp(page);
    await app.goto();
    await app.acceptConsent('device');
    await expect(page.getByText(app.t('session.saving'))).toBeVisible();
    await app.goto();
    await expect(app.nav).toBeVisible();
    await expect(app.consentHeading).toHaveCount(0);
  });

  test('an anonymous session is usable and leaves nothing in local or session storage', async ({ page }) => {
    const app = new SolaceApp(page);
    await app.goto();
    await app.acceptConsent('anonymous');
    await expect(page.getByText(app.t('session.anonymous'))).toBeVisible();
    for (const route of ['checkin', 'mood', 'tools', 'settings', 'chat'] as const) await app.open(route);
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      caches: (await caches.keys()).length,
      serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    }));
    expect(stored).toEqual({ local: 0, session: 0, caches: 0, serviceWorkers: 0 });
    // Nothing was remembered, so a new visit asks again.
    await app.goto();
    await expect(app.consentHeading).toBeVisible();
  });

  test('withdrawing consent in Settings removes what was stored and asks again', async ({ page }) => {
    const app = new SolaceApp(page);
    await app.goto();
    await app.acceptConsent('device');
    await app.open('settings');
    await page.getByRole('button', { name: app.t('settings.withdraw') }).click();
    await expect(app.consentHeading).toBeVisible();
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('solace.'))),
    ).toEqual([]);
  });
});

test.describe('first run in Chinese, in China', () => {
  test.use({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

  test('speaks Chinese and shows the Chinese emergency and crisis numbers', async ({ page }) => {
    const app = new SolaceApp(page);
    app.locale = 'zh-CN';
    await app.goto();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '欢迎使用心安' })).toBeVisible();
    await expect(page.getByText(/请立即拨打 110 \/ 120.*12356/)).toBeVisible();
    await app.acceptConsent('anonymous');
    await expect(page.getByRole('heading', { level: 1, name: '聊天' })).toBeVisible();
    await expect(page.getByText('你正在与 AI 交谈，而不是真人。')).toBeVisible();
  });
});
