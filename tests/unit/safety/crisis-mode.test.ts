import { describe, expect, it } from 'vitest';
import {
  CALM_TURNS_TO_EXIT,
  initialCrisisState,
  isDenial,
  isSafetyConfirmation,
  stepCrisisMode,
  type CrisisState,
  type CrisisStep,
} from '../../../src/lib/safety/crisis-mode';
import { CRISIS_CHECK_INS } from '../../../src/lib/safety/prompts';
import { screen } from '../../../src/lib/safety/screener';

/** Feed user messages one by one, as the chat would, and keep every step. */
function converse(messages: string[], locale: 'en' | 'zh-CN' = 'en', start?: CrisisState): CrisisStep[] {
  let state = start ?? initialCrisisState();
  const steps: CrisisStep[] = [];
  for (const text of messages) {
    const step = stepCrisisMode(state, screen(text, locale), text, locale);
    steps.push(step);
    state = step.state;
  }
  return steps;
}

describe('crisis mode', () => {
  it('enters on a crisis message: card first, crisis instruction, a check-in', () => {
    const [step] = converse(['I want to end my life']);
    expect(step).toMatchObject({ showCrisisCard: true, useCrisisInstruction: true, exited: false });
    expect(step!.state.active).toBe(true);
    expect(step!.state.categories).toEqual(['suicide']);
    expect(CRISIS_CHECK_INS.en).toContain(step!.checkIn);
  });

  it('keeps checking in gently on every following turn', () => {
    const steps = converse(['I want to die', 'I dunno', 'work was bad', 'my cat is asleep']);
    for (const step of steps.slice(1)) {
      expect(step.useCrisisInstruction).toBe(true);
      expect(step.checkIn).toBeTruthy();
      expect(step.showCrisisCard).toBe(false);
    }
    expect(new Set(steps.map((s) => s.checkIn)).size).toBeGreaterThan(1);
  });

  it('does not close on a denial, in either language', () => {
    for (const [locale, opener, denial] of [
      ['en', 'I want to kill myself', 'I was joking'],
      ['zh-CN', '我不想活了', '开玩笑的'],
      ['zh-CN', '我不想活了', '没事了'],
    ] as const) {
      const steps = converse([opener, denial, denial, denial, denial], locale);
      expect(
        steps.every((s) => s.state.active),
        `${locale}: ${denial}`,
      ).toBe(true);
      expect(steps.at(-1)!.useCrisisInstruction).toBe(true);
    }
  });

  it('does not close on calm turns alone, without a "safe" answer', () => {
    const steps = converse(['I want to die', 'ok', 'thanks', 'the weather is nice', 'I had lunch', 'fine']);
    expect(steps.at(-1)!.state.active).toBe(true);
  });

  it('closes after enough calm turns and a "yes, I am safe" answer to a check-in', () => {
    const steps = converse(['I want to die', "Yes, I'm safe now", 'thank you', 'I will call my sister']);
    expect(CALM_TURNS_TO_EXIT).toBe(3);
    expect(steps.at(-1)).toMatchObject({ exited: true, useCrisisInstruction: false, checkIn: null });
    expect(steps.at(-1)!.state.active).toBe(false);
  });

  it('closes in Chinese too', () => {
    const steps = converse(['我想自杀', '我现在安全', '谢谢你', '我去找朋友聊聊'], 'zh-CN');
    expect(steps.at(-1)!.exited).toBe(true);
  });

  it('a new crisis signal resets the calm streak and the safety answer', () => {
    const steps = converse(['I want to die', "I'm safe", 'ok', 'I cut myself again', 'ok', 'thanks']);
    expect(steps.at(3)!.showCrisisCard).toBe(true);
    expect(steps.at(-1)!.state.active).toBe(true);
    expect(steps.at(-1)!.state.categories).toEqual(['suicide', 'self_harm']);
  });

  it('outside crisis mode, concern adds a check-in without interrupting', () => {
    const [concern] = converse(['I feel hopeless']);
    expect(concern).toMatchObject({
      showConcernCheckIn: true,
      showCrisisCard: false,
      useCrisisInstruction: false,
    });
    const [calm] = converse(['I had a nice walk']);
    expect(calm).toMatchObject({ showConcernCheckIn: false, checkIn: null });
  });

  it('recognises denials and safety answers, and "not safe" is not a safety answer', () => {
    expect(isDenial("jk I'm fine")).toBe(true);
    expect(isDenial('开玩笑的啦')).toBe(true);
    expect(isSafetyConfirmation("I'm not safe")).toBe(false);
    expect(isSafetyConfirmation('我现在不安全')).toBe(false);
    expect(isSafetyConfirmation('yes I am safe')).toBe(true);
  });
});
