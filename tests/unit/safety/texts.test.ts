import { describe, expect, it } from 'vitest';
import { CSSRS_INTRO } from '../../../src/lib/safety/cssrs';
import { GUARD_SAFE_REPLIES } from '../../../src/lib/safety/output-guard';
import {
  CONCERN_CHECK_IN,
  CRISIS_CARD_MESSAGE,
  CRISIS_CHECK_INS,
  CRISIS_INSTRUCTION,
  toLocale,
} from '../../../src/lib/safety/prompts';
import { SAFETY_PLAN_STEPS, emptySafetyPlan, isSafetyPlanEmpty } from '../../../src/lib/safety/safety-plan';
import { checkReply } from '../../../src/lib/safety/output-guard';
import { screen } from '../../../src/lib/safety/screener';

const userFacing = [
  ...Object.values(CRISIS_CARD_MESSAGE).flatMap((m) => [m.title, m.body]),
  ...Object.values(CONCERN_CHECK_IN),
  ...Object.values(CRISIS_CHECK_INS).flat(),
  ...Object.values(GUARD_SAFE_REPLIES).flatMap((r) => Object.values(r)),
  ...Object.values(CSSRS_INTRO),
  ...SAFETY_PLAN_STEPS.flatMap((s) => [...Object.values(s.title), ...Object.values(s.prompt)]),
];

describe('safety texts', () => {
  it('never promise therapy or diagnosis', () => {
    for (const text of [...userFacing, ...Object.values(CRISIS_INSTRUCTION)]) {
      expect(text).not.toMatch(/therap|diagnos|治疗|诊断/i);
    }
  });

  it('pass the output guard themselves', () => {
    for (const text of userFacing) expect(checkReply(text, 'en').ok, text).toBe(true);
  });

  it('the crisis instruction forbids methods and asks for a person now, in both languages', () => {
    expect(CRISIS_INSTRUCTION.en).toMatch(/method/);
    expect(CRISIS_INSTRUCTION.en).toMatch(/contact a person right now/);
    expect(CRISIS_INSTRUCTION['zh-CN']).toMatch(/方法/);
    expect(CRISIS_INSTRUCTION['zh-CN']).toMatch(/现在就联系一个人/);
  });

  it('maps any Chinese tag to zh-CN and anything else to en', () => {
    expect(toLocale('zh')).toBe('zh-CN');
    expect(toLocale('zh-TW')).toBe('zh-CN');
    expect(toLocale('en-GB')).toBe('en');
    expect(toLocale('fr')).toBe('en');
  });
});

describe('safety plan', () => {
  it('has the seven standard steps, each titled and prompted in both languages', () => {
    expect(SAFETY_PLAN_STEPS.map((s) => s.field)).toEqual([
      'warningSigns',
      'copingStrategies',
      'distractions',
      'helpers',
      'professionals',
      'safeEnvironment',
      'reasonsForLiving',
    ]);
    for (const step of SAFETY_PLAN_STEPS) {
      expect(step.title.en && step.title['zh-CN'] && step.prompt.en && step.prompt['zh-CN']).toBeTruthy();
    }
  });

  it('a new plan is empty; writing in any step makes it not empty; blanks do not count', () => {
    const plan = emptySafetyPlan();
    expect(isSafetyPlanEmpty(plan)).toBe(true);
    expect(isSafetyPlanEmpty({ ...plan, reasonsForLiving: ['  '] })).toBe(true);
    expect(isSafetyPlanEmpty({ ...plan, reasonsForLiving: ['my dog'] })).toBe(false);
    expect(isSafetyPlanEmpty({ ...plan, helpers: [{ name: 'Mum', phone: '123' }] })).toBe(false);
  });

  it('a plan written by the person is not itself screened as a crisis', () => {
    // Reasons for living and coping steps are read back to the person, not sent to the screener,
    // but a prompt that tripped it would be a sign of careless wording.
    for (const step of SAFETY_PLAN_STEPS) {
      expect(screen(step.prompt.en, 'en').level).not.toBe('crisis');
      expect(screen(step.prompt['zh-CN'], 'zh-CN').level).not.toBe('crisis');
    }
  });
});
