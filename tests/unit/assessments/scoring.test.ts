import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INSTRUMENTS, INSTRUMENT_IDS, type InstrumentId } from '../../../src/lib/assessments/instruments';
import {
  AssessmentError,
  BANDS,
  InvalidAnswersError,
  UnknownInstrumentError,
  compareScores,
  scoreAnswers,
  type BandId,
} from '../../../src/lib/assessments/scoring';

/** Answers for `instrument` whose raw total is `total`, filled from the first item (item 9 stays 0 below 25). */
function answersWithTotal(instrument: InstrumentId, total: number): number[] {
  const { items, maxItemValue } = INSTRUMENTS[instrument];
  let left = total;
  return items.map(() => {
    const value = Math.min(maxItemValue, left);
    left -= value;
    return value;
  });
}

// The published cut-offs, written out again independently of the code under test.
const BOUNDARIES: Record<InstrumentId, [rawTotal: number, score: number, band: BandId][]> = {
  phq9: [
    [0, 0, 'minimal'],
    [4, 4, 'minimal'],
    [5, 5, 'mild'],
    [9, 9, 'mild'],
    [10, 10, 'moderate'],
    [14, 14, 'moderate'],
    [15, 15, 'moderately_severe'],
    [19, 19, 'moderately_severe'],
    [20, 20, 'severe'],
    [27, 27, 'severe'],
  ],
  gad7: [
    [0, 0, 'minimal'],
    [4, 4, 'minimal'],
    [5, 5, 'mild'],
    [9, 9, 'mild'],
    [10, 10, 'moderate'],
    [14, 14, 'moderate'],
    [15, 15, 'severe'],
    [21, 21, 'severe'],
  ],
  who5: [
    [0, 0, 'very_poor_wellbeing'],
    [7, 28, 'very_poor_wellbeing'],
    [8, 32, 'poor_wellbeing'],
    [12, 48, 'poor_wellbeing'],
    [13, 52, 'adequate_wellbeing'],
    [25, 100, 'adequate_wellbeing'],
  ],
  phq2: [
    [0, 0, 'negative'],
    [2, 2, 'negative'],
    [3, 3, 'positive'],
    [6, 6, 'positive'],
  ],
  gad2: [
    [0, 0, 'negative'],
    [2, 2, 'negative'],
    [3, 3, 'positive'],
    [6, 6, 'positive'],
  ],
};

function publishedBand(instrument: InstrumentId, raw: number): BandId {
  switch (instrument) {
    case 'phq9':
      return raw >= 20
        ? 'severe'
        : raw >= 15
          ? 'moderately_severe'
          : raw >= 10
            ? 'moderate'
            : raw >= 5
              ? 'mild'
              : 'minimal';
    case 'gad7':
      return raw >= 15 ? 'severe' : raw >= 10 ? 'moderate' : raw >= 5 ? 'mild' : 'minimal';
    case 'who5':
      return raw < 13 ? (raw * 4 <= 28 ? 'very_poor_wellbeing' : 'poor_wellbeing') : 'adequate_wellbeing';
    case 'phq2':
    case 'gad2':
      return raw >= 3 ? 'positive' : 'negative';
  }
}

describe('severity bands, both sides of every published boundary', () => {
  for (const instrument of INSTRUMENT_IDS) {
    it.each(BOUNDARIES[instrument])(`${instrument}: raw total %i scores %i, band %s`, (raw, score, band) => {
      const result = scoreAnswers(instrument, answersWithTotal(instrument, raw));
      expect(result.total).toBe(raw);
      expect(result.score).toBe(score);
      expect(result.band).toBe(band);
    });
  }

  it('the band table covers every possible score exactly once, with no gaps', () => {
    for (const instrument of INSTRUMENT_IDS) {
      const bands = BANDS[instrument];
      const max = scoreAnswers(instrument, answersWithTotal(instrument, 999)).maxScore;
      expect(bands[0]!.min).toBe(0);
      expect(bands.at(-1)!.max).toBe(max);
      bands.slice(1).forEach((band, i) => expect(band.min).toBe(bands[i]!.max + 1));
    }
  });

  it('any answer set scores its sum and the published band (property check)', () => {
    for (const instrument of INSTRUMENT_IDS) {
      const { items, maxItemValue } = INSTRUMENTS[instrument];
      const answers = fc.array(fc.integer({ min: 0, max: maxItemValue }), {
        minLength: items.length,
        maxLength: items.length,
      });
      fc.assert(
        fc.property(answers, (list) => {
          const raw = list.reduce((s, x) => s + x, 0);
          const result = scoreAnswers(instrument, list);
          expect(result.total).toBe(raw);
          expect(result.band).toBe(publishedBand(instrument, raw));
        }),
      );
    }
  });
});

