import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SCREENS, SolaceApp } from './support/solace-app';
import {
  DataSettingsPage,
  SafetyPlanScreen,
  UnlockScreen,
  dumpDatabase,
  readBrowserStorage,
  startWithPassphrase,
} from './support/store-pages';

const PASSPHRASE = 'quiet river morning lamp';
// Written in the safety plan; must never appear in clear at rest.
const SECRET_EN = 'Call my sister Wen when the nights get long';
const SECRET_ZH = '睡不着的时候给姐姐打电话';

test('an anonymous session writes nothing to any browser storage', async ({ page }) => {
  const app = new SolaceApp(page);
  await app.goto();
  await app.acceptConsent('anonymous');
  for (const locale of ['en', 'zh-CN'] as const) {
    if (locale !== app.locale) await app.switchLanguage(locale);
    for (const screen of SCREENS) {
      await app.open(screen.route);
      await app.helpButton.click();
      await expect(app.helpDialog).toBeVisible();
      await page.keyboard.press('Escape');
    }
  }
  await app.switchLanguage('en');
  const plan = new SafetyPlanScreen(app);
  await plan.open();
  await plan.writeFirstEntry(SECRET_EN);
  await app.open('settings');
  await expect(page.getByText(app.t('data.anonymousDetail'))).toBeVisible();

  expect(await readBrowserStorage(page)).toEqual({
    databases: [],
    localStorage: [],
    sessionStorage: [],
    caches: [],
    serviceWorkers: 0,
  });
});

test('a passphrase locks the data: reload asks for it, a wrong one changes nothing, the right one opens', async ({
  page,
}) => {
  const app = new SolaceApp(page);
  await app.goto();
  await startWithPassphrase(app, PASSPHRASE);

  await page.reload();
  const lock = new UnlockScreen(app);
  await expect(lock.heading).toBeVisible();
  const before = await dumpDatabase(page);
  await lock.unlock('not the right passphrase');
  await expect(page.getByRole('alert')).toHaveText(app.t('storeError.wrong-passphrase'));
  await expect(lock.heading).toBeVisible();
  expect(await dumpDatabase(page)).toEqual(before);

  await lock.unlock(PASSPHRASE);
  await expect(app.nav).toBeVisible();

  await app.open('settings');
  await new DataSettingsPage(app).lockNow();
  await expect(lock.heading).toBeVisible();
  await expect(app.nav).toBeHidden();
});

test('with a passphrase, no raw IndexedDB record holds the plaintext of what was written', async ({
  page,
}) => {
  const app = new SolaceApp(page);
  await app.goto();
  await startWithPassphrase(app, PASSPHRASE);
  const plan = new SafetyPlanScreen(app);
  await plan.open();
  await plan.writeFirstEntry(`${SECRET_EN} ${SECRET_ZH}`);

  const records = await dumpDatabase(page);
  expect(records.some((r) => r.table === 'safetyPlan')).toBe(true);
  for (const needle of ['sister Wen', SECRET_EN, SECRET_ZH, '姐姐']) {
    expect(records.filter((r) => r.text.includes(needle))).toEqual([]);
  }

  // And it was saved: after a reload and unlock the plan reads back.
  await page.reload();
  await new UnlockScreen(app).unlock(PASSPHRASE);
  await expect(app.nav).toBeVisible();
  await plan.open();
  await plan.expectShows(`${SECRET_EN} ${SECRET_ZH}`);
});

async function eraseAfterSaving(app: SolaceApp, keepModelFiles: boolean) {
  const page = app.page;
  await app.goto();
  await app.acceptConsent('device');
  const plan = new SafetyPlanScreen(app);
  await plan.open();
  await plan.writeFirstEntry(SECRET_EN);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    // A stand-in for downloaded model files (they hold nothing the person wrote).
    await (await caches.open('webllm/model')).put('/model-shard-1.bin', new Response('weights'));
    sessionStorage.setItem('solace.draft', 'x');
  });
  const stored = await readBrowserStorage(page);
  expect(stored.databases).toContain('solace');
  expect(stored.localStorage.length).toBeGreaterThan(0);
  expect(stored.caches.length).toBeGreaterThan(1);

  await app.open('settings');
  await new DataSettingsPage(app).erase(keepModelFiles);
  await expect(app.consentHeading).toBeVisible();
  return readBrowserStorage(page);
}

