/**
 * Scoring exactly as published: totals, severity bands, the WHO-5 percentage, the PHQ-9 item-9 rule, the
 * quick-screen threshold and meaningful change. Pure functions; the sources are in docs/assessments.md.
 */
import { INSTRUMENTS, isInstrumentId, type InstrumentId } from './instruments';

/**
 * Stable band ids (lowercase snake_case), written to storage, the audit command and the FHIR export.
 * - PHQ-9: minimal, mild, moderate, moderately_severe, severe
 * - GAD-7: minimal, mild, moderate, severe
 * - WHO-5: adequate_wellbeing (>= 52%), poor_wellbeing (32-48%), very_poor_wellbeing (<= 28%)
 * - PHQ-2 / GAD-2: negative (0-2), positive (3-6)
 */
export type BandId =
  | 'minimal'
  | 'mild'
  | 'moderate'
  | 'moderately_severe'
  | 'severe'
  | 'adequate_wellbeing'
  | 'poor_wellbeing'
  | 'very_poor_wellbeing'
  | 'negative'
  | 'positive';

/**
 * - `item9`: PHQ-9 item 9 was answered above 0. The app starts the safety flow at once, whatever the total.
 * - `offer_full`: a positive quick screen; offer the full instrument (`ScoreResult.followUp`).
 */
export type FlagId = 'item9' | 'offer_full';

/** A band and the range of `score` it covers, both ends inclusive. */
export interface BandRange {
  readonly id: BandId;
  readonly min: number;
  readonly max: number;
}

/** Bands in ascending score order, in `score` units (WHO-5: percentage). For the trend chart too. */
export const BANDS: Readonly<Record<InstrumentId, readonly BandRange[]>> = Object.freeze({
  // Kroenke, Spitzer & Williams 2001.
  phq9: [
    { id: 'minimal', min: 0, max: 4 },
    { id: 'mild', min: 5, max: 9 },
    { id: 'moderate', min: 10, max: 14 },
    { id: 'moderately_severe', min: 15, max: 19 },
    { id: 'severe', min: 20, max: 27 },
  ],
  // Spitzer et al. 2006.
  gad7: [
    { id: 'minimal', min: 0, max: 4 },
    { id: 'mild', min: 5, max: 9 },
    { id: 'moderate', min: 10, max: 14 },
    { id: 'severe', min: 15, max: 21 },
  ],
  // WHO-5 scoring notes: raw < 13 (percentage < 52) is poor wellbeing; percentage <= 28 is the range the
  // literature reads as likely depression. Percentages only come in steps of 4.
  who5: [
    { id: 'very_poor_wellbeing', min: 0, max: 28 },
    { id: 'poor_wellbeing', min: 29, max: 51 },
    { id: 'adequate_wellbeing', min: 52, max: 100 },
  ],
  // Kroenke et al. 2003 (PHQ-2) and 2007 (GAD-2): a total of 3 or more is a positive screen.
  phq2: [
    { id: 'negative', min: 0, max: 2 },
    { id: 'positive', min: 3, max: 6 },
  ],
  gad2: [
    { id: 'negative', min: 0, max: 2 },
    { id: 'positive', min: 3, max: 6 },
  ],
});

/** Bands from which the explanation suggests talking to a professional (moderate and worse). */
export const PROFESSIONAL_BANDS: ReadonlySet<BandId> = new Set([
  'moderate',
  'moderately_severe',
  'severe',
  'poor_wellbeing',
  'very_poor_wellbeing',
]);

/** What `scoreAnswers` found. */
export interface ScoreResult {
  readonly instrument: InstrumentId;
  /** Sum of the item values. */
  readonly total: number;
  /** The reported score: the total, except WHO-5 where it is the 0-100 percentage (total x 4). */
  readonly score: number;
  /** Highest possible `score`. */
  readonly maxScore: number;
  readonly band: BandId;
  readonly flags: readonly FlagId[];
  /** An instrument to offer next: the full one after a positive quick screen, PHQ-9 after poor WHO-5 wellbeing. */
  readonly followUp: InstrumentId | null;
}

/** Base class of every scoring failure, so callers can catch them together. */
export class AssessmentError extends Error {
  override name = 'AssessmentError';
}

/** The instrument id is not one of `INSTRUMENT_IDS`. */
export class UnknownInstrumentError extends AssessmentError {
  override name = 'UnknownInstrumentError';
  constructor(readonly instrument: unknown) {
    super(`unknown instrument ${JSON.stringify(instrument) ?? String(instrument)}`);
  }
}

export type InvalidAnswersReason = 'not_a_list' | 'wrong_length' | 'not_an_integer' | 'out_of_range';

/** The answers do not fit the instrument: wrong count, or a value that is not one of its options. */
export class InvalidAnswersError extends AssessmentError {
  override name = 'InvalidAnswersError';
  constructor(
    readonly reason: InvalidAnswersReason,
    message: string,
    /** 0-based index of the offending answer, when one answer is at fault. */
    readonly index?: number,
  ) {
    super(message);
  }
}

