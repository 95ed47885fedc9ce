import { describe, expect, it } from 'vitest';
import {
  answer,
  canGoNext,
  fromRecords,
  goBack,
  goNext,
  groupByInstrument,
  isComplete,
  needsSafetyFlow,
  parseProgress,
  scoreProgress,
  scoreText,
  serializeProgress,
  startProgress,
  stepCount,
  toFhirResults,
  toRecord,
  type Progress,
} from '../../../src/lib/assessments/ui-session';
import { bandAreas, summarizeMoods } from '../../../src/lib/assessments/ui-report';
import { exportFhirJson } from '../../../src/lib/assessments';

function fill(progress: Progress, values: number[]): Progress {
  let p = progress;
  for (const v of values) p = goNext(answer(p, v));
  return p;
}

describe('questionnaire steps', () => {
  it('walks PHQ-9 one item per step, with the optional difficulty question last', () => {
    let p = startProgress('phq9');
    expect(stepCount('phq9')).toBe(10);
    expect(canGoNext(p)).toBe(false);
    expect(goNext(p).step).toBe(0);
    p = fill(p, [1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(p.step).toBe(9);
    expect(canGoNext(p)).toBe(true); // the unscored question may be skipped
    expect(isComplete(p)).toBe(false);
    p = goNext(p);
    expect(isComplete(p)).toBe(true);
    expect(scoreProgress(p)).toMatchObject({ score: 8, band: 'mild' });
    expect(goBack(goBack(startProgress('gad7'))).step).toBe(0);
  });

  it('starts the safety flow as soon as PHQ-9 item 9 is answered above 0, once', () => {
    const before = fill(startProgress('phq9'), [0, 0, 0, 0, 0, 0, 0, 0]);
    expect(needsSafetyFlow(before)).toBe(false);
    const atItem9 = answer(before, 1);
    expect(needsSafetyFlow(atItem9)).toBe(false); // not before the person moves on
    const after = goNext(atItem9);
    expect(needsSafetyFlow(after)).toBe(true);
    expect(needsSafetyFlow({ ...after, safetyShown: true })).toBe(false);
    expect(needsSafetyFlow(goNext(answer(before, 0)))).toBe(false);
    expect(scoreProgress(goNext(after)).flags).toContain('item9');
  });

  it('round-trips saved progress and refuses malformed saves', () => {
    const p = fill(startProgress('who5'), [5, 4]);
    expect(parseProgress(JSON.parse(JSON.stringify(serializeProgress(p))))).toEqual(p);
    expect(parseProgress(null)).toBeUndefined();
    expect(parseProgress({ ...serializeProgress(p), instrument: 'abc' })).toBeUndefined();
    expect(parseProgress({ ...serializeProgress(p), answers: [9, null, null, null, null] })).toBeUndefined();
    expect(parseProgress({ ...serializeProgress(p), answers: [1] })).toBeUndefined();
    expect(parseProgress({ ...serializeProgress(p), step: 99 })).toBeUndefined();
  });
});

describe('stored results', () => {
  it('keeps the language and difficulty answer with a result, and exports them', () => {
    const p = goNext(answer(fill(startProgress('phq9'), [3, 3, 3, 3, 2, 2, 2, 2, 0]), 2));
    const record = toRecord(p, scoreProgress(p), 'zh-CN');
    expect(record).toMatchObject({ instrument: 'phq9', score: 20, band: 'severe' });
    const [past] = fromRecords([{ ...record, id: 'a', time: Date.UTC(2026, 0, 2) }]);
    expect(past).toMatchObject({ locale: 'zh-CN', difficulty: 2, score: 20, flags: [] });
    const bundle = JSON.parse(exportFhirJson(toFhirResults([past!], 'en')).json) as {
      entry: { resource: { resourceType: string; language?: string; valueInteger?: number } }[];
    };
    expect(bundle.entry[0]?.resource.language).toBe('zh-CN');
    expect(bundle.entry[1]?.resource.valueInteger).toBe(20);
  });

  it('rescores stored answers, leaves out records that do not score, and groups oldest first', () => {
    const results = fromRecords([
      {
        id: 'b',
        instrument: 'phq9',
        time: 2,
        answers: [1, 1, 1, 1, 1, 1, 1, 1, 1],
        score: 0,
        band: 'x',
        flags: [],
      },
      {
        id: 'a',
        instrument: 'phq9',
        time: 1,
        answers: [0, 0, 0, 0, 0, 0, 0, 0, 0],
        score: 0,
        band: 'minimal',
        flags: [],
      },
      {
        id: 'c',
        instrument: 'who5',
        time: 3,
        answers: [5, 5, 5, 5, 5],
        score: 100,
        band: 'adequate_wellbeing',
        flags: [],
      },
      { id: 'd', instrument: 'free-writing', time: 4, answers: [], score: 0, band: '', flags: [] },
      { id: 'e', instrument: 'gad7', time: 5, answers: [1], score: 1, band: 'minimal', flags: [] },
    ]);
    expect(results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(results[1]).toMatchObject({ score: 9, band: 'mild', flags: ['item9'] });
    expect(groupByInstrument(results).map((g) => [g.instrument, g.results.length])).toEqual([
      ['phq9', 2],
      ['who5', 1],
    ]);
    expect(scoreText('phq9', 9)).toBe('9 / 27');
    expect(scoreText('who5', 48)).toBe('48%');
  });
});

describe('report helpers', () => {
  it('shades every band of the score range without gaps', () => {
    const areas = bandAreas('who5');
    expect(areas.map((a) => [a.from, a.to, a.tone])).toEqual([
      [0, 29, 'concern'],
      [29, 52, 'concern'],
      [52, 100, 'calm'],
    ]);
    expect(bandAreas('phq9').map((a) => a.tone)).toEqual(['calm', 'middle', 'concern', 'concern', 'concern']);
  });

  it('summarises moods', () => {
    expect(summarizeMoods([])).toBeNull();
    expect(
      summarizeMoods([
        { time: 10, score: 4, emotions: ['tired', 'calm'] },
        { time: 20, score: 7, emotions: ['tired'] },
      ]),
    ).toEqual({
      count: 2,
      from: 10,
      to: 20,
      average: 5.5,
      lowest: 4,
      highest: 7,
      topEmotions: ['tired', 'calm'],
    });
  });
});
