import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/lib/config/schema';
import { INSTRUMENTS, INSTRUMENT_IDS } from '../../../src/lib/assessments/instruments';
import {
  BANDS,
  compareScores,
  scoreAnswers,
  type BandId,
  type FlagId,
} from '../../../src/lib/assessments/scoring';
import {
  RESULT_DISCLAIMER,
  allExplanationTexts,
  bandLabel,
  explainChange,
  explainResult,
} from '../../../src/lib/assessments/explanations';

/** Every explanation the module can produce: each band of each instrument, with and without each flag. */
function everyExplanationText(): string[] {
  const texts: string[] = [];
  const flagSets: FlagId[][] = [[], ['item9'], ['offer_full']];
  for (const instrument of INSTRUMENT_IDS) {
    for (const band of BANDS[instrument]) {
      for (const flags of flagSets) {
        for (const locale of LOCALES) {
          const e = explainResult({ instrument, band: band.id, flags }, locale);
          texts.push(e.bandLabel, e.summary, ...e.nextSteps, e.safetyNote ?? '', e.offerText ?? '');
        }
      }
    }
    for (const [before, after] of [
      [10, 20],
      [20, 10],
      [10, 11],
      [10, 10],
      [40, 80],
    ] as const) {
      const change = compareScores(instrument, before, after);
      if (change) for (const locale of LOCALES) texts.push(explainChange(change, locale));
    }
  }
  return texts;
}

function instrumentTexts(): string[] {
  return INSTRUMENT_IDS.flatMap((id) => {
    const def = INSTRUMENTS[id];
    return LOCALES.flatMap((locale) => [
      def.title[locale],
      def.stem[locale],
      ...def.items.map((item) => item.text[locale]),
      ...def.options.map((option) => option.label[locale]),
      def.unscoredItem?.text[locale] ?? '',
      ...(def.unscoredItem?.options.map((option) => option.label[locale]) ?? []),
    ]);
  });
}

describe('wording the person sees', () => {
  const all = [
    ...everyExplanationText(),
    ...allExplanationTexts(),
    ...instrumentTexts(),
    RESULT_DISCLAIMER.en,
    RESULT_DISCLAIMER['zh-CN'],
  ];

  it('has something to scan (guards the scan against an empty list)', () => {
    expect(all.filter(Boolean).length).toBeGreaterThan(300);
  });

  it('never says "diagnosis", "diagnose" or 诊断, in either language', () => {
    const offending = all.filter((text) => /diagnos|诊断|診斷/i.test(text));
    expect(offending).toEqual([]);
  });

  it('offers self-help and support, not therapy (治疗)', () => {
    const offending = all.filter((text) => /therap|治疗|治療/i.test(text));
    expect(offending).toEqual([]);
  });

  it('Chinese texts are Chinese and English texts are English', () => {
    for (const instrument of INSTRUMENT_IDS) {
      for (const band of BANDS[instrument]) {
        const zh = explainResult({ instrument, band: band.id, flags: [] }, 'zh-CN');
        const en = explainResult({ instrument, band: band.id, flags: [] }, 'en');
        expect(zh.summary).toMatch(/[\u4e00-\u9fff]/);
        expect(en.summary).not.toMatch(/[\u4e00-\u9fff]/);
        expect(zh.nextSteps).toHaveLength(en.nextSteps.length);
      }
    }
  });
});

describe('explanations', () => {
  const professionalBands: Record<string, BandId[]> = {
    phq9: ['moderate', 'moderately_severe', 'severe'],
    gad7: ['moderate', 'severe'],
    who5: ['poor_wellbeing', 'very_poor_wellbeing'],
    phq2: [],
    gad2: [],
  };

  it('moderate and worse results suggest talking to a professional; milder ones do not', () => {
    for (const instrument of INSTRUMENT_IDS) {
      for (const band of BANDS[instrument]) {
        const e = explainResult({ instrument, band: band.id, flags: [] }, 'en');
        expect(e.suggestProfessional, `${instrument} ${band.id}`).toBe(
          professionalBands[instrument]!.includes(band.id),
        );
      }
    }
  });

  it('a PHQ-9 with item 9 above 0 leads with a safety note and suggests a professional, even when minimal', () => {
    const result = scoreAnswers('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    for (const locale of LOCALES) {
      const e = explainResult(result, locale);
      expect(e.safetyNote).toBeTruthy();
      expect(e.suggestProfessional).toBe(true);
      expect(e.nextSteps.join(' ')).toMatch(locale === 'en' ? /crisis lines/ : /危机热线/);
    }
    expect(explainResult(scoreAnswers('phq9', [1, 0, 0, 0, 0, 0, 0, 0, 0]), 'en').safetyNote).toBeNull();
  });

  it('a positive quick screen invites the full questionnaire by name', () => {
    const e = explainResult(scoreAnswers('gad2', [2, 2]), 'zh-CN');
    expect(e.offerInstrument).toBe('gad7');
    expect(e.offerText).toContain('GAD-7');
    const negative = explainResult(scoreAnswers('phq2', [0, 1]), 'en');
    expect(negative.offerInstrument).toBeNull();
    expect(negative.offerText).toBeNull();
  });

  it('low WHO-5 wellbeing invites the PHQ-9', () => {
    expect(explainResult(scoreAnswers('who5', [1, 1, 1, 1, 1]), 'en').offerInstrument).toBe('phq9');
  });

  it('labels bands in the chosen language', () => {
    expect(bandLabel('moderately_severe', 'en')).toBe('Moderately severe');
    expect(bandLabel('moderately_severe', 'zh-CN')).toBe('中重度');
  });

  it('refuses a band the instrument does not have', () => {
    expect(() => explainResult({ instrument: 'gad7', band: 'moderately_severe', flags: [] }, 'en')).toThrow(
      RangeError,
    );
  });
});

describe('change explanations', () => {
  it('says a meaningful PHQ-9 drop is an improvement, with the size in points', () => {
    expect(explainChange(compareScores('phq9', 16, 9)!, 'en')).toBe(
      'Your result has improved by 7 points since last time. That is a meaningful change.',
    );
    expect(explainChange(compareScores('phq9', 16, 9)!, 'zh-CN')).toContain('改善了 7 分');
  });

  it('uses percentage points for WHO-5 and calls a small change small', () => {
    expect(explainChange(compareScores('who5', 48, 56)!, 'en')).toContain('8 percentage points');
    expect(explainChange(compareScores('who5', 48, 56)!, 'en')).toContain('about the same');
  });

  it('names a meaningful worsening gently and suggests talking with someone', () => {
    const text = explainChange(compareScores('gad7', 5, 11)!, 'en');
    expect(text).toContain('6 points');
    expect(text).toContain('talk with someone');
  });
});
