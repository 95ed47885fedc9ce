import { storeManager } from '../../lib/state/store-manager.svelte';
import {
  answerCssrs,
  cssrsRisk,
  nextCssrsQuestion,
  type CssrsAnswers,
  type CssrsQuestionId,
  type CssrsRisk,
} from '../../lib/safety/cssrs';

/** One answered step, in the order the person answered. */
interface CssrsStep {
  id: CssrsQuestionId;
  yes: boolean;
}

/**
 * One run of the Columbia screener: the answers so far, the next question and the risk. The rules live in
 * `lib/safety/cssrs.ts`; this class only keeps the person's steps so "Back" can undo the last one.
 */
export class CssrsFlowState {
  #steps = $state.raw<CssrsStep[]>([]);

  readonly answers: CssrsAnswers = $derived(
    this.#steps.reduce<CssrsAnswers>((acc, step) => answerCssrs(acc, step.id, step.yes), {}),
  );
  /** The question on screen, or null once the screener is complete. */
  readonly current: CssrsQuestionId | null = $derived(nextCssrsQuestion(this.answers));
  /** Risk from the answers so far: a "yes" that already means high risk counts before the end. */
  readonly risk: CssrsRisk = $derived(cssrsRisk(this.answers));
  readonly complete: boolean = $derived(this.current === null);
  /** 1-based number of the question on screen. */
  readonly number: number = $derived(this.#steps.length + 1);
  readonly canGoBack: boolean = $derived(this.#steps.length > 0);

  answer(yes: boolean): void {
    const id = this.current;
    if (id === null) return;
    this.#steps = [...this.#steps, { id, yes }];
  }

  back(): void {
    this.#steps = this.#steps.slice(0, -1);
  }

  reset(): void {
    this.#steps = [];
  }
}

/** Moderate and high risk show the crisis card with the region's lines. */
export function needsCrisisCard(risk: CssrsRisk): boolean {
  return risk === 'moderate' || risk === 'high';
}

/**
 * Keeps a local note that the screener was completed and with what risk, only when the person agreed to
 * saving and the store is unlocked (an anonymous session keeps nothing). Never sent anywhere.
 */
export async function recordCssrsOutcome(risk: CssrsRisk): Promise<void> {
  const store = storeManager.store;
  if (!store?.persistent || storeManager.keyState !== 'unlocked') return;
  try {
    await store.safetyEvents.record({
      kind: 'cssrs',
      level: risk,
      categories: risk === 'none' ? [] : ['suicide'],
      action: needsCrisisCard(risk) ? 'showed-resources' : 'completed',
    });
  } catch {
    // A log entry that cannot be written must never get in the way of the person's check-in.
  }
}
