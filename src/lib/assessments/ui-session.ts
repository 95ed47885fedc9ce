/**
 * The questionnaire as a person fills it in, one item per step: pure functions over a plain, serialisable
 * state, so the check-in screen and the screening mode share them and an interrupted questionnaire can be
 * saved and resumed. Also the mapping between a finished questionnaire and the store's record.
 */
import type { Locale } from '../config/schema';
import { INSTRUMENTS, INSTRUMENT_IDS, isInstrumentId, type InstrumentId } from './instruments';
import { scoreAnswers, type BandId, type FlagId, type ScoreResult } from './scoring';
import type { AssessmentResult as FhirResult } from './fhir';

/** About how long each questionnaire takes, in minutes (shown when choosing one). */
export const MINUTES: Readonly<Record<InstrumentId, number>> = Object.freeze({
  phq9: 3,
  gad7: 2,
  who5: 2,
  phq2: 1,
  gad2: 1,
});

/** The order the picker offers them in: full questionnaires first, then the quick screens. */
export const PICKER_ORDER: readonly InstrumentId[] = ['phq9', 'gad7', 'who5', 'phq2', 'gad2'];

/** A questionnaire in progress. `answers[i]` is null until item i is answered. */
export interface Progress {
  readonly instrument: InstrumentId;
  readonly answers: readonly (number | null)[];
  /** PHQ-9's optional, unscored "how difficult" answer. */
  readonly difficulty: number | null;
  /** 0-based index of the step on screen (the scored items, then the unscored item where there is one). */
  readonly step: number;
  /** True once the safety flow was shown for this questionnaire (PHQ-9 item 9 above 0). */
  readonly safetyShown: boolean;
}

export function startProgress(instrument: InstrumentId): Progress {
  return {
    instrument,
    answers: INSTRUMENTS[instrument].items.map(() => null),
    difficulty: null,
    step: 0,
    safetyShown: false,
  };
}

/** Number of steps: every scored item, plus the unscored item when the instrument has one. */
export function stepCount(instrument: InstrumentId): number {
  const def = INSTRUMENTS[instrument];
  return def.items.length + (def.unscoredItem ? 1 : 0);
}

/** True when the step on screen is the optional unscored question. */
export function isUnscoredStep(progress: Progress): boolean {
  return progress.step >= INSTRUMENTS[progress.instrument].items.length;
}

/** The chosen value of the step on screen, or null. */
export function currentAnswer(progress: Progress): number | null {
  return isUnscoredStep(progress) ? progress.difficulty : (progress.answers[progress.step] ?? null);
}

export function answer(progress: Progress, value: number): Progress {
  if (isUnscoredStep(progress)) return { ...progress, difficulty: value };
  const answers = progress.answers.slice();
  answers[progress.step] = value;
  return { ...progress, answers };
}

/** Next is allowed once a scored item is answered; the unscored question may be left out. */
export function canGoNext(progress: Progress): boolean {
  return isUnscoredStep(progress) || currentAnswer(progress) !== null;
}

export function goBack(progress: Progress): Progress {
  return { ...progress, step: Math.max(0, progress.step - 1) };
}

/** Moves on; past the last step the questionnaire is complete (`isComplete`). */
export function goNext(progress: Progress): Progress {
  if (!canGoNext(progress)) return progress;
  return { ...progress, step: Math.min(stepCount(progress.instrument), progress.step + 1) };
}

export function isComplete(progress: Progress): boolean {
  return progress.step >= stepCount(progress.instrument) && progress.answers.every((a) => a !== null);
}

/** PHQ-9 item 9 is index 8. */
const ITEM9 = 8;

/**
 * True when the safety flow must start now: PHQ-9 item 9 was answered above 0 and the person has moved past
 * it, and the flow has not been shown for this questionnaire yet. Checked after every step, so it starts
 * before anything else (the result included).
 */
export function needsSafetyFlow(progress: Progress): boolean {
  return (
    progress.instrument === 'phq9' &&
    !progress.safetyShown &&
    progress.step > ITEM9 &&
    (progress.answers[ITEM9] ?? 0) > 0
  );
}

/** Scores a complete questionnaire. @throws InvalidAnswersError if it is not complete */
export function scoreProgress(progress: Progress): ScoreResult {
  return scoreAnswers(progress.instrument, progress.answers);
}

/** Reads a saved progress back (from settings); anything malformed gives undefined, never a throw. */
export function parseProgress(value: unknown): Progress | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const p = value as Record<string, unknown>;
  if (!isInstrumentId(p.instrument)) return undefined;
  const def = INSTRUMENTS[p.instrument];
  const okValue = (v: unknown, max: number): v is number | null =>
    v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max);
  if (!Array.isArray(p.answers) || p.answers.length !== def.items.length) return undefined;
  const answers = p.answers as unknown[];
  if (!answers.every((a) => okValue(a, def.maxItemValue))) return undefined;
  const difficulty = p.difficulty ?? null;
  if (!okValue(difficulty, 3)) return undefined;
  const step = p.step;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > stepCount(p.instrument)) {
    return undefined;
  }
  return {
    instrument: p.instrument,
    answers,
    difficulty,
    step,
    safetyShown: p.safetyShown === true,
  };
}

