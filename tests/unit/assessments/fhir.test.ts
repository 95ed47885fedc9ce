import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { INSTRUMENTS } from '../../../src/lib/assessments/instruments';
import { scoreAnswers } from '../../../src/lib/assessments/scoring';
import {
  InvalidResultError,
  buildFhirBundle,
  exportFhirJson,
  type AssessmentResult,
  type Observation,
  type QuestionnaireResponse,
} from '../../../src/lib/assessments/fhir';
import { BundleSchema, LOINC, loincCheckDigitOk } from './fhir-r4.schema';

function stored(
  id: string,
  instrument: AssessmentResult['instrument'],
  answers: number[],
  completedAt: string,
  locale: AssessmentResult['locale'] = 'en',
  extra: Partial<AssessmentResult> = {},
): AssessmentResult {
  const scored = scoreAnswers(instrument, answers);
  return {
    id,
    instrument,
    answers,
    score: scored.score,
    band: scored.band,
    flags: scored.flags,
    completedAt,
    locale,
    ...extra,
  };
}

const RESULTS: AssessmentResult[] = [
  stored('r-gad7', 'gad7', [1, 2, 1, 0, 3, 2, 1], '2026-03-02T08:00:00.000Z'),
  stored('r-phq9', 'phq9', [1, 1, 2, 1, 0, 1, 2, 0, 1], '2026-03-01T09:30:00.000Z', 'zh-CN', {
    difficulty: 1,
  }),
  stored('r-who5', 'who5', [3, 3, 2, 2, 3], '2026-03-03T20:15:00+08:00'),
  stored('r-phq2', 'phq2', [2, 2], '2026-02-20T10:00:00.000Z'),
  stored('r-gad2', 'gad2', [0, 1], '2026-02-21T10:00:00.000Z'),
];

