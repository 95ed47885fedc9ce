/** Page objects for the safety plan and the C-SSRS check-in, built on SolaceApp's locators and catalogs. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { SAFETY_PLAN_STEPS, type SafetyPlanField } from '../../../src/lib/safety/safety-plan';
import { CSSRS_QUESTIONS, type CssrsQuestionId } from '../../../src/lib/safety/cssrs';
import type { SolaceApp } from './solace-app';

export const SHOTS = 'test-results/screenshots';

export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

export class SafetyPlanPage {
  constructor(readonly app: SolaceApp) {}

  get page() {
    return this.app.page;
  }

  stepTitle(field: SafetyPlanField): string {
    return SAFETY_PLAN_STEPS.find((s) => s.field === field)!.title[this.app.locale];
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: this.app.t('safetyPlan.title') });
  }

  /** Opens the plan the way a person in trouble would: from "Get help now". */
  async openFromHelp(): Promise<void> {
    await this.app.helpButton.click();
    await this.app.helpDialog.getByRole('link', { name: this.app.t('safetyPlan.title') }).click();
    await expect(this.app.helpDialog).toBeHidden();
    await expect(this.heading).toBeVisible();
  }

  /** Loads the app straight on the plan's screen (after a reload, or offline). */
  async gotoDirect(): Promise<void> {
    await this.app.goto('./#/safety-plan');
    await expect(this.heading).toBeVisible();
  }

  async startEditing(): Promise<void> {
    const start = this.page.getByRole('button', { name: this.app.t('safetyPlan.start') });
    const edit = this.page.getByRole('button', { name: this.app.t('safetyPlan.edit') });
    await start.or(edit).click();
    await expect(this.page.getByRole('button', { name: this.app.t('safetyPlan.save') })).toBeVisible();
  }

  step(field: SafetyPlanField) {
    return this.page.getByRole('group', { name: this.stepTitle(field), exact: true });
  }

  /** Fills a list step with `entries`, adding rows as needed. */
  async fillList(field: SafetyPlanField, entries: string[]): Promise<void> {
    const title = this.stepTitle(field);
    for (const [i, entry] of entries.entries()) {
      const box = this.step(field).getByRole('textbox', {
        name: this.app.t('safetyPlan.itemLabel', { step: title, n: i + 1 }),
      });
      if ((await box.count()) === 0) {
        await this.step(field)
          .getByRole('button', { name: this.app.t('safetyPlan.add') })
          .click();
      }
      await box.fill(entry);
    }
  }

  async fillContact(field: 'helpers' | 'professionals', n: number, name: string, phone: string) {
    const group = this.page.getByRole('group', {
      name: this.app.t('safetyPlan.contactGroup', { step: this.stepTitle(field), n }),
    });
    if ((await group.count()) === 0) {
      await this.step(field)
        .getByRole('button', { name: this.app.t('safetyPlan.addContact') })
        .click();
    }
    await group.getByLabel(this.app.t('safetyPlan.contactName')).fill(name);
    await group.getByLabel(this.app.t('safetyPlan.contactPhone')).fill(phone);
  }

  async removeRow(field: SafetyPlanField, n: number): Promise<void> {
    await this.step(field)
      .getByRole('button', { name: this.app.t('safetyPlan.removeItem', { step: this.stepTitle(field), n }) })
      .click();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: this.app.t('safetyPlan.save') }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: this.app.t('safetyPlan.saved') }),
    ).toBeVisible();
  }

  /** The read view's section for one step. */
  section(field: SafetyPlanField) {
    return this.page.getByRole('listitem').filter({
      has: this.page.getByRole('heading', { level: 2, name: this.stepTitle(field) }),
    });
  }

  callLink(name: string, number: string) {
    return this.page.getByRole('link', { name: this.app.t('safetyPlan.callContact', { name, number }) });
  }
}

export class CssrsPage {
  constructor(readonly app: SolaceApp) {}

  get page() {
    return this.app.page;
  }

  get flow() {
    return this.page.getByRole('region', { name: this.app.t('cssrs.title') });
  }

  /** The question on screen (the fieldset's legend, which takes focus at each step). */
  get question() {
    return this.flow.getByRole('group').locator('legend');
  }

  async openFromHelp(): Promise<void> {
    await this.app.helpButton.click();
    await this.app.helpDialog.getByRole('button', { name: this.app.t('cssrs.entry') }).click();
    await expect(this.flow).toBeVisible();
  }

  /** Answers the question on screen, after checking it is `id`. */
  async answer(id: CssrsQuestionId, yes: boolean): Promise<void> {
    await expect(this.flow.getByRole('group')).toHaveAccessibleName(
      new RegExp(escapeRegExp(CSSRS_QUESTIONS[id].text[this.app.locale])),
    );
    await this.flow
      .getByRole('button', { name: this.app.t(yes ? 'cssrs.yes' : 'cssrs.no'), exact: true })
      .click();
  }

  get crisisCard() {
    return this.flow.getByTestId('crisis-card');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
