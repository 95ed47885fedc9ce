import { compareScores, type Change, type InstrumentId, type ScoreResult } from '../assessments';
import {
  answer,
  canGoNext,
  fromRecords,
  goBack,
  goNext,
  isComplete,
  needsSafetyFlow,
  parseProgress,
  previousResult,
  scoreProgress,
  serializeProgress,
  startProgress,
  toRecord,
  type NewResultRecord,
  type PastResult,
  type Progress,
  type StoredRecord,
} from '../assessments/ui-session';
import type { Locale } from '../config/schema';
import type { JsonValue, Store } from '../store';

/** Where a check-in keeps its in-progress answers and its results. Screening mode has none. */
export interface CheckinBackend {
  loadProgress(): Promise<unknown>;
  saveProgress(progress: JsonValue | null): Promise<void>;
  addResult(record: NewResultRecord): Promise<StoredRecord>;
  listResults(): Promise<StoredRecord[]>;
}

/** Settings key of the questionnaire in progress (encrypted like every non-clear setting). */
export const PROGRESS_SETTING = 'checkin.inProgress';

/**
 * The store as a check-in backend: results go to the encrypted assessments table, the questionnaire in
 * progress to settings (on the device when the store is persistent, in memory for an anonymous session).
 */
export function storeBackend(store: Store): CheckinBackend {
  return {
    loadProgress: () => store.settings.get(PROGRESS_SETTING),
    saveProgress: (progress) =>
      progress === null
        ? store.settings.delete(PROGRESS_SETTING)
        : store.settings.set(PROGRESS_SETTING, progress),
    addResult: (record) => store.assessments.add(record),
    listResults: () => store.assessments.list(),
  };
}

export type CheckinPhase = 'home' | 'questions' | 'safety' | 'result' | 'report';

/** A finished questionnaire on the result screen. */
export interface FinishedResult {
  readonly score: ScoreResult;
  readonly progress: Progress;
  readonly change: Change | null;
  readonly time: number;
}

/**
 * One questionnaire at a time, from choosing it to its result, and the history of results. The check-in
 * screen uses `checkin` (attached to the store); the screening mode uses `screeningCheckin`, which has no
 * backend and so stores nothing.
 */
export class CheckinManager {
  #backend: CheckinBackend | null = null;
  #store: Store | null = null;
  #phase = $state<CheckinPhase>('home');
  #progress = $state.raw<Progress | null>(null);
  #resumable = $state.raw<Progress | null>(null);
  #finished = $state.raw<FinishedResult | null>(null);
  #history = $state.raw<PastResult[]>([]);
  #loaded = $state(false);
  #saveError = $state.raw<unknown>(undefined);
  #pendingRecord: NewResultRecord | null = null;
  #sequence: InstrumentId[] = [];
  #results = $state.raw<FinishedResult[]>([]);
  #saving: Promise<void> = Promise.resolve();

  get phase() {
    return this.#phase;
  }
  get progress() {
    return this.#progress;
  }
  /** A questionnaire left unfinished earlier, offered on the home screen. */
  get resumable() {
    return this.#resumable;
  }
  get finished() {
    return this.#finished;
  }
  /** Every questionnaire finished since `attach` or `startSequence`, in order. */
  get results() {
    return this.#results;
  }
  get history() {
    return this.#history;
  }
  /** True once the history and any saved progress were read (or there is no backend). */
  get loaded() {
    return this.#loaded;
  }
  get saveError() {
    return this.#saveError;
  }
  get canGoNext() {
    return this.#progress !== null && canGoNext(this.#progress);
  }

