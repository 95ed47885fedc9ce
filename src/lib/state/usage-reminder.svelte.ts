/**
 * A gentle reminder after long continuous use (China's 2025 draft rules on anthropomorphic AI ask for one
 * after 2 hours; it is good practice anywhere). Only time with the app visible counts; a break of 30
 * minutes or more (tab hidden, or the device asleep) starts the count again.
 */

/** Visible use before the reminder shows, and again after each dismissal. */
export const REMIND_AFTER_MS = 2 * 60 * 60_000;
/** A break at least this long resets the count. */
export const BREAK_RESETS_AFTER_MS = 30 * 60_000;
/** How often the count is brought up to date while visible. */
export const CHECK_EVERY_MS = 60_000;

/** Time and timers, injectable so tests run hours in milliseconds. */
export interface ReminderClock {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Whether the app can be seen, and a way to hear when that changes. */
export interface VisibilitySource {
  isVisible(): boolean;
  /** Calls `callback` on each change; returns a function that stops listening. */
  subscribe(callback: () => void): () => void;
}

export const systemClock: ReminderClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export const documentVisibility: VisibilitySource = {
  isVisible: () => document.visibilityState === 'visible',
  subscribe(callback) {
    document.addEventListener('visibilitychange', callback);
    return () => document.removeEventListener('visibilitychange', callback);
  },
};

export interface UsageReminderOptions {
  clock?: ReminderClock;
  visibility?: VisibilitySource;
  remindAfterMs?: number;
  breakMs?: number;
  checkEveryMs?: number;
}

/**
 * Counts continuous visible use and raises `due` once it passes the limit. One instance: `usageReminder`.
 * `start()` when the app is on screen, `stop()` when it leaves (stopping counts as the start of a break).
 */
export class UsageReminderManager {
  #clock: ReminderClock;
  #visibility: VisibilitySource;
  readonly remindAfterMs: number;
  readonly breakMs: number;
  readonly checkEveryMs: number;

  #usedMs = $state(0);
  #remindAtMs: number;
  #due = $state(false);
  /** When the current visible stretch was last counted up to; null while hidden or stopped. */
  #countedTo: number | null = null;
  /** When the app stopped being visible; null while visible or before the first start. */
  #awaySince: number | null = null;
  #timer: unknown = undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(options: UsageReminderOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#visibility = options.visibility ?? documentVisibility;
    this.remindAfterMs = options.remindAfterMs ?? REMIND_AFTER_MS;
    this.breakMs = options.breakMs ?? BREAK_RESETS_AFTER_MS;
    this.checkEveryMs = options.checkEveryMs ?? CHECK_EVERY_MS;
    this.#remindAtMs = this.remindAfterMs;
  }

  /** True while the reminder should be on screen. */
  get due() {
    return this.#due;
  }
  /** Visible use in the current stretch, in milliseconds (as of the last check). */
  get usedMs() {
    return this.#usedMs;
  }
  get running() {
    return this.#unsubscribe !== undefined;
  }

  start(): void {
    if (this.running) return;
    this.#unsubscribe = this.#visibility.subscribe(() => this.check());
    this.#timer = this.#clock.setInterval(() => this.check(), this.checkEveryMs);
    this.check();
  }

  stop(): void {
    if (!this.running) return;
    this.check();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#clock.clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.#countedTo !== null) this.#awaySince = this.#countedTo;
    this.#countedTo = null;
  }

  /** Brings the count up to date; called on every tick and visibility change. */
  check(): void {
    const now = this.#clock.now();
    const visible = this.running && this.#visibility.isVisible();
    if (!visible) {
      if (this.#countedTo !== null) {
        this.#add(now - this.#countedTo);
        this.#awaySince = now;
        this.#countedTo = null;
      }
      return;
    }
    if (this.#countedTo === null) {
      // Coming back: a long enough break starts a new stretch.
      if (this.#awaySince !== null && now - this.#awaySince >= this.breakMs) this.#restart();
      this.#awaySince = null;
      this.#countedTo = now;
      return;
    }
    const elapsed = now - this.#countedTo;
    if (elapsed >= this.breakMs) {
      // No tick for this long while "visible": the device slept. That was a break, not use.
      this.#restart();
    } else {
      this.#add(elapsed);
    }
    this.#countedTo = now;
  }

  /** Hides the reminder; it comes back after another full stretch of continuous use. */
  dismiss(): void {
    this.check();
    this.#due = false;
    this.#remindAtMs = this.#usedMs + this.remindAfterMs;
  }

  /** Back to a fresh start, stopped (for tests and after erasing everything). */
  reset(): void {
    this.stop();
    this.#restart();
    this.#awaySince = null;
  }

  #add(ms: number): void {
    this.#usedMs += Math.max(0, ms);
    if (this.#usedMs >= this.#remindAtMs) this.#due = true;
  }

  #restart(): void {
    this.#usedMs = 0;
    this.#remindAtMs = this.remindAfterMs;
    this.#due = false;
  }
}

export const usageReminder = new UsageReminderManager();
