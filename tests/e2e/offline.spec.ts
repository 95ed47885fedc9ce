import { expect, test } from '@playwright/test';
import { SolaceApp } from './support/solace-app';

test('after the first visit the app loads, with its config and crisis lines, with the network off', async ({
  page,
  context,
}) => {
  await context.route('**/solace.config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ organization: { name: 'Harbour Wellbeing' } }),
    }),
  );
  const app = new SolaceApp(page);
  await app.goto();
  await app.acceptConsent('device');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
  });
  await expect(page.getByText(app.t('offline.ready'))).toBeVisible();
  // The worker caches the config on its first activation.
  await expect
    .poll(() => page.evaluate(async () => (await caches.open('solace-config')).keys().then((k) => k.length)))
    .toBeGreaterThan(0);
  await context.unroute('**/solace.config.json');

  await context.setOffline(true);
  await app.goto();
  await expect(page.locator('header')).toContainText('Harbour Wellbeing');
  await app.open('tools');
  await app.helpButton.click();
  await expect(app.helpDialog.getByRole('link', { name: 'Call 988' })).toBeVisible();
  await expect(app.helpDialog.getByText(app.t('help.offlineNote'))).toBeVisible();
});