/** The plain JSON form saved in settings. */
export function serializeProgress(progress: Progress): {
  instrument: string;
  answers: (number | null)[];
  difficulty: number | null;
  step: number;
  safetyShown: boolean;
} {
  return { ...progress, answers: [...progress.answers] };
}

/**
 * Store records keep `flags` as short strings. Besides the scoring flags (`item9`, `offer_full`) they carry
 * two facts the FHIR export needs and the record has no field for: the language answered in (`lang:en`)
 * and PHQ-9's unscored answer (`difficulty:2`).
 */
const LANG_PREFIX = 'lang:';
const DIFFICULTY_PREFIX = 'difficulty:';

/** What the store's `assessments.add` takes (its `NewAssessment`), for a finished questionnaire. */
export interface NewResultRecord {
  instrument: InstrumentId;
  answers: number[];
  score: number;
  band: BandId;
  flags: string[];
  time?: number;
}

export function toRecord(progress: Progress, result: ScoreResult, locale: Locale): NewResultRecord {
  const flags: string[] = [...result.flags, LANG_PREFIX + locale];
  if (progress.difficulty !== null) flags.push(DIFFICULTY_PREFIX + progress.difficulty);
  return {
    instrument: result.instrument,
    answers: progress.answers.map((a) => a ?? 0),
    score: result.score,
    band: result.band,
    flags,
  };
}

/** A stored result as the screens use it. Records of other kinds (free writing) are left out. */
export interface PastResult {
  readonly id: string;
  readonly instrument: InstrumentId;
  readonly time: number;
  readonly answers: readonly number[];
  readonly score: number;
  readonly band: BandId;
  readonly flags: readonly FlagId[];
  readonly locale: Locale | null;
  readonly difficulty: number | null;
}

/** The fields of a stored record this module reads. */
export interface StoredRecord {
  id: string;
  instrument: string;
  time: number;
  answers: number[];
  score: number;
  band: string;
  flags: string[];
}

/** Reads stored records back; a record that no longer scores as stored is left out (never shown wrongly). */
export function fromRecords(records: readonly StoredRecord[]): PastResult[] {
  const out: PastResult[] = [];
  for (const r of records) {
    if (!isInstrumentId(r.instrument)) continue;
    let scored: ScoreResult;
    try {
      scored = scoreAnswers(r.instrument, r.answers);
    } catch {
      continue;
    }
    const lang = r.flags.find((f) => f.startsWith(LANG_PREFIX))?.slice(LANG_PREFIX.length);
    const diff = r.flags.find((f) => f.startsWith(DIFFICULTY_PREFIX))?.slice(DIFFICULTY_PREFIX.length);
    const difficulty = diff === undefined ? null : Number(diff);
    out.push({
      id: r.id,
      instrument: r.instrument,
      time: r.time,
      answers: r.answers,
      score: scored.score,
      band: scored.band,
      flags: scored.flags,
      locale: lang === 'en' || lang === 'zh-CN' ? lang : null,
      difficulty: difficulty !== null && Number.isInteger(difficulty) && difficulty >= 0 ? difficulty : null,
    });
  }
  return out.sort((a, b) => a.time - b.time);
}

/** The FHIR export's input; results answered in an unknown language are exported in `fallback`. */
export function toFhirResults(results: readonly PastResult[], fallback: Locale): FhirResult[] {
  return results.map((r) => ({
    id: r.id,
    instrument: r.instrument,
    answers: r.answers,
    score: r.score,
    band: r.band,
    flags: r.flags,
    completedAt: new Date(r.time).toISOString(),
    locale: r.locale ?? fallback,
    difficulty: r.difficulty,
  }));
}

/** Results per instrument, oldest first, in picker order; instruments without results are left out. */
export function groupByInstrument(
  results: readonly PastResult[],
): { instrument: InstrumentId; results: PastResult[] }[] {
  return INSTRUMENT_IDS.filter((id) => results.some((r) => r.instrument === id))
    .sort((a, b) => PICKER_ORDER.indexOf(a) - PICKER_ORDER.indexOf(b))
    .map((instrument) => ({ instrument, results: results.filter((r) => r.instrument === instrument) }));
}

/** The latest result of `instrument` before `time`, to compare a new result with. */
export function previousResult(
  results: readonly PastResult[],
  instrument: InstrumentId,
  time: number,
): PastResult | undefined {
  return results.filter((r) => r.instrument === instrument && r.time < time).at(-1);
}

/** "12 / 27" style score text, with the WHO-5 percentage sign. */
export function scoreText(instrument: InstrumentId, score: number): string {
  if (instrument === 'who5') return `${score}%`;
  const def = INSTRUMENTS[instrument];
  return `${score} / ${def.items.length * def.maxItemValue}`;
}
