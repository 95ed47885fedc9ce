/**
 * Export of stored check-in results as a FHIR R4 Bundle (type `collection`) of QuestionnaireResponse and
 * Observation resources, for the person to hand to a counselor. Built on the device; nothing is sent:
 * the caller offers the JSON as a download.
 *
 * Codes: LOINC where a LOINC code exists (verified sources in docs/assessments.md); otherwise a local
 * code system under `urn:solace:fhir:`, named so that no receiver mistakes it for a standard one.
 */
import type { Locale } from '../config/schema';
import { bandLabel } from './explanations';
import { INSTRUMENTS, type InstrumentId } from './instruments';
import { AssessmentError, scoreAnswers, type BandId, type FlagId } from './scoring';

/** A completed questionnaire as the app stores it. */
export interface AssessmentResult {
  readonly id: string;
  readonly instrument: InstrumentId;
  /** Item values in published item order. */
  readonly answers: readonly number[];
  /** `ScoreResult.score`: the total, or the WHO-5 percentage. */
  readonly score: number;
  readonly band: BandId;
  readonly flags: readonly FlagId[];
  /** ISO 8601 date-time with a zone, e.g. `2026-03-01T09:30:00.000Z`. */
  readonly completedAt: string;
  /** The language the person answered in; the exported item texts are in it. */
  readonly locale: Locale;
  /** PHQ-9's unscored "how difficult" answer (0-3), when given. */
  readonly difficulty?: number | null;
}

export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}
export interface CodeableConcept {
  readonly coding: readonly Coding[];
  readonly text?: string;
}
export interface QuestionnaireResponseItem {
  readonly linkId: string;
  readonly text: string;
  readonly answer: readonly ({ readonly valueCoding: Coding } | { readonly valueInteger: number })[];
}
export interface QuestionnaireResponse {
  readonly resourceType: 'QuestionnaireResponse';
  readonly language: Locale;
  readonly questionnaire: string;
  readonly status: 'completed';
  readonly authored: string;
  readonly item: readonly QuestionnaireResponseItem[];
}
export interface Observation {
  readonly resourceType: 'Observation';
  readonly status: 'final';
  readonly category: readonly CodeableConcept[];
  readonly code: CodeableConcept;
  readonly valueInteger: number;
  readonly effectiveDateTime: string;
  readonly interpretation: readonly CodeableConcept[];
  readonly derivedFrom: readonly { readonly reference: string }[];
}
export interface BundleEntry {
  readonly fullUrl: string;
  readonly resource: QuestionnaireResponse | Observation;
}
export interface Bundle {
  readonly resourceType: 'Bundle';
  readonly type: 'collection';
  readonly timestamp: string;
  readonly entry: readonly BundleEntry[];
}

export const LOINC_SYSTEM = 'http://loinc.org';
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
/** Local code systems, for what LOINC has no code for (GAD-2 total, WHO-5). */
export const LOCAL_SYSTEMS = Object.freeze({
  score: 'urn:solace:fhir:CodeSystem:assessment-score',
  band: 'urn:solace:fhir:CodeSystem:assessment-band',
  who5Answer: 'urn:solace:fhir:CodeSystem:who5-answer',
});

interface ExportCodes {
  /** Canonical URL of the questionnaire the answers belong to. */
  readonly questionnaire: string;
  /** Code of the Observation that carries the score. */
  readonly score: Coding;
  readonly scoreText: Readonly<Record<Locale, string>>;
}

/** LOINC answer codes of the PHQ/GAD frequency scale, by item value. */
export const LOINC_FREQUENCY_ANSWERS: readonly Coding[] = [
  { system: LOINC_SYSTEM, code: 'LA6568-5', display: 'Not at all' },
  { system: LOINC_SYSTEM, code: 'LA6569-3', display: 'Several days' },
  { system: LOINC_SYSTEM, code: 'LA6570-1', display: 'More than half the days' },
  { system: LOINC_SYSTEM, code: 'LA6571-9', display: 'Nearly every day' },
];

/** LOINC answer codes of PHQ-9's difficulty question (69722-7), by value. */
export const LOINC_DIFFICULTY_ANSWERS: readonly Coding[] = [
  { system: LOINC_SYSTEM, code: 'LA6572-7', display: 'Not difficult at all' },
  { system: LOINC_SYSTEM, code: 'LA6573-5', display: 'Somewhat difficult' },
  { system: LOINC_SYSTEM, code: 'LA6574-3', display: 'Very difficult' },
  { system: LOINC_SYSTEM, code: 'LA6575-0', display: 'Extremely difficult' },
];

/** Questionnaire canonicals and score codes, per instrument. */
export const EXPORT_CODES: Readonly<Record<InstrumentId, ExportCodes>> = Object.freeze({
  phq9: {
    questionnaire: 'http://loinc.org/q/44249-1',
    score: {
      system: LOINC_SYSTEM,
      code: '44261-6',
      display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
    },
    scoreText: { en: 'PHQ-9 total score', 'zh-CN': 'PHQ-9 总分' },
  },
  gad7: {
    questionnaire: 'http://loinc.org/q/69737-5',
    score: {
      system: LOINC_SYSTEM,
      code: '70274-6',
      display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
    },
    scoreText: { en: 'GAD-7 total score', 'zh-CN': 'GAD-7 总分' },
  },
  phq2: {
    questionnaire: 'http://loinc.org/q/55757-9',
    score: {
      system: LOINC_SYSTEM,
      code: '55758-7',
      display: 'Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]',
    },
    scoreText: { en: 'PHQ-2 total score', 'zh-CN': 'PHQ-2 总分' },
  },
  gad2: {
    questionnaire: 'urn:solace:fhir:Questionnaire:gad2',
    score: { system: LOCAL_SYSTEMS.score, code: 'gad2-total', display: 'GAD-2 total score (0-6)' },
    scoreText: { en: 'GAD-2 total score', 'zh-CN': 'GAD-2 总分' },
  },
  who5: {
    questionnaire: 'urn:solace:fhir:Questionnaire:who5',
    score: {
      system: LOCAL_SYSTEMS.score,
      code: 'who5-percentage',
      display: 'WHO-5 Well-Being Index percentage score (0-100)',
    },
    scoreText: { en: 'WHO-5 percentage score', 'zh-CN': 'WHO-5 百分制得分' },
  },
});

