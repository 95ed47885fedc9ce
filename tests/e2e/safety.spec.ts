import { expect, test } from '@playwright/test';
import { SolaceApp } from './support/solace-app';
import { CssrsPage, SafetyPlanPage, SHOTS, expectNoSeriousViolations } from './support/safety-pages';

test.describe('personal safety plan', () => {
  test('is reached from Get help now, filled in, saved and there again after a reload (English)', async ({
    page,
  }) => {
    const app = new SolaceApp(page);
    const plan = new SafetyPlanPage(app);
    await app.goto();
    await app.acceptConsent('device');
    await plan.openFromHelp();
    await expect(page.getByRole('heading', { name: app.t('safetyPlan.emptyTitle') })).toBeVisible();
    await expect(page.getByTestId('plan-storage')).toHaveText(app.t('safetyPlan.storedDevice'));

    await plan.startEditing();
    await plan.fillList('warningSigns', ['Not sleeping', 'Staying in my room all day']);
    await plan.fillList('copingStrategies', ['Walk round the block']);
    await plan.fillList('reasonsForLiving', ['My sister', 'My cat, Miso']);
    await plan.fillContact('helpers', 1, 'Sam', '+1 555 0100');
    await plan.fillContact('helpers', 2, 'Aunt Li', '555-0199');
    await plan.save();

    await expect(plan.section('warningSigns')).toContainText('Staying in my room all day');
    await expect(plan.callLink('Sam', '+1 555 0100')).toHaveAttribute('href', 'tel:+15550100');
    await expect(plan.section('distractions')).toContainText(app.t('safetyPlan.nothingYet'));
    // The region's crisis lines sit with the professionals, whatever the person wrote.
    await expect(plan.section('professionals').getByRole('link', { name: 'Call 988' })).toBeVisible();

    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
    await expect(plan.heading).toBeVisible();
    await expect(plan.section('reasonsForLiving')).toContainText('My cat, Miso');
    await expect(plan.callLink('Aunt Li', '555-0199')).toBeVisible();

    // Editing keeps what was there; removing an entry and saving sticks.
    await plan.startEditing();
    await plan.removeRow('warningSigns', 1);
    await plan.save();
    await expect(plan.section('warningSigns')).not.toContainText('Not sleeping');
    await expect(plan.section('warningSigns')).toContainText('Staying in my room all day');
  });

  test('works in Chinese, and is there again after a reload', async ({ page }) => {
    const app = new SolaceApp(page);
    const plan = new SafetyPlanPage(app);
    await app.goto();
    await app.switchLanguage('zh-CN');
    await app.acceptConsent('device');
    await plan.openFromHelp();
    await expect(page.getByRole('heading', { name: app.t('safetyPlan.emptyTitle') })).toBeVisible();
    await plan.startEditing();
    await plan.fillList('warningSigns', ['整晚睡不着', '不想见任何人']);
    await plan.fillList('safeEnvironment', ['把药交给妈妈保管']);
    await plan.fillList('reasonsForLiving', ['我的家人']);
    await plan.fillContact('helpers', 1, '小王', '138 0000 0000');
    await plan.save();

    await plan.gotoDirect();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(plan.section('warningSigns')).toContainText('不想见任何人');
    await expect(plan.section('safeEnvironment')).toContainText('把药交给妈妈保管');
    await expect(plan.callLink('小王', '138 0000 0000')).toHaveAttribute('href', 'tel:13800000000');
  });

  test('an anonymous session says the plan is gone with the tab', async ({ page }) => {
    const app = new SolaceApp(page);
    const plan = new SafetyPlanPage(app);
    await app.goto();
    await app.acceptConsent('anonymous');
    await plan.openFromHelp();
    await expect(page.getByTestId('plan-storage')).toHaveText(app.t('safetyPlan.storedMemory'));
    await plan.startEditing();
    await plan.fillList('copingStrategies', ['Breathing exercise']);
    await plan.save();
    await expect(plan.section('copingStrategies')).toContainText('Breathing exercise');
  });

  test('is readable with the network off once the app works offline', async ({ page, context }) => {
    const app = new SolaceApp(page);
    const plan = new SafetyPlanPage(app);
    await app.goto();
    await app.acceptConsent('device');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      }
    });
    await plan.openFromHelp();
    await plan.startEditing();
    await plan.fillList('reasonsForLiving', ['Seeing the sea again']);
    await plan.fillContact('helpers', 1, 'Jo', '555 0123');
    await plan.save();

    await context.setOffline(true);
    await plan.gotoDirect();
    await expect(plan.section('reasonsForLiving')).toContainText('Seeing the sea again');
    await expect(plan.callLink('Jo', '555 0123')).toBeVisible();
    await expect(plan.section('professionals').getByRole('link', { name: 'Call 988' })).toBeVisible();
  });

  test('axe finds no serious issue on the empty, edit and read views', async ({ page }) => {
    const app = new SolaceApp(page);
    const plan = new SafetyPlanPage(app);
    await app.goto();
    await app.acceptConsent('anonymous');
    await plan.openFromHelp();
    await expectNoSeriousViolations(page, 'safety plan, empty');
    await plan.startEditing();
    await plan.fillList('warningSigns', ['Not sleeping']);
    await plan.fillContact('helpers', 1, 'Sam', '555 0100');
    await expectNoSeriousViolations(page, 'safety plan, editing');
    await plan.save();
    await expectNoSeriousViolations(page, 'safety plan, read');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousViolations(page, 'safety plan, read, dark');
  });
});

