import { describe, expect, it } from 'vitest';
import {
  BREAK_RESETS_AFTER_MS,
  CHECK_EVERY_MS,
  REMIND_AFTER_MS,
  UsageReminderManager,
  type ReminderClock,
  type VisibilitySource,
} from '../../src/lib/state/usage-reminder.svelte';

const MINUTE = 60_000;

/** A clock whose intervals fire as time is advanced, one interval at a time. */
class FakeClock implements ReminderClock {
  time = 1_700_000_000_000;
  #timers = new Map<number, { callback: () => void; ms: number; next: number }>();
  #nextId = 1;
  /** While asleep, time passes but no timer fires (a laptop with its lid closed). */
  asleep = false;

  now() {
    return this.time;
  }
  setInterval(callback: () => void, ms: number) {
    const id = this.#nextId++;
    this.#timers.set(id, { callback, ms, next: this.time + ms });
    return id;
  }
  clearInterval(handle: unknown) {
    this.#timers.delete(handle as number);
  }
  get activeTimers() {
    return this.#timers.size;
  }

  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.#timers.values()].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.time = due.next;
      due.next += due.ms;
      if (!this.asleep) due.callback();
    }
    this.time = end;
  }
}

class FakeVisibility implements VisibilitySource {
  visible = true;
  #listeners = new Set<() => void>();
  isVisible() {
    return this.visible;
  }
  subscribe(callback: () => void) {
    this.#listeners.add(callback);
    return () => this.#listeners.delete(callback);
  }
  set(visible: boolean) {
    this.visible = visible;
    for (const listener of this.#listeners) listener();
  }
  get listeners() {
    return this.#listeners.size;
  }
}

function setup() {
  const clock = new FakeClock();
  const visibility = new FakeVisibility();
  const reminder = new UsageReminderManager({ clock, visibility });
  reminder.start();
  return { clock, visibility, reminder };
}

describe('the 2-hour continuous-use reminder', () => {
  it('uses the limits from the rules: 2 hours of use, reset by a 30-minute break', () => {
    expect(REMIND_AFTER_MS).toBe(2 * 60 * MINUTE);
    expect(BREAK_RESETS_AFTER_MS).toBe(30 * MINUTE);
    expect(CHECK_EVERY_MS).toBeLessThan(BREAK_RESETS_AFTER_MS);
  });

  it('stays quiet before 2 hours and shows after 2 hours of visible use', () => {
    const { clock, reminder } = setup();
    clock.advance(REMIND_AFTER_MS - 2 * MINUTE);
    expect(reminder.due).toBe(false);
    clock.advance(2 * MINUTE);
    expect(reminder.due).toBe(true);
    expect(reminder.usedMs).toBe(REMIND_AFTER_MS);
  });

  it('does not count time while the app is hidden', () => {
    const { clock, visibility, reminder } = setup();
    clock.advance(60 * MINUTE);
    visibility.set(false);
    clock.advance(20 * MINUTE);
    visibility.set(true);
    clock.advance(59 * MINUTE);
    expect(reminder.usedMs).toBe(119 * MINUTE);
    expect(reminder.due).toBe(false);
    clock.advance(MINUTE);
    expect(reminder.due).toBe(true);
  });

  it('a short break pauses the count; a 30-minute break starts it again', () => {
    const { clock, visibility, reminder } = setup();
    clock.advance(100 * MINUTE);
    visibility.set(false);
    clock.advance(29 * MINUTE);
    visibility.set(true);
    expect(reminder.usedMs).toBe(100 * MINUTE);

    visibility.set(false);
    clock.advance(BREAK_RESETS_AFTER_MS);
    visibility.set(true);
    expect(reminder.usedMs).toBe(0);
    clock.advance(100 * MINUTE);
    expect(reminder.due).toBe(false);
  });

  it('a break ends a reminder that was showing', () => {
    const { clock, visibility, reminder } = setup();
    clock.advance(REMIND_AFTER_MS);
    expect(reminder.due).toBe(true);
    visibility.set(false);
    clock.advance(45 * MINUTE);
    visibility.set(true);
    expect(reminder.due).toBe(false);
  });

  it('treats a device asleep for 30 minutes while "visible" as a break', () => {
    const { clock, reminder } = setup();
    clock.advance(90 * MINUTE);
    clock.asleep = true;
    clock.advance(40 * MINUTE);
    clock.asleep = false;
    clock.advance(CHECK_EVERY_MS);
    expect(reminder.usedMs).toBe(0);
    clock.advance(60 * MINUTE);
    expect(reminder.due).toBe(false);
  });

  it('after dismissal comes back only after another 2 hours of continuous use', () => {
    const { clock, reminder } = setup();
    clock.advance(REMIND_AFTER_MS);
    reminder.dismiss();
    expect(reminder.due).toBe(false);
    clock.advance(REMIND_AFTER_MS - MINUTE);
    expect(reminder.due).toBe(false);
    clock.advance(MINUTE);
    expect(reminder.due).toBe(true);
  });

  it('leaving the app (stop) counts as the start of a break, and stops listening', () => {
    const { clock, visibility, reminder } = setup();
    clock.advance(90 * MINUTE);
    reminder.stop();
    expect(clock.activeTimers).toBe(0);
    expect(visibility.listeners).toBe(0);
    clock.advance(10 * MINUTE);
    reminder.start();
    expect(reminder.usedMs).toBe(90 * MINUTE);
    reminder.stop();
    clock.advance(BREAK_RESETS_AFTER_MS);
    reminder.start();
    expect(reminder.usedMs).toBe(0);
  });

  it('starting twice does not double the count; reset returns to a fresh stopped state', () => {
    const { clock, reminder } = setup();
    reminder.start();
    expect(clock.activeTimers).toBe(1);
    clock.advance(REMIND_AFTER_MS);
    expect(reminder.usedMs).toBe(REMIND_AFTER_MS);
    reminder.reset();
    expect(reminder.running).toBe(false);
    expect(reminder.due).toBe(false);
    expect(reminder.usedMs).toBe(0);
  });

  it('starting while hidden counts nothing until the app is shown', () => {
    const clock = new FakeClock();
    const visibility = new FakeVisibility();
    visibility.visible = false;
    const reminder = new UsageReminderManager({ clock, visibility });
    reminder.start();
    clock.advance(3 * 60 * MINUTE);
    expect(reminder.usedMs).toBe(0);
    visibility.set(true);
    clock.advance(REMIND_AFTER_MS);
    expect(reminder.due).toBe(true);
  });
});