  /** Attaches to the app's store, once per store: coming back to the screen keeps the questionnaire on it. */
  async attachStore(store: Store): Promise<void> {
    if (this.#store === store) return;
    await this.attach(storeBackend(store));
    this.#store = store;
  }

  /** Connects to a backend and reads the history and any questionnaire left unfinished. */
  async attach(backend: CheckinBackend | null): Promise<void> {
    await this.#saving;
    this.reset();
    this.#backend = backend;
    if (!backend) {
      this.#loaded = true;
      return;
    }
    const [saved, records] = await Promise.all([backend.loadProgress(), backend.listResults()]);
    if (this.#backend !== backend) return;
    this.#history = fromRecords(records);
    this.#resumable = parseProgress(saved) ?? null;
    this.#loaded = true;
  }

  /** Several questionnaires one after another (screening mode); the result screen comes after the last. */
  startSequence(instruments: readonly InstrumentId[]): void {
    const [first, ...rest] = instruments;
    if (!first) return;
    this.#results = [];
    this.#sequence = rest;
    this.start(first);
  }

  start(instrument: InstrumentId): void {
    this.#resumable = null;
    this.#setProgress(startProgress(instrument));
    this.#phase = 'questions';
  }

  resume(): void {
    const saved = this.#resumable;
    if (!saved) return;
    this.#resumable = null;
    this.#progress = saved;
    this.#phase = needsSafetyFlow(saved) ? 'safety' : 'questions';
  }

  /** Forgets the unfinished questionnaire. */
  discard(): void {
    this.#resumable = null;
    this.#progress = null;
    this.#persist(null);
  }

  choose(value: number): void {
    if (this.#progress) this.#setProgress(answer(this.#progress, value));
  }

  /** Next step; PHQ-9 item 9 above 0 opens the safety flow at once, before anything else. */
  async next(locale: Locale): Promise<void> {
    const progress = this.#progress;
    if (!progress || !canGoNext(progress)) return;
    const moved = goNext(progress);
    this.#setProgress(moved);
    if (needsSafetyFlow(moved)) this.#phase = 'safety';
    else if (isComplete(moved)) await this.#finish(moved, locale);
  }

  /** Back one step; from the first step, back to the home screen (the answers stay for later). */
  back(): void {
    const progress = this.#progress;
    if (!progress) return;
    if (progress.step === 0) {
      this.#resumable = progress;
      this.#progress = null;
      this.#phase = 'home';
      return;
    }
    this.#setProgress(goBack(progress));
  }

  /** After the safety flow: on to the rest of the questionnaire, or its result. */
  async continueAfterSafety(locale: Locale): Promise<void> {
    const progress = this.#progress;
    if (!progress) return;
    const seen = { ...progress, safetyShown: true };
    this.#setProgress(seen);
    if (isComplete(seen)) await this.#finish(seen, locale);
    else this.#phase = 'questions';
  }

  async #finish(progress: Progress, locale: Locale): Promise<void> {
    const score = scoreProgress(progress);
    const time = Date.now();
    const previous = previousResult(this.#history, score.instrument, time + 1);
    const change = previous ? compareScores(score.instrument, previous.score, score.score) : null;
    this.#finished = { score, progress, change, time };
    this.#results = [...this.#results, this.#finished];
    this.#progress = null;
    this.#pendingRecord = toRecord(progress, score, locale);
    const following = this.#sequence.shift();
    if (following) this.start(following);
    else this.#phase = 'result';
    await this.retrySave();
  }

  /** Saves the result on screen (again, after a failure such as a full disk). */
  async retrySave(): Promise<void> {
    const record = this.#pendingRecord;
    const backend = this.#backend;
    if (!record || !backend) {
      this.#pendingRecord = null;
      if (!this.#progress) this.#persist(null);
      return;
    }
    this.#saveError = undefined;
    try {
      const saved = await backend.addResult(record);
      this.#pendingRecord = null;
      this.#history = fromRecords([...this.#historyRecords(), saved]);
      if (!this.#progress) this.#persist(null);
    } catch (error) {
      this.#saveError = error;
    }
  }

  #historyRecords(): StoredRecord[] {
    return this.#history.map((r) => ({ ...r, answers: [...r.answers], flags: [...r.flags] }));
  }

  home(): void {
    this.#phase = 'home';
    this.#finished = null;
  }

  openReport(): void {
    this.#phase = 'report';
  }

  #setProgress(progress: Progress): void {
    this.#progress = progress;
    this.#persist(serializeProgress(progress));
  }

  /** Saves in order; a failed save only loses resumability, never the answers on screen. */
  #persist(value: JsonValue | null): void {
    const backend = this.#backend;
    if (!backend) return;
    this.#saving = this.#saving.then(() => backend.saveProgress(value)).catch(() => undefined);
  }

  /** Waits for pending progress saves (tests, and before leaving). */
  flush(): Promise<void> {
    return this.#saving;
  }

  reset(): void {
    this.#backend = null;
    this.#store = null;
    this.#phase = 'home';
    this.#progress = null;
    this.#resumable = null;
    this.#finished = null;
    this.#history = [];
    this.#loaded = false;
    this.#saveError = undefined;
    this.#pendingRecord = null;
    this.#sequence = [];
    this.#results = [];
  }
}

export const checkin = new CheckinManager();

/** The screening mode's own questionnaire state: no backend, nothing stored anywhere. */
export const screeningCheckin = new CheckinManager();

/** Whether the person left the screening mode for the full app (then the normal consent screen shows). */
class ScreeningGate {
  #continued = $state(false);
  get continued() {
    return this.#continued;
  }
  continueToApp(): void {
    screeningCheckin.reset();
    this.#continued = true;
  }
  reset(): void {
    this.#continued = false;
  }
}

export const screening = new ScreeningGate();
