/**
 * The FHIR R4 resource shapes the check-in export uses (Bundle, QuestionnaireResponse, Observation), as a
 * valibot schema. Objects are strict, so a misspelt element fails instead of being ignored by receivers.
 * Rules from the R4 specification: hl7.org/fhir/R4/{bundle,questionnaireresponse,observation,datatypes}.html
 */
import * as v from 'valibot';

export const LOINC = 'http://loinc.org';

/**
 * LOINC's mod-10 check digit (LOINC Users' Guide): digits in odd positions from the right, read as a
 * number, doubled; the even-position digits written before it; the check digit brings the digit sum to a
 * multiple of ten. Catches a mistyped code. Answer codes (LA...) use another scheme and are only shape-checked.
 */
export function loincCheckDigitOk(code: string): boolean {
  if (/^LA\d+-\d$/.test(code)) return true;
  const match = /^(\d{1,7})-(\d)$/.exec(code);
  if (!match) return false;
  const digits = [...match[1]!].reverse();
  const odd = digits
    .filter((_, i) => i % 2 === 0)
    .reverse()
    .join('');
  const even = digits
    .filter((_, i) => i % 2 === 1)
    .reverse()
    .join('');
  const sum = [...`${even}${Number(odd) * 2}`].reduce((s, d) => s + Number(d), 0);
  return (10 - (sum % 10)) % 10 === Number(match[2]);
}

const NonEmpty = v.pipe(v.string(), v.minLength(1), v.regex(/^\S/, 'no leading whitespace'));
const Uri = v.pipe(v.string(), v.regex(/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/, 'expected an absolute URI'));
/** R4 dateTime with a time part must carry a zone. */
const DateTime = v.pipe(
  v.string(),
  v.regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    'expected an R4 dateTime with a zone',
  ),
);
/** R4 integer: 32-bit signed. */
const Integer = v.pipe(v.number(), v.integer(), v.minValue(-2147483648), v.maxValue(2147483647));

export const CodingSchema = v.pipe(
  v.strictObject({ system: Uri, code: v.pipe(NonEmpty, v.regex(/^\S+$/)), display: v.optional(NonEmpty) }),
  v.check((c) => c.system !== LOINC || loincCheckDigitOk(c.code), 'malformed LOINC code'),
);

export const CodeableConceptSchema = v.strictObject({
  coding: v.pipe(v.array(CodingSchema), v.minLength(1)),
  text: v.optional(NonEmpty),
});

const AnswerSchema = v.union([
  v.strictObject({ valueCoding: CodingSchema }),
  v.strictObject({ valueInteger: Integer }),
]);

export const QuestionnaireResponseSchema = v.strictObject({
  resourceType: v.literal('QuestionnaireResponse'),
  language: v.optional(v.picklist(['en', 'zh-CN'])),
  questionnaire: Uri,
  status: v.picklist(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']),
  authored: DateTime,
  item: v.pipe(
    v.array(
      v.strictObject({
        linkId: NonEmpty,
        text: v.optional(NonEmpty),
        answer: v.pipe(v.array(AnswerSchema), v.minLength(1)),
      }),
    ),
    v.minLength(1),
  ),
});

export const ObservationSchema = v.strictObject({
  resourceType: v.literal('Observation'),
  status: v.picklist([
    'registered',
    'preliminary',
    'final',
    'amended',
    'corrected',
    'cancelled',
    'entered-in-error',
    'unknown',
  ]),
  category: v.pipe(v.array(CodeableConceptSchema), v.minLength(1)),
  code: CodeableConceptSchema,
  valueInteger: Integer,
  effectiveDateTime: DateTime,
  interpretation: v.optional(v.pipe(v.array(CodeableConceptSchema), v.minLength(1))),
  derivedFrom: v.pipe(v.array(v.strictObject({ reference: NonEmpty })), v.minLength(1)),
});

const EntrySchema = v.strictObject({
  fullUrl: v.pipe(
    v.string(),
    v.regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  ),
  resource: v.variant('resourceType', [QuestionnaireResponseSchema, ObservationSchema]),
});

export const BundleSchema = v.pipe(
  v.strictObject({
    resourceType: v.literal('Bundle'),
    type: v.picklist([
      'document',
      'message',
      'transaction',
      'transaction-response',
      'batch',
      'batch-response',
      'history',
      'searchset',
      'collection',
    ]),
    timestamp: v.optional(DateTime),
    entry: v.array(EntrySchema),
  }),
  v.check(
    (b) => new Set(b.entry.map((e) => e.fullUrl)).size === b.entry.length,
    'fullUrl values must be unique',
  ),
  v.check((b) => {
    const responses = new Set(
      b.entry.filter((e) => e.resource.resourceType === 'QuestionnaireResponse').map((e) => e.fullUrl),
    );
    return b.entry.every(
      (e) =>
        e.resource.resourceType !== 'Observation' ||
        e.resource.derivedFrom.every((r) => responses.has(r.reference)),
    );
  }, 'every derivedFrom must point at a QuestionnaireResponse in the Bundle'),
);

export type BundleOutput = v.InferOutput<typeof BundleSchema>;