/**
 * Checks `answers` against the instrument and returns them as a typed list.
 * @throws UnknownInstrumentError, InvalidAnswersError
 */
export function validateAnswers(instrument: unknown, answers: unknown): number[] {
  if (!isInstrumentId(instrument)) throw new UnknownInstrumentError(instrument);
  const def = INSTRUMENTS[instrument];
  if (!Array.isArray(answers)) {
    throw new InvalidAnswersError('not_a_list', `${def.shortName} answers must be a list of numbers`);
  }
  const list = answers as unknown[];
  if (list.length !== def.items.length) {
    throw new InvalidAnswersError(
      'wrong_length',
      `${def.shortName} needs ${def.items.length} answers, got ${list.length}`,
    );
  }
  return list.map((answer, index) => {
    if (typeof answer !== 'number' || !Number.isInteger(answer)) {
      throw new InvalidAnswersError(
        'not_an_integer',
        `${def.shortName} answer ${index + 1} must be a whole number, got ${JSON.stringify(answer) ?? String(answer)}`,
        index,
      );
    }
    if (answer < def.minItemValue || answer > def.maxItemValue) {
      throw new InvalidAnswersError(
        'out_of_range',
        `${def.shortName} answer ${index + 1} must be ${def.minItemValue}-${def.maxItemValue}, got ${answer}`,
        index,
      );
    }
    return answer;
  });
}

/** The band that contains `score` for an instrument. */
export function bandFor(instrument: InstrumentId, score: number): BandId {
  const band = BANDS[instrument].find((b) => score >= b.min && score <= b.max);
  if (!band) throw new RangeError(`${instrument} score ${score} is outside every band`);
  return band.id;
}

/** PHQ-9 item 9 ("better off dead or of hurting yourself") is the 9th answer. */
const PHQ9_ITEM9_INDEX = 8;
const QUICK_SCREEN_POSITIVE = 3;
const WHO5_PERCENT_FACTOR = 4;

/**
 * Scores one completed questionnaire.
 * @throws UnknownInstrumentError, InvalidAnswersError
 */
export function scoreAnswers(instrument: unknown, answers: unknown): ScoreResult {
  const values = validateAnswers(instrument, answers);
  const id = instrument as InstrumentId;
  const def = INSTRUMENTS[id];
  const total = values.reduce((sum, v) => sum + v, 0);
  const factor = id === 'who5' ? WHO5_PERCENT_FACTOR : 1;
  const score = total * factor;
  const band = bandFor(id, score);

  const flags: FlagId[] = [];
  let followUp: InstrumentId | null = null;
  if (id === 'phq9' && (values[PHQ9_ITEM9_INDEX] ?? 0) > 0) flags.push('item9');
  if (def.fullVersion && total >= QUICK_SCREEN_POSITIVE) {
    flags.push('offer_full');
    followUp = def.fullVersion;
  }
  if (id === 'who5' && band !== 'adequate_wellbeing') followUp = 'phq9';

  return {
    instrument: id,
    total,
    score,
    maxScore: def.items.length * def.maxItemValue * factor,
    band,
    flags,
    followUp,
  };
}

/**
 * The smallest change in `score` that counts as meaningful, and whether a higher score is better.
 * PHQ-9: 5 points (Löwe et al. 2004). GAD-7: 4 points (Toussaint et al. 2020). WHO-5: 10 percentage points
 * (Topp et al. 2015). The quick screens are for screening, not for tracking, so they have none.
 */
export const MEANINGFUL_CHANGE: Readonly<
  Partial<Record<InstrumentId, { points: number; higherIsBetter: boolean }>>
> = Object.freeze({
  phq9: { points: 5, higherIsBetter: false },
  gad7: { points: 4, higherIsBetter: false },
  who5: { points: 10, higherIsBetter: true },
});

export type ChangeDirection = 'better' | 'worse' | 'same';

/** How the latest result compares with the previous one of the same instrument. */
export interface Change {
  readonly instrument: InstrumentId;
  /** current score minus previous score, in `score` units. */
  readonly delta: number;
  /** Which way things moved for the person (a lower PHQ-9 is better; a higher WHO-5 is better). */
  readonly direction: ChangeDirection;
  /** True when the change reaches the instrument's meaningful-change threshold. */
  readonly meaningful: boolean;
}

/**
 * Compares two scores (`ScoreResult.score`) of the same instrument, oldest first.
 * Returns null for the quick screens, which have no published meaningful-change threshold.
 */
export function compareScores(
  instrument: InstrumentId,
  previousScore: number,
  currentScore: number,
): Change | null {
  const rule = MEANINGFUL_CHANGE[instrument];
  if (!rule) return null;
  const delta = currentScore - previousScore;
  const improved = rule.higherIsBetter ? delta > 0 : delta < 0;
  const direction: ChangeDirection = delta === 0 ? 'same' : improved ? 'better' : 'worse';
  return { instrument, delta, direction, meaningful: Math.abs(delta) >= rule.points };
}