test('erase everything leaves nothing of the person and returns to the first-run screen', async ({
  page,
}) => {
  const app = new SolaceApp(page);
  expect(await eraseAfterSaving(app, false)).toEqual({
    databases: [],
    localStorage: [],
    sessionStorage: [],
    caches: [],
    serviceWorkers: 0,
  });
  await page.reload();
  await expect(app.consentHeading).toBeVisible();
});

test('erase everything keeps downloaded model files when asked to', async ({ page }) => {
  const app = new SolaceApp(page);
  const after = await eraseAfterSaving(app, true);
  expect(after).toEqual({
    databases: [],
    localStorage: [],
    sessionStorage: [],
    caches: ['webllm/model'],
    serviceWorkers: 0,
  });
});

test('a backup downloads as one file and restores into a fresh profile; wrong passphrase and damaged file change nothing', async ({
  page,
  browser,
}) => {
  const app = new SolaceApp(page);
  await app.goto();
  await app.acceptConsent('device');
  const plan = new SafetyPlanScreen(app);
  await plan.open();
  await plan.writeFirstEntry(SECRET_EN);
  await app.open('settings');
  const download = await new DataSettingsPage(app).exportBackup('backup passphrase 2026');
  expect(download.suggestedFilename()).toMatch(/^solace-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain('sister');
  const envelope = JSON.parse(text) as { ciphertext: string };
  const flipped = envelope.ciphertext.startsWith('A') ? 'B' : 'A';
  const damaged = JSON.stringify({ ...envelope, ciphertext: flipped + envelope.ciphertext.slice(1) });

  const fresh = await browser.newContext();
  try {
    const page2 = await fresh.newPage();
    const app2 = new SolaceApp(page2);
    await app2.goto();
    await app2.acceptConsent('device');
    await app2.open('settings');
    const settings2 = new DataSettingsPage(app2);

    await settings2.importBackup(file, 'not the backup passphrase', 'merge');
    await expect(settings2.alert).toHaveText(app2.t('storeError.wrong-passphrase'));
    await settings2.importBackup(
      { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(damaged) },
      'backup passphrase 2026',
      'merge',
    );
    await expect(settings2.alert).toHaveText(app2.t('storeError.backup-format'));
    await settings2.importBackup(
      { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, 200)) },
      'backup passphrase 2026',
      'merge',
    );
    await expect(settings2.alert).toHaveText(app2.t('storeError.backup-format'));

    const plan2 = new SafetyPlanScreen(app2);
    await plan2.open();
    await expect(page2.getByRole('button', { name: app2.t('safetyPlan.start') })).toBeVisible();

    await app2.open('settings');
    await settings2.importBackup(file, 'backup passphrase 2026', 'replace');
    await expect(page2.getByRole('status').filter({ hasText: /^Restored \d+ records\.$/ })).toBeVisible();
    await plan2.open();
    await plan2.expectShows(SECRET_EN);
  } finally {
    await fresh.close();
  }
});

test('two tabs share the lock: locking one locks the other', async ({ page, context }) => {
  const app = new SolaceApp(page);
  await app.goto();
  await startWithPassphrase(app, PASSPHRASE);

  const other = new SolaceApp(await context.newPage());
  await other.goto();
  await expect(other.nav).toBeVisible();

  await app.open('settings');
  await new DataSettingsPage(app).lockNow();
  await expect(new UnlockScreen(other).heading).toBeVisible();
  await expect(other.nav).toBeHidden();
});