test.describe('safety plan on a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  for (const locale of ['en', 'zh-CN'] as const) {
    test(`fits without sideways scrolling, editing and reading (${locale})`, async ({ page }) => {
      const app = new SolaceApp(page);
      const plan = new SafetyPlanPage(app);
      await app.goto();
      if (locale !== 'en') await app.switchLanguage(locale);
      await app.acceptConsent('anonymous');
      await plan.openFromHelp();
      const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      await plan.startEditing();
      const zh = locale === 'zh-CN';
      await plan.fillList(
        'warningSigns',
        zh ? ['整晚睡不着', '不想见人'] : ['Not sleeping', 'Skipping meals'],
      );
      await plan.fillContact('helpers', 1, zh ? '小王' : 'Sam', '+1 555 0100');
      expect(await fits(), 'edit view').toBe(true);
      await page.screenshot({ path: `${SHOTS}/mobile-${locale}-safety-plan-edit.png`, fullPage: true });
      await plan.save();
      expect(await fits(), 'read view').toBe(true);
      await page.screenshot({ path: `${SHOTS}/mobile-${locale}-safety-plan.png`, fullPage: true });
    });
  }
});

test.describe('C-SSRS check-in', () => {
  test('yes to intention (q4) is high risk and shows the crisis lines at once', async ({ page }) => {
    const app = new SolaceApp(page);
    const cssrs = new CssrsPage(app);
    await app.goto();
    await app.acceptConsent('anonymous');
    await cssrs.openFromHelp();
    await expect(cssrs.question).toBeFocused();
    await cssrs.answer('q1', true);
    await cssrs.answer('q2', true);
    await cssrs.answer('q3', false);
    await expect(cssrs.crisisCard).toHaveCount(0);
    await cssrs.answer('q4', true);
    await expect(cssrs.crisisCard).toBeVisible();
    await expect(cssrs.crisisCard.getByRole('link', { name: 'Call 988' })).toBeVisible();
    await expectNoSeriousViolations(page, 'C-SSRS with crisis card');

    await cssrs.answer('q5', false);
    await cssrs.answer('q6', false);
    await expect(cssrs.flow.getByText(app.t('cssrs.result.high'))).toBeVisible();
    await expect(cssrs.crisisCard.getByRole('link', { name: 'Call 911' })).toBeVisible();
    await expectNoSeriousViolations(page, 'C-SSRS result');

    // From the card, the safety plan is one tap away and Get help now closes.
    await cssrs.crisisCard.getByRole('link', { name: app.t('crisisCard.openPlan') }).click();
    await expect(app.helpDialog).toBeHidden();
    await expect(new SafetyPlanPage(app).heading).toBeVisible();
  });

  test('all no is no risk, without the crisis card; Back and Done work', async ({ page }) => {
    const app = new SolaceApp(page);
    const cssrs = new CssrsPage(app);
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.goto();
    await app.switchLanguage('zh-CN');
    await app.acceptConsent('anonymous');
    await cssrs.openFromHelp();
    await expectNoSeriousViolations(page, 'C-SSRS first question, zh-CN, dark');
    await cssrs.answer('q1', true);
    await cssrs.flow.getByRole('button', { name: app.t('cssrs.back') }).click();
    await cssrs.answer('q1', false);
    await cssrs.answer('q2', false);
    await cssrs.answer('q6', false);
    await expect(cssrs.flow.getByText(app.t('cssrs.result.none'))).toBeVisible();
    await expect(cssrs.crisisCard).toHaveCount(0);
    await cssrs.flow.getByRole('button', { name: app.t('cssrs.done') }).click();
    await expect(app.helpDialog.getByRole('button', { name: app.t('cssrs.entry') })).toBeFocused();
  });
});

test('after 2 hours of continuous use a gentle, dismissible reminder appears', async ({ page }) => {
  await page.clock.install();
  const app = new SolaceApp(page);
  await app.goto();
  await app.acceptConsent('anonymous');
  const reminder = page.getByTestId('usage-reminder');
  await page.clock.runFor('01:59:00');
  await expect(reminder).toHaveCount(0);
  await page.clock.runFor('00:02:00');
  await expect(reminder).toBeVisible();
  await expect(reminder).toContainText(app.t('ai.notice').replace('You are', 'you are'));
  // Not blocking: the navigation and the screen still work while it shows.
  await app.open('tools');
  await expect(reminder).toBeVisible();
  await reminder.getByRole('button', { name: app.t('usage.dismiss') }).click();
  await expect(reminder).toHaveCount(0);
});