function counter(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

const bundle = buildFhirBundle(RESULTS, { now: new Date('2026-03-04T12:00:00.000Z'), newUuid: counter() });
const parsed = v.safeParse(BundleSchema, bundle);

/** The QuestionnaireResponse whose questionnaire canonical ends with `canonicalEnd`. */
function responseFor(canonicalEnd: string): QuestionnaireResponse {
  const found = bundle.entry.find(
    (e) =>
      e.resource.resourceType === 'QuestionnaireResponse' && e.resource.questionnaire.endsWith(canonicalEnd),
  );
  if (!found) throw new Error(`no QuestionnaireResponse for ${canonicalEnd}`);
  return found.resource as QuestionnaireResponse;
}

function observationFor(code: string): Observation {
  const found = bundle.entry.find(
    (e) => e.resource.resourceType === 'Observation' && e.resource.code.coding[0]!.code === code,
  );
  if (!found) throw new Error(`no Observation with code ${code}`);
  return found.resource as Observation;
}

describe('FHIR R4 export', () => {
  it('is a valid R4 collection Bundle by the schema', () => {
    expect(parsed.issues?.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`) ?? []).toEqual([]);
    expect(parsed.success).toBe(true);
    expect(bundle).toMatchObject({
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: '2026-03-04T12:00:00.000Z',
    });
  });

  it('holds one QuestionnaireResponse and one Observation per result, oldest first', () => {
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(
      Array.from({ length: RESULTS.length }, () => ['QuestionnaireResponse', 'Observation']).flat(),
    );
    const authored = bundle.entry
      .map((e) => e.resource)
      .filter((r): r is QuestionnaireResponse => r.resourceType === 'QuestionnaireResponse')
      .map((r) => r.authored);
    expect(authored).toEqual([...authored].sort());
    expect(authored[0]).toBe('2026-02-20T10:00:00.000Z');
  });

  it('each Observation is derived from the QuestionnaireResponse just before it, by urn:uuid fullUrl', () => {
    for (let i = 0; i < bundle.entry.length; i += 2) {
      const obs = bundle.entry[i + 1]!.resource as Observation;
      expect(obs.derivedFrom).toEqual([{ reference: bundle.entry[i]!.fullUrl }]);
      expect(bundle.entry[i]!.fullUrl).toMatch(/^urn:uuid:/);
    }
  });

  it('carries the totals as valueInteger with the LOINC total-score codes', () => {
    expect(observationFor('44261-6')).toMatchObject({
      status: 'final',
      valueInteger: 9,
      code: { coding: [{ system: LOINC, code: '44261-6' }], text: 'PHQ-9 总分' },
      effectiveDateTime: '2026-03-01T09:30:00.000Z',
      category: [
        {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }],
        },
      ],
    });
    expect(observationFor('70274-6')).toMatchObject({
      valueInteger: 10,
      code: { coding: [{ system: LOINC }] },
    });
    expect(observationFor('55758-7')).toMatchObject({
      valueInteger: 4,
      code: { coding: [{ system: LOINC }] },
    });
  });

  it('uses a clearly local code for scores LOINC has no code for (GAD-2 total, WHO-5 percentage)', () => {
    const who5 = observationFor('who5-percentage');
    expect(who5.valueInteger).toBe(52);
    expect(who5.code.coding[0]!.system).toMatch(/^urn:solace:/);
    expect(who5.effectiveDateTime).toBe('2026-03-03T12:15:00.000Z');
    expect(observationFor('gad2-total').valueInteger).toBe(1);
  });

  it('records the band as the Observation interpretation, in the language answered', () => {
    expect(observationFor('44261-6').interpretation[0]).toMatchObject({
      coding: [{ code: 'mild' }],
      text: '轻度',
    });
    expect(observationFor('70274-6').interpretation[0]).toMatchObject({
      coding: [{ code: 'moderate' }],
      text: 'Moderate',
    });
  });

  it('answers PHQ-9 items with their LOINC item linkIds and LOINC answer codes, texts in the language answered', () => {
    const qr = responseFor('/44249-1');
    expect(qr).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: 'http://loinc.org/q/44249-1',
      language: 'zh-CN',
      authored: '2026-03-01T09:30:00.000Z',
    });
    expect(qr.item.map((i) => i.linkId)).toEqual([
      '44250-9',
      '44255-8',
      '44259-0',
      '44254-1',
      '44251-7',
      '44258-2',
      '44252-5',
      '44253-3',
      '44260-8',
      '69722-7',
    ]);
    expect(qr.item[2]).toEqual({
      linkId: '44259-0',
      text: '入睡困难、睡不安稳或睡眠过多',
      answer: [{ valueCoding: { system: LOINC, code: 'LA6570-1', display: 'More than half the days' } }],
    });
    expect(qr.item[8]!.answer).toEqual([
      { valueCoding: { system: LOINC, code: 'LA6569-3', display: 'Several days' } },
    ]);
    expect(qr.item[9]!.answer).toEqual([
      { valueCoding: { system: LOINC, code: 'LA6573-5', display: 'Somewhat difficult' } },
    ]);
  });

  it('answers GAD-7 with the GAD-7 item codes and all four frequency answer codes', () => {
    const qr = responseFor('/69737-5');
    expect(qr.questionnaire).toBe('http://loinc.org/q/69737-5');
    expect(qr.item.map((i) => i.linkId)).toEqual([
      '69725-0',
      '68509-9',
      '69733-4',
      '69734-2',
      '69735-9',
      '69689-8',
      '69736-7',
    ]);
    const codes = qr.item.map((i) => ('valueCoding' in i.answer[0]! ? i.answer[0].valueCoding.code : ''));
    expect(codes).toEqual([
      'LA6569-3',
      'LA6570-1',
      'LA6569-3',
      'LA6568-5',
      'LA6571-9',
      'LA6570-1',
      'LA6569-3',
    ]);
  });

  it('every LOINC code in the export is well formed with a correct check digit', () => {
    const loincCodes = JSON.stringify(bundle).match(/"system":"http:\/\/loinc\.org","code":"[^"]+"/g) ?? [];
    expect(loincCodes.length).toBeGreaterThan(20);
    for (const code of ['44249-1', '44261-6', '69737-5', '70274-6', '55757-9', '55758-7', '69722-7']) {
      expect(loincCheckDigitOk(code), code).toBe(true);
    }
    for (const item of [...INSTRUMENTS.phq9.items, ...INSTRUMENTS.gad7.items]) {
      expect(loincCheckDigitOk(item.linkId), item.linkId).toBe(true);
    }
    expect(loincCheckDigitOk('44261-5')).toBe(false);
  });

  it('the schema rejects a Bundle with a wrong resource shape', () => {
    const broken = structuredClone(bundle) as unknown as { entry: { resource: Record<string, unknown> }[] };
    broken.entry[1]!.resource.valueInteger = '9';
    expect(v.safeParse(BundleSchema, broken).success).toBe(false);
    const typo = structuredClone(bundle) as unknown as { entry: { resource: Record<string, unknown> }[] };
    typo.entry[0]!.resource.questionaire = typo.entry[0]!.resource.questionnaire;
    delete typo.entry[0]!.resource.questionnaire;
    expect(v.safeParse(BundleSchema, typo).success).toBe(false);
    const dangling = structuredClone(bundle) as unknown as {
      entry: { resource: { derivedFrom?: unknown } }[];
    };
    dangling.entry[1]!.resource.derivedFrom = [
      { reference: 'urn:uuid:00000000-0000-4000-8000-999999999999' },
    ];
    expect(v.safeParse(BundleSchema, dangling).success).toBe(false);
  });

  it('recomputes scores from the answers, so a stale stored score is never exported', () => {
    const stale = { ...stored('x', 'phq9', [3, 3, 3, 3, 0, 0, 0, 0, 0], '2026-03-01T00:00:00Z'), score: 2 };
    const out = buildFhirBundle([stale], { newUuid: counter() });
    expect((out.entry[1]!.resource as Observation).valueInteger).toBe(12);
  });

  it('refuses results whose answers or date are unusable, naming the result', () => {
    const badAnswers = {
      ...stored('bad-1', 'gad7', [0, 0, 0, 0, 0, 0, 0], '2026-03-01T00:00:00Z'),
      answers: [0, 0],
    };
    expect(() => buildFhirBundle([badAnswers])).toThrow(InvalidResultError);
    expect(() => buildFhirBundle([badAnswers])).toThrow(/bad-1/);
    const badDate = stored('bad-2', 'gad2', [0, 0], 'yesterday');
    expect(() => buildFhirBundle([badDate])).toThrow(/bad-2/);
  });

  it('gives the JSON text and a dated file name; the default ids are random UUIDs', () => {
    const { json, fileName } = exportFhirJson(RESULTS, { now: new Date(2026, 2, 4, 15, 0) });
    expect(fileName).toBe('solace-check-ins-2026-03-04.fhir.json');
    const reparsed = v.safeParse(BundleSchema, JSON.parse(json));
    expect(reparsed.success).toBe(true);
    const urls = (JSON.parse(json) as { entry: { fullUrl: string }[] }).entry.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(RESULTS.length * 2);
  });

  it('exports an empty history as an empty, valid Bundle', () => {
    const empty = buildFhirBundle([]);
    expect(v.safeParse(BundleSchema, empty).success).toBe(true);
    expect(empty.entry).toEqual([]);
  });
});
