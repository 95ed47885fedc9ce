/** Page objects for the private store: lock screen, data settings, safety plan, and raw browser storage. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { SolaceApp } from './solace-app';

/** Everything of this origin that the browser keeps, read from inside the page. */
export interface BrowserStorage {
  databases: string[];
  localStorage: string[];
  sessionStorage: string[];
  caches: string[];
  serviceWorkers: number;
}

export async function readBrowserStorage(page: Page): Promise<BrowserStorage> {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    caches: await caches.keys(),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
}

/**
 * Every record of every table of the app's database, read with the raw IndexedDB API (not through the app),
 * as text: strings as they are, byte arrays decoded as UTF-8 and as Latin-1, so plaintext would show up.
 */
export async function dumpDatabase(page: Page, name = 'solace'): Promise<{ table: string; text: string }[]> {
  return page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const flatten = (value: unknown): string => {
      if (value instanceof ArrayBuffer) value = new Uint8Array(value);
      if (ArrayBuffer.isView(value)) {
        const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        return `${new TextDecoder().decode(bytes)} ${String.fromCharCode(...bytes)}`;
      }
      if (typeof value === 'string') return value;
      if (Array.isArray(value)) return value.map(flatten).join(' ');
      if (value && typeof value === 'object') {
        if (value instanceof CryptoKey) return '[CryptoKey]';
        return Object.entries(value)
          .map(([k, v]) => `${k}=${flatten(v)}`)
          .join(' ');
      }
      return String(value);
    };
    const out: { table: string; text: string }[] = [];
    for (const table of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(table).objectStore(table).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      for (const row of rows) out.push({ table, text: flatten(row) });
    }
    db.close();
    return out;
  }, name);
}

export class UnlockScreen {
  constructor(private readonly app: SolaceApp) {}

  get heading(): Locator {
    return this.app.page.getByRole('heading', {
      level: 1,
      name: this.app.t('lock.title', { name: 'Solace' }),
    });
  }

  get passphrase(): Locator {
    return this.app.page.getByLabel(this.app.t('keys.passphrase'), { exact: true });
  }

  async unlock(passphrase: string): Promise<void> {
    await this.passphrase.fill(passphrase);
    await this.app.page.getByRole('button', { name: this.app.t('lock.unlock') }).click();
  }
}

/** The personal safety plan screen (#/safety-plan): the first screen that saves something the person wrote. */
export class SafetyPlanScreen {
  constructor(private readonly app: SolaceApp) {}

  async open(): Promise<void> {
    await this.app.page.evaluate(() => (location.hash = '#/safety-plan'));
    await expect(
      this.app.page.getByRole('heading', { level: 1, name: this.app.t('safetyPlan.title') }),
    ).toBeVisible();
  }

  /** Writes `text` as the first entry of the plan and saves it. */
  async writeFirstEntry(text: string): Promise<void> {
    const page = this.app.page;
    const start = page.getByRole('button', { name: this.app.t('safetyPlan.start') });
    const edit = page.getByRole('button', { name: this.app.t('safetyPlan.edit') });
    await expect(start.or(edit)).toBeVisible();
    await ((await start.isVisible()) ? start : edit).click();
    const first = page.locator('main form').getByRole('textbox').first();
    await first.fill(text);
    await page.getByRole('button', { name: this.app.t('safetyPlan.save') }).click();
    await expect(page.getByRole('status').filter({ hasText: this.app.t('safetyPlan.saved') })).toBeVisible();
  }

  async expectShows(text: string): Promise<void> {
    await expect(this.app.page.getByRole('main').getByText(text)).toBeVisible();
  }
}

/** Privacy & Settings: the store's sections. */
export class DataSettingsPage {
  constructor(private readonly app: SolaceApp) {}

  private region(title: string): Locator {
    return this.app.page.getByRole('region', { name: title });
  }

  get security(): Locator {
    return this.region(this.app.t('data.securityTitle'));
  }
  get backup(): Locator {
    return this.region(this.app.t('data.backupTitle'));
  }
  get storage(): Locator {
    return this.region(this.app.t('data.storageTitle'));
  }

  async lockNow(): Promise<void> {
    await this.security.getByRole('button', { name: this.app.t('lock.lockNow') }).click();
  }

  async exportBackup(passphrase: string): Promise<Download> {
    const form = this.backup.getByRole('form', { name: this.app.t('data.exportTitle') });
    await form.getByLabel(this.app.t('data.backupPassphrase')).fill(passphrase);
    await form.getByLabel(this.app.t('keys.passphraseConfirm')).fill(passphrase);
    const download = this.app.page.waitForEvent('download');
    await form.getByRole('button', { name: this.app.t('data.export') }).click();
    return download;
  }

  async importBackup(
    file: string | { name: string; mimeType: string; buffer: Buffer },
    passphrase: string,
    mode: 'merge' | 'replace',
  ): Promise<void> {
    const form = this.backup.getByRole('form', { name: this.app.t('data.importTitle') });
    await form.getByLabel(this.app.t('data.importFile'), { exact: true }).setInputFiles(file);
    await form.getByLabel(this.app.t('data.importPassphrase'), { exact: true }).fill(passphrase);
    await form.getByLabel(this.app.t(mode === 'merge' ? 'data.importMerge' : 'data.importReplace')).check();
    await form.getByRole('button', { name: this.app.t('data.import') }).click();
  }

  get alert(): Locator {
    return this.app.page.getByRole('main').getByRole('alert');
  }

  async erase(keepModelFiles: boolean): Promise<void> {
    const page = this.app.page;
    await page.getByRole('button', { name: this.app.t('data.erase') }).click();
    const dialog = page.getByRole('dialog', { name: this.app.t('data.eraseConfirmTitle') });
    await dialog.getByLabel(this.app.t('data.eraseKeepModels')).setChecked(keepModelFiles);
    await dialog.getByRole('button', { name: this.app.t('data.eraseConfirm') }).click();
  }
}

const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/**
 * First run with storage agreed and a passphrase chosen, up to the app's first screen. (The option's name
 * holds parentheses, so it is matched as escaped text.)
 */
export async function startWithPassphrase(
  app: SolaceApp,
  passphrase: string,
  minimumAge = 16,
): Promise<void> {
  const page = app.page;
  await page.getByLabel(app.t('consent.ageConfirm', { age: minimumAge })).check();
  await page.getByRole('radio', { name: startsWith(app.t('consent.storageYes')) }).check();
  await page.getByRole('button', { name: app.t('consent.continue') }).click();
  await expect(page.getByRole('heading', { level: 1, name: app.t('keys.setupTitle') })).toBeVisible();
  await page.getByRole('radio', { name: startsWith(app.t('keys.passphraseOption')) }).check();
  await page.getByLabel(app.t('keys.passphrase'), { exact: true }).fill(passphrase);
  await page.getByLabel(app.t('keys.passphraseConfirm')).fill(passphrase);
  await page.getByLabel(app.t('keys.understand')).check();
  await page.getByRole('button', { name: app.t('keys.save') }).click();
  await expect(app.nav).toBeVisible();
}
