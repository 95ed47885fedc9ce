import { expect, test } from '@playwright/test';
import { SCREENS, SolaceApp } from './support/solace-app';

test.describe('app shell', () => {
  test.beforeEach(async ({ page }) => {
    const app = new SolaceApp(page);
    await app.goto();
    await app.acceptConsent('anonymous');
  });

  test('every screen is reachable, has its heading and a clear empty state', async ({ page }) => {
    const app = new SolaceApp(page);
    for (const screen of SCREENS) {
      await app.open(screen.route);
      await expect(page).toHaveURL(new RegExp(`#/${screen.route}$`));
      await expect(app.nav.getByRole('link', { name: app.t(screen.nav) })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(page.getByRole('main')).not.toBeEmpty();
    }
    await app.open('mood');
    await expect(page.getByRole('heading', { name: app.t('mood.emptyTitle') })).toBeVisible();
  });

  test('the chat area always says it is an AI, not a person', async ({ page }) => {
    const app = new SolaceApp(page);
    await app.open('chat');
    await expect(page.getByTestId('ai-notice')).toHaveText(app.t('ai.notice'));
  });

  test('"Get help now" is on every screen and opens the crisis lines as tap-to-call and tap-to-text links', async ({
    page,
  }) => {
    const app = new SolaceApp(page);
    for (const screen of SCREENS) {
      await app.open(screen.route);
      await expect(app.helpButton).toBeVisible();
    }
    await app.helpButton.click();
    await expect(app.helpDialog).toBeVisible();
    await expect(app.helpDialog.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
    await expect(app.helpDialog.getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
    await expect(app.helpDialog.getByRole('link', { name: 'Text HOME to 741741' })).toHaveAttribute(
      'href',
      'sms:741741?&body=HOME',
    );
    // Another region can be picked, e.g. for someone travelling.
    await app.helpDialog.getByRole('combobox', { name: app.t('help.region') }).selectOption('GB');
    await expect(app.helpDialog.getByRole('link', { name: 'Call 116 123' })).toHaveAttribute(
      'href',
      'tel:116123',
    );
    await page.keyboard.press('Escape');
    await expect(app.helpDialog).toBeHidden();
  });

  test('the language can be switched, and every visible string follows', async ({ page }) => {
    const app = new SolaceApp(page);
    await app.switchLanguage('zh-CN');
    await expect(app.nav.getByRole('link', { name: '心情' })).toBeVisible();
    await expect(app.helpButton).toHaveText('立即求助');
    await app.open('settings');
    await expect(page).toHaveTitle(/隐私与设置/);
    await app.switchLanguage('en');
    await expect(app.helpButton).toHaveText('Get help now');
  });

  test('works with the keyboard alone, with a visible focus ring', async ({ page }) => {
    const app = new SolaceApp(page);
    // The first Tab reaches the skip link, then the header controls, then the navigation.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: app.t('app.skipToContent') })).toBeFocused();
    const moodLink = app.nav.getByRole('link', { name: app.t('nav.mood') });
    for (let i = 0; i < 10 && !(await moodLink.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(moodLink).toBeFocused();
    const outline = await moodLink.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: app.t('mood.title') })).toBeFocused();
    await app.helpButton.focus();
    await page.keyboard.press('Enter');
    await expect(app.helpDialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(app.helpDialog).toBeHidden();
  });

  test('the browser back button moves between screens', async ({ page }) => {
    const app = new SolaceApp(page);
    await app.open('tools');
    await app.open('mood');
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: app.t('tools.title') })).toBeVisible();
  });
});

test.describe('motion and colour preferences', () => {
  test('reduced motion turns transitions off', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const app = new SolaceApp(page);
    await app.goto();
    const duration = await page
      .getByRole('button', { name: app.t('consent.continue') })
      .evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
    expect(duration).toBeLessThan(0.001);
  });

  test('dark colour scheme gives a dark background', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const app = new SolaceApp(page);
    await app.goto();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(18, 22, 20)');
  });
});
