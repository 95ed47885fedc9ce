import type { SafetyPlanRepo } from '../../lib/store';
import { isSafetyPlanEmpty, type SafetyPlan, type SafetyPlanField } from '../../lib/safety/safety-plan';
import {
  draftFromPlan,
  draftProblem,
  isContactField,
  planFromDraft,
  type DraftProblem,
  type SafetyPlanDraft,
} from './safety-plan-draft';

export type PlanEditorStatus = 'loading' | 'ready' | 'failed';

/**
 * The safety plan screen's state: the saved plan, and a draft while editing. One instance per visit of
 * the screen (not a shared singleton): it belongs to the store that is open now, which a lock or an
 * erase can replace.
 */
export class SafetyPlanEditor {
  #plan = $state.raw<SafetyPlan | undefined>(undefined);
  #status = $state<PlanEditorStatus>('loading');
  #editing = $state(false);
  #draft = $state<SafetyPlanDraft>(draftFromPlan(undefined));
  #saving = $state(false);
  #problem = $state<DraftProblem | null>(null);
  #error = $state<unknown>(undefined);
  #justSaved = $state(false);

  constructor(private readonly repo: Pick<SafetyPlanRepo, 'get' | 'save'>) {}

  get plan() {
    return this.#plan;
  }
  get status() {
    return this.#status;
  }
  get editing() {
    return this.#editing;
  }
  /** Deeply reactive: inputs bind straight to its rows. */
  get draft() {
    return this.#draft;
  }
  get saving() {
    return this.#saving;
  }
  get problem() {
    return this.#problem;
  }
  /** The store's error from the last load or save, if any (a named `StoreError` in most cases). */
  get error() {
    return this.#error;
  }
  get justSaved() {
    return this.#justSaved;
  }
  get isEmpty() {
    return !this.#plan || isSafetyPlanEmpty(this.#plan);
  }

  async load(): Promise<void> {
    this.#status = 'loading';
    try {
      this.#plan = await this.repo.get();
      this.#status = 'ready';
    } catch (error) {
      this.#error = error;
      this.#status = 'failed';
    }
  }

  edit(): void {
    this.#draft = draftFromPlan(this.#plan);
    this.#problem = null;
    this.#error = undefined;
    this.#justSaved = false;
    this.#editing = true;
  }

  cancel(): void {
    this.#editing = false;
    this.#problem = null;
    this.#error = undefined;
  }

  addRow(field: SafetyPlanField): void {
    if (isContactField(field)) this.#draft[field].push({ name: '', phone: '' });
    else this.#draft[field].push('');
  }

  removeRow(field: SafetyPlanField, index: number): void {
    this.#draft[field].splice(index, 1);
  }

  /** Saves the draft; on success shows the read view. Returns whether it was saved. */
  async save(): Promise<boolean> {
    const problem = draftProblem(this.#draft);
    this.#problem = problem;
    this.#error = undefined;
    if (problem) return false;
    this.#saving = true;
    try {
      this.#plan = await this.repo.save(planFromDraft($state.snapshot(this.#draft), this.#plan));
      this.#editing = false;
      this.#justSaved = true;
      return true;
    } catch (error) {
      // The draft stays on screen, so nothing the person wrote is lost; they can retry.
      this.#error = error;
      return false;
    } finally {
      this.#saving = false;
    }
  }
}
