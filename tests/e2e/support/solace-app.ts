/** Page object for the Solace shell, built from role-based locators and the app's own catalogs. */
import { expect, type Page } from '@playwright/test';
import { CATALOGS, format, type MessageKey } from '../../../src/lib/i18n';
import type { Locale } from '../../../src/lib/config/schema';
import type { Route } from '../../../src/lib/state/app-manager.svelte';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const SCREENS: { route: Route; title: MessageKey; nav: MessageKey }[] = [
  { route: 'chat', title: 'chat.title', nav: 'nav.chat' },
  { route: 'checkin', title: 'checkin.title', nav: 'nav.checkin' },
  { route: 'mood', title: 'mood.title', nav: 'nav.mood' },
  { route: 'tools', title: 'tools.title', nav: 'nav.tools' },
  { route: 'settings', title: 'settings.title', nav: 'nav.settings' },
];

export class SolaceApp {
  locale: Locale = 'en';

  constructor(readonly page: Page) {}

  t(key: MessageKey, params?: Record<string, string | number>): string {
    return format(CATALOGS[this.locale][key], params);
  }

  async goto(path = './'): Promise<void> {
    await this.page.goto(path);
    await this.page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
  }

  get consentHeading() {
    return this.page.getByRole('heading', { level: 1, name: /Solace|心安/ });
  }

  async acceptConsent(storage: 'device' | 'anonymous', minimumAge = 16): Promise<void> {
    await this.page.getByLabel(this.t('consent.ageConfirm', { age: minimumAge })).check();
    const option = storage === 'device' ? 'consent.storageYes' : 'consent.storageNo';
    await this.page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(this.t(option))}`) }).check();
    await this.page.getByRole('button', { name: this.t('consent.continue') }).click();
    if (storage === 'device') await this.protectData(null);
    await expect(this.nav).toBeVisible();
  }

  /** The key set-up screen after agreeing to storage: a passphrase, or `null` for device mode. */
  async protectData(passphrase: string | null): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: this.t('keys.setupTitle') })).toBeVisible();
    if (passphrase === null) {
      await this.page
        .getByRole('radio', { name: new RegExp(`^${escapeRegExp(this.t('keys.deviceOption'))}`) })
        .check();
    } else {
      await this.page
        .getByRole('radio', { name: new RegExp(`^${escapeRegExp(this.t('keys.passphraseOption'))}`) })
        .check();
      await this.page.getByLabel(this.t('keys.passphrase'), { exact: true }).fill(passphrase);
      await this.page.getByLabel(this.t('keys.passphraseConfirm')).fill(passphrase);
      await this.page.getByLabel(this.t('keys.understand')).check();
    }
    await this.page.getByRole('button', { name: this.t('keys.save') }).click();
  }

  get nav() {
    return this.page.getByRole('navigation', { name: this.t('nav.label') });
  }

  async open(route: Route): Promise<void> {
    const screen = SCREENS.find((s) => s.route === route)!;
    await this.nav.getByRole('link', { name: this.t(screen.nav) }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: this.t(screen.title) })).toBeVisible();
  }

  get helpButton() {
    return this.page.getByRole('button', { name: this.t('help.button') });
  }

  get helpDialog() {
    return this.page.getByRole('dialog', { name: this.t('help.title') });
  }

  async switchLanguage(locale: Locale): Promise<void> {
    await this.page
      .getByRole('combobox', { name: this.t('lang.label') })
      .first()
      .selectOption(locale);
    this.locale = locale;
    await expect(this.page.locator('html')).toHaveAttribute('lang', locale);
  }
}
