import { describe, expect, it } from 'vitest';
import {
  CSSRS_QUESTIONS,
  answerCssrs,
  cssrsRisk,
  isCssrsComplete,
  nextCssrsQuestion,
  type CssrsAnswers,
  type CssrsQuestionId,
} from '../../../src/lib/safety/cssrs';

/** Walk the flow with a fixed answer per question; returns the questions asked and the answers. */
function walk(script: Partial<Record<CssrsQuestionId, boolean>>) {
  let answers: CssrsAnswers = {};
  const asked: CssrsQuestionId[] = [];
  for (let q = nextCssrsQuestion(answers); q; q = nextCssrsQuestion(answers)) {
    asked.push(q);
    answers = answerCssrs(answers, q, script[q] ?? false);
  }
  return { asked, answers };
}

describe('C-SSRS screener flow', () => {
  it('asks 1, 2 and 6 only when 2 is "no"', () => {
    expect(walk({ q1: true }).asked).toEqual(['q1', 'q2', 'q6']);
  });

  it('asks 3, 4 and 5 when 2 is "yes", and 6 always', () => {
    expect(walk({ q2: true }).asked).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
  });

  it('asks whether behaviour was in the past 3 months only after a "yes" to 6', () => {
    expect(walk({ q6: true }).asked).toEqual(['q1', 'q2', 'q6', 'q6b']);
  });

  it('changing 2 to "no" drops answers to 3-5', () => {
    let a: CssrsAnswers = { q1: true, q2: true, q3: true, q4: true };
    a = answerCssrs(a, 'q2', false);
    expect(a).toEqual({ q1: true, q2: false });
    expect(nextCssrsQuestion(a)).toBe('q6');
  });

  it.each<[Partial<Record<CssrsQuestionId, boolean>>, string]>([
    [{}, 'none'],
    [{ q1: true }, 'low'],
    [{ q2: true }, 'low'],
    [{ q2: true, q3: true }, 'moderate'],
    [{ q6: true, q6b: false }, 'moderate'],
    [{ q2: true, q4: true }, 'high'],
    [{ q2: true, q5: true }, 'high'],
    [{ q6: true, q6b: true }, 'high'],
  ])('triage %j -> %s', (script, risk) => {
    const { answers } = walk(script);
    expect(isCssrsComplete(answers)).toBe(true);
    expect(cssrsRisk(answers)).toBe(risk);
  });

  it('reports high risk as soon as it is known, before the flow is complete', () => {
    const answers: CssrsAnswers = { q1: true, q2: true, q3: true, q4: true };
    expect(isCssrsComplete(answers)).toBe(false);
    expect(cssrsRisk(answers)).toBe('high');
  });

  it('has every question in both languages', () => {
    for (const q of Object.values(CSSRS_QUESTIONS)) {
      expect(q.text.en.length).toBeGreaterThan(10);
      expect(q.text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