describe('PHQ-9 item 9 starts the safety flow whatever the total', () => {
  it('item 9 = 1 with a total of 1 (minimal) still flags item9', () => {
    const result = scoreAnswers('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(result.total).toBe(1);
    expect(result.band).toBe('minimal');
    expect(result.flags).toContain('item9');
  });

  it.each([1, 2, 3])('item 9 = %i flags item9', (value) => {
    expect(scoreAnswers('phq9', [3, 3, 3, 3, 3, 3, 3, 3, value]).flags).toContain('item9');
  });

  it('item 9 = 0 does not flag, even at the top of the scale otherwise', () => {
    expect(scoreAnswers('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0]).flags).not.toContain('item9');
  });

  it('only PHQ-9 has an item 9 rule: a GAD-7 or WHO-5 answer in that position does not exist', () => {
    expect(scoreAnswers('gad7', [0, 0, 0, 0, 0, 0, 3]).flags).toEqual([]);
  });
});

describe('WHO-5 percentage', () => {
  it('is the raw total times 4, from 0 to 100', () => {
    expect(scoreAnswers('who5', [0, 0, 0, 0, 0]).score).toBe(0);
    expect(scoreAnswers('who5', [3, 3, 3, 2, 2]).score).toBe(52);
    expect(scoreAnswers('who5', [5, 5, 5, 5, 5])).toMatchObject({ total: 25, score: 100, maxScore: 100 });
  });

  it('poor wellbeing offers the PHQ-9 next; adequate wellbeing offers nothing', () => {
    expect(scoreAnswers('who5', [2, 2, 2, 3, 3]).followUp).toBe('phq9');
    expect(scoreAnswers('who5', [3, 2, 3, 2, 3]).followUp).toBeNull();
  });
});

describe('quick screens', () => {
  it.each([
    ['phq2', 'phq9'],
    ['gad2', 'gad7'],
  ] as const)('a positive %s (>= 3) offers the full %s', (quick, full) => {
    const result = scoreAnswers(quick, [2, 1]);
    expect(result.band).toBe('positive');
    expect(result.flags).toContain('offer_full');
    expect(result.followUp).toBe(full);
  });

  it.each(['phq2', 'gad2'] as const)('a negative %s (2) offers nothing', (quick) => {
    const result = scoreAnswers(quick, [1, 1]);
    expect(result.band).toBe('negative');
    expect(result.flags).toEqual([]);
    expect(result.followUp).toBeNull();
  });

  it('PHQ-2 item 2 is not item 9: a PHQ-2 never raises item9', () => {
    expect(scoreAnswers('phq2', [3, 3]).flags).toEqual(['offer_full']);
  });
});

describe('meaningful change against the previous result', () => {
  it('PHQ-9: 5 points is meaningful, 4 is not; lower is better', () => {
    expect(compareScores('phq9', 15, 10)).toEqual({
      instrument: 'phq9',
      delta: -5,
      direction: 'better',
      meaningful: true,
    });
    expect(compareScores('phq9', 14, 10)).toMatchObject({ direction: 'better', meaningful: false });
    expect(compareScores('phq9', 10, 15)).toMatchObject({ delta: 5, direction: 'worse', meaningful: true });
    expect(compareScores('phq9', 10, 14)).toMatchObject({ direction: 'worse', meaningful: false });
  });

  it('GAD-7: 4 points is meaningful, 3 is not', () => {
    expect(compareScores('gad7', 12, 8)).toMatchObject({ direction: 'better', meaningful: true });
    expect(compareScores('gad7', 12, 9)).toMatchObject({ direction: 'better', meaningful: false });
    expect(compareScores('gad7', 8, 12)).toMatchObject({ direction: 'worse', meaningful: true });
  });

  it('WHO-5: 10 percentage points is meaningful; higher is better', () => {
    expect(compareScores('who5', 40, 52)).toMatchObject({ delta: 12, direction: 'better', meaningful: true });
    expect(compareScores('who5', 40, 48)).toMatchObject({ delta: 8, direction: 'better', meaningful: false });
    expect(compareScores('who5', 60, 48)).toMatchObject({ delta: -12, direction: 'worse', meaningful: true });
  });

  it('no change is "same"; the quick screens have no change rule', () => {
    expect(compareScores('phq9', 7, 7)).toMatchObject({ direction: 'same', meaningful: false });
    expect(compareScores('phq2', 1, 5)).toBeNull();
    expect(compareScores('gad2', 1, 5)).toBeNull();
  });
});

describe('validation', () => {
  it('an unknown instrument throws UnknownInstrumentError', () => {
    expect(() => scoreAnswers('bdi', [1])).toThrow(UnknownInstrumentError);
    expect(() => scoreAnswers(undefined, [1])).toThrow(UnknownInstrumentError);
  });

  it.each([
    ['phq9', [0, 0, 0, 0, 0, 0, 0, 0], 'wrong_length'],
    ['phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 'wrong_length'],
    ['phq9', [0, 0, 0, 0, 0, 0, 0, 0, 4], 'out_of_range'],
    ['gad7', [0, 0, 0, -1, 0, 0, 0], 'out_of_range'],
    ['who5', [6, 0, 0, 0, 0], 'out_of_range'],
    ['phq9', [0, 0, 0, 0, 1.5, 0, 0, 0, 0], 'not_an_integer'],
    ['gad2', ['1', 1], 'not_an_integer'],
    ['gad2', [null, 1], 'not_an_integer'],
    ['gad2', [Number.NaN, 1], 'not_an_integer'],
    ['phq2', 'not a list', 'not_a_list'],
  ] as const)('%s %j throws InvalidAnswersError (%s)', (instrument, answers, reason) => {
    let thrown: unknown;
    try {
      scoreAnswers(instrument, answers);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidAnswersError);
    expect(thrown).toBeInstanceOf(AssessmentError);
    expect((thrown as InvalidAnswersError).reason).toBe(reason);
  });

  it('names the answer at fault', () => {
    expect(() => scoreAnswers('who5', [5, 5, 9, 5, 5])).toThrow('WHO-5 answer 3 must be 0-5, got 9');
  });
});
