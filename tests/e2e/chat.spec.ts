import { expect, test, type Page } from '@playwright/test';
import { SolaceApp } from './support/solace-app';
import { CPU_MODEL_ID, serveTinyChatModel } from './support/tiny-models';

async function startModel(page: Page, app: SolaceApp) {
  await app.open('chat');
  await expect(page.getByTestId('device-summary')).toHaveText(app.t('model.device.no-adapter'));
  await expect(page.getByTestId('recommendation')).toContainText('Qwen2.5 0.5B (CPU)');
  await page.getByRole('button', { name: app.t('model.download') }).click();
  await expect(page.getByText(app.t('model.ready', { model: 'Qwen2.5 0.5B (CPU)' }))).toBeVisible({
    timeout: 60_000,
  });
}

async function send(page: Page, app: SolaceApp, text: string) {
  await page.getByLabel(app.t('chat.inputLabel')).fill(text);
  await page.keyboard.press('Enter');
}

test.describe('chat on the CPU path (no WebGPU adapter)', () => {
  test('a streamed reply appears, the model sees the whole conversation, and it survives a reload', async ({
    page,
    context,
  }) => {
    const served = await serveTinyChatModel(context);
    const app = new SolaceApp(page);
    await app.goto();
    await app.acceptConsent('device');
    await startModel(page, app);
    expect(
      served.requests.some((p) => p.includes(`${CPU_MODEL_ID}/resolve/main/onnx/model_quantized.onnx`)),
    ).toBe(true);

    await send(page, app, 'I saw a zebra at the zoo today.');
    const replies = page.getByTestId('message-assistant');
    await expect(replies.first()).toContainText('I remember that.', { timeout: 30_000 });
    await expect(replies.first()).toHaveAttribute('data-status', 'complete');
    await expect(replies.first().getByText(app.t('chat.ai'))).toBeVisible();

    await send(page, app, 'What did I tell you?');
    await expect(replies.nth(1)).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
    // The earlier turn still reaches the model on the second turn.
    await expect(replies.nth(1)).toContainText('I remember that.');

    await app.goto();
    await app.open('chat');
    await page.getByRole('button', { name: 'I saw a zebra at the zoo today.' }).click();
    await expect(page.getByTestId('message-user')).toHaveCount(2);
    await expect(page.getByTestId('message-assistant')).toHaveCount(2);
  });

  test('a crisis message shows the crisis card with the region’s lines before any reply', async ({
    page,
    context,
  }) => {
    await serveTinyChatModel(context);
    const app = new SolaceApp(page);
    await app.goto();
    await app.acceptConsent('anonymous');
    await startModel(page, app);
    await send(page, app, 'I want to end my life tonight.');
    const card = page.getByTestId('crisis-card');
    await expect(card).toBeVisible();
    await expect(card.getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
    await expect(page.getByTestId('message-assistant')).toHaveCount(1, { timeout: 30_000 });
    // The card sits between the message and the reply.
    const order = await page
      .locator('.messages > li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-testid') ?? 'note'));
    expect(order.slice(0, 3)).toEqual(['message-user', 'note', 'message-assistant']);
  });
});

test('the check-in report can include a summary of chosen conversations written by the local model, edited before printing', async ({
  page,
  context,
}) => {
  await serveTinyChatModel(context);
  const app = new SolaceApp(page);
  await app.goto();
  await app.acceptConsent('anonymous');
  await startModel(page, app);
  await send(page, app, 'Work has been stressful this month.');
  await expect(page.getByTestId('message-assistant').first()).toHaveAttribute('data-status', 'complete', {
    timeout: 30_000,
  });
  await app.open('checkin');
  await page.getByRole('button', { name: app.t('checkin.reportOpen') }).click();
  await page.getByLabel('Work has been stressful this month.').check();
  await page.getByRole('button', { name: app.t('checkin.reportWriteSummary') }).click();
  const summary = page.getByLabel(app.t('checkin.reportSummaryLabel'));
  // The tiny model's reply stands in for a real summary.
  await expect(summary).toHaveValue('I hear you.', { timeout: 30_000 });
  await summary.fill('I have been stressed by work and want to talk about deadlines.');
  const report = page.getByTestId('print-report');
  await expect(report.getByRole('heading', { name: app.t('checkin.reportConversations') })).toBeVisible();
  await expect(report).toContainText('I have been stressed by work and want to talk about deadlines.');
  await expect(report).toContainText(app.t('checkin.reportSummaryNote'));
});

test('without a model, a message is saved, a crisis message still gets the card, and nothing crashes', async ({
  page,
}) => {
  const app = new SolaceApp(page);
  await app.goto();
  await app.acceptConsent('anonymous');
  await app.open('chat');
  await send(page, app, 'I have been feeling like I want to kill myself.');
  await expect(page.getByTestId('message-user')).toHaveCount(1);
  await expect(page.getByTestId('crisis-card')).toBeVisible();
  await expect(page.getByText(app.t('chat.noModel'))).toBeVisible();
});

test('distress without crisis signals adds a gentle check-in and the way to help, without a crisis card', async ({
  page,
}) => {
  const app = new SolaceApp(page);
  await app.goto();
  await app.acceptConsent('anonymous');
  await app.open('chat');
  await send(page, app, 'I feel so hopeless lately, nothing I do seems to matter.');
  await expect(page.getByTestId('message-user')).toHaveCount(1);
  await expect(page.getByTestId('concern-check-in')).toBeVisible();
  await expect(page.getByTestId('crisis-card')).toHaveCount(0);
});

test('the crisis card with the region’s numbers appears offline too', async ({ page, context }) => {
  const app = new SolaceApp(page);
  await app.goto();
  await app.acceptConsent('device');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
  });
  // Open the chat once online so its code is cached, as a returning person's would be.
  await app.open('chat');
  await context.setOffline(true);
  await app.goto();
  await app.open('chat');
  await send(page, app, '我不想活了，想结束自己的生命');
  const card = page.getByTestId('crisis-card');
  await expect(card).toBeVisible();
  await expect(card.getByRole('link', { name: 'Call 988' })).toBeVisible();
});

test('the device check on a software WebGPU adapter chooses the CPU path and says why @webgpu', async ({
  page,
}) => {
  const app = new SolaceApp(page);
  await app.goto();
  await app.acceptConsent('anonymous');
  await app.open('chat');
  await expect(page.getByTestId('device-summary')).toHaveText(app.t('model.device.fallback-adapter'));
  await expect(page.getByTestId('recommendation')).toContainText('CPU');
});
