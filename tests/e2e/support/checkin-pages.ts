/** Page object for the check-in screens (questionnaire, result, history, report), from role-based locators. */
import { expect, type Page } from '@playwright/test';
import { INSTRUMENTS, bandLabel, type BandId, type InstrumentId } from '../../../src/lib/assessments';
import type { SolaceApp } from './solace-app';

export class CheckinPage {
  constructor(readonly app: SolaceApp) {}

  get page(): Page {
    return this.app.page;
  }

  /** Chooses a questionnaire on the check-in screen. */
  async start(instrument: InstrumentId): Promise<void> {
    const name = INSTRUMENTS[instrument].shortName;
    await this.page.getByRole('button', { name: new RegExp(`^${name} `) }).click();
    await expect(this.counter).toHaveText(
      this.app.t('checkin.progress', { current: 1, total: this.steps(instrument) }),
    );
  }

  steps(instrument: InstrumentId): number {
    const def = INSTRUMENTS[instrument];
    return def.items.length + (def.unscoredItem ? 1 : 0);
  }

  get counter() {
    return this.page.getByRole('heading', { level: 2, name: /\d/ }).first();
  }

  /** Picks an answer on the step on screen by its published label, and goes on. */
  async answer(instrument: InstrumentId, value: number): Promise<void> {
    const label = INSTRUMENTS[instrument].options.find((o) => o.value === value)!.label[this.app.locale];
    await this.page.getByRole('radio', { name: label, exact: true }).check();
    await this.nextButton.click();
  }

  get nextButton() {
    return this.page.getByRole('button', {
      name: new RegExp(`^(${this.app.t('checkin.next')}|${this.app.t('checkin.seeResult')})$`),
    });
  }

  /** Answers every scored item; PHQ-9's optional last question is skipped. */
  async answerAll(instrument: InstrumentId, values: number[]): Promise<void> {
    for (const value of values) await this.answer(instrument, value);
    if (INSTRUMENTS[instrument].unscoredItem) await this.nextButton.click();
  }

  get result() {
    return this.page.getByTestId('checkin-result');
  }

  async expectResult(instrument: InstrumentId, score: string, band: BandId): Promise<void> {
    await expect(this.result.getByRole('heading', { level: 2 })).toHaveText(
      this.app.t('checkin.resultTitle', { name: INSTRUMENTS[instrument].shortName }),
    );
    await expect(this.result.getByTestId('checkin-score')).toHaveText(score);
    await expect(this.result.getByTestId('checkin-band')).toHaveText(bandLabel(band, this.app.locale));
  }

  async backToCheckins(): Promise<void> {
    await this.page.getByRole('button', { name: this.app.t('checkin.done') }).click();
  }

  trend(instrument: InstrumentId) {
    return this.page.getByTestId(`trend-${instrument}`);
  }
}