/** A stored result that cannot be exported (unreadable date, answers that do not score). */
export class InvalidResultError extends AssessmentError {
  override name = 'InvalidResultError';
  constructor(
    readonly resultId: string,
    message: string,
  ) {
    super(`result ${resultId}: ${message}`);
  }
}

export interface ExportOptions {
  /** The export's timestamp and the date in the file name; defaults to now. */
  readonly now?: Date;
  /** Source of the UUIDs in `urn:uuid:` full URLs; defaults to `crypto.randomUUID`. */
  readonly newUuid?: () => string;
}

function answerCoding(instrument: InstrumentId, value: number): Coding {
  if (instrument === 'who5') {
    const label = INSTRUMENTS.who5.options.find((o) => o.value === value)?.label.en;
    return { system: LOCAL_SYSTEMS.who5Answer, code: String(value), ...(label ? { display: label } : {}) };
  }
  const coding = LOINC_FREQUENCY_ANSWERS[value];
  if (!coding) throw new RangeError(`no LOINC answer code for value ${value}`);
  return coding;
}

function isoDateTime(result: AssessmentResult): string {
  const time = Date.parse(result.completedAt);
  if (Number.isNaN(time))
    throw new InvalidResultError(result.id, `completedAt "${result.completedAt}" is not a date`);
  return new Date(time).toISOString();
}

function questionnaireResponse(result: AssessmentResult, authored: string): QuestionnaireResponse {
  const def = INSTRUMENTS[result.instrument];
  const item: QuestionnaireResponseItem[] = def.items.map((it, i) => ({
    linkId: it.linkId,
    text: it.text[result.locale],
    answer: [{ valueCoding: answerCoding(result.instrument, result.answers[i] ?? 0) }],
  }));
  const difficulty = result.difficulty;
  if (def.unscoredItem && difficulty !== undefined && difficulty !== null) {
    const coding = LOINC_DIFFICULTY_ANSWERS[difficulty];
    if (!coding) throw new InvalidResultError(result.id, `difficulty ${difficulty} is not 0-3`);
    item.push({
      linkId: def.unscoredItem.linkId,
      text: def.unscoredItem.text[result.locale],
      answer: [{ valueCoding: coding }],
    });
  }
  return {
    resourceType: 'QuestionnaireResponse',
    language: result.locale,
    questionnaire: EXPORT_CODES[result.instrument].questionnaire,
    status: 'completed',
    authored,
    item,
  };
}

function observation(
  result: AssessmentResult,
  score: number,
  band: BandId,
  effective: string,
  responseUrl: string,
): Observation {
  const codes = EXPORT_CODES[result.instrument];
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey', display: 'Survey' }] }],
    code: { coding: [codes.score], text: codes.scoreText[result.locale] },
    valueInteger: score,
    effectiveDateTime: effective,
    interpretation: [
      {
        coding: [{ system: LOCAL_SYSTEMS.band, code: band, display: bandLabel(band, 'en') }],
        text: bandLabel(band, result.locale),
      },
    ],
    derivedFrom: [{ reference: responseUrl }],
  };
}

/**
 * Builds the Bundle for `results`, oldest first: for each result a QuestionnaireResponse and an Observation
 * of its score, derived from it. Scores and bands are recomputed from the answers, so an export can never
 * carry a score the answers do not give.
 * @throws InvalidResultError when a result's answers or date are unusable
 */
export function buildFhirBundle(results: readonly AssessmentResult[], options: ExportOptions = {}): Bundle {
  const newUuid = options.newUuid ?? (() => globalThis.crypto.randomUUID());
  const ordered = results
    .map((result) => ({ result, authored: isoDateTime(result) }))
    .sort((a, b) => a.authored.localeCompare(b.authored));
  const entry = ordered.flatMap(({ result, authored }): BundleEntry[] => {
    let scored;
    try {
      scored = scoreAnswers(result.instrument, result.answers);
    } catch (error) {
      throw new InvalidResultError(result.id, error instanceof Error ? error.message : String(error));
    }
    const responseUrl = `urn:uuid:${newUuid()}`;
    return [
      { fullUrl: responseUrl, resource: questionnaireResponse(result, authored) },
      {
        fullUrl: `urn:uuid:${newUuid()}`,
        resource: observation(result, scored.score, scored.band, authored, responseUrl),
      },
    ];
  });
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: (options.now ?? new Date()).toISOString(),
    entry,
  };
}

/** The JSON text of the export and a file name for the download (`solace-check-ins-YYYY-MM-DD.fhir.json`). */
export function exportFhirJson(
  results: readonly AssessmentResult[],
  options: ExportOptions = {},
): { json: string; fileName: string } {
  const now = options.now ?? new Date();
  const bundle = buildFhirBundle(results, { ...options, now });
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
  return { json: JSON.stringify(bundle, null, 2), fileName: `solace-check-ins-${day}.fhir.json` };
}
